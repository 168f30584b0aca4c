import { createTestApp, type TestApp } from '../../testing/app';
import { createActivity, newVolunteer } from './test-fixtures';


// Creating and seeding a fresh database (PostgreSQL on a busy machine) takes more than jest’s 5 s.
jest.setTimeout(30_000);
let t: TestApp;
let worker: { authorization: string };
beforeAll(async () => {
  t = await createTestApp();
  worker = await t.signIn('worker');
});
afterAll(() => t.close());

type Headers = { authorization: string };
const signUp = (id: number, headers: Headers, payload: object = {}) =>
  t.app.inject({ method: 'POST', url: `/api/activities/${id}/signups`, headers, payload });
const cancel = (id: number, headers: Headers) => t.app.inject({ method: 'DELETE', url: `/api/activities/${id}/signups/me`, headers });
const detail = async (id: number, headers?: Headers) => (await t.app.inject({ method: 'GET', url: `/api/activities/${id}`, headers })).json();

/** Each test its own week, so its activities never overlap another test's. */
function week(n: number, overrides: Record<string, unknown> = {}) {
  const start = Date.parse('2027-04-05T01:00:00.000Z') + n * 7 * 86_400_000;
  return {
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 2 * 3_600_000).toISOString(),
    signupDeadline: new Date(start - 86_400_000).toISOString(),
    ...overrides,
  };
}

describe('POST /api/activities/:id/signups', () => {
  it('signs up, says what comes next, and a repeat changes nothing', async () => {
    const activity = await createActivity(t.app, worker, week(0, { capacity: 2 }));
    const me = await newVolunteer(t.app, '报名甲');
    const first = await signUp(activity.id, me);
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ status: 'signedUp', waitlistPosition: null, accompanied: false });
    expect(first.json().message).toContain('报名成功');
    const again = await signUp(activity.id, me);
    expect(again.statusCode).toBe(200);
    expect(again.json()).toMatchObject({ status: 'signedUp', message: '您已经报名了这个活动' });
    expect(await detail(activity.id, me)).toMatchObject({ taken: 1, placesLeft: 1, mySignup: { status: 'signedUp' } });
  });

  it('refuses when full, offering the waiting list; waits in arrival order; a cancellation promotes the first and tells them', async () => {
    const activity = await createActivity(t.app, worker, week(1, { capacity: 1 }));
    const [a, b, c] = [await newVolunteer(t.app, '候补甲'), await newVolunteer(t.app, '候补乙'), await newVolunteer(t.app, '候补丙')];
    expect((await signUp(activity.id, a)).statusCode).toBe(201);
    const full = await signUp(activity.id, b);
    expect(full.statusCode).toBe(409);
    expect(full.json().error.message).toContain('名额已满。您可以加入候补名单');
    expect((await signUp(activity.id, b, { waitlist: true })).json()).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    expect((await signUp(activity.id, c, { waitlist: true })).json()).toMatchObject({ status: 'waitlisted', waitlistPosition: 2, message: expect.stringContaining('第 2 位') });
    expect(await detail(activity.id)).toMatchObject({ taken: 1, waitlisted: 2, state: 'full' });

    const left = await cancel(activity.id, a);
    expect(left.statusCode).toBe(200);
    expect(await detail(activity.id, b)).toMatchObject({ taken: 1, waitlisted: 1, mySignup: { status: 'signedUp' } });
    expect((await detail(activity.id, c)).mySignup).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    const told = await t.app.db.selectFrom('messages').select(['title', 'link']).where('kind', '=', 'volunteer.promoted').execute();
    expect(told).toEqual([{ title: '候补成功，您已报上名', link: `/features/volunteers/pages/activity/index?id=${activity.id}` }]);

    // Leaving the waiting list frees nothing and promotes nobody; signing up again goes to the back.
    expect((await cancel(activity.id, c)).json().message).toBe('已退出候补名单');
    expect(await detail(activity.id)).toMatchObject({ taken: 1, waitlisted: 0 });
    expect((await signUp(activity.id, a, { waitlist: true })).json()).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
    // The last one signed up leaving with nobody waiting: the place reopens.
    await cancel(activity.id, a);
    await cancel(activity.id, b);
    expect(await detail(activity.id)).toMatchObject({ taken: 0, placesLeft: 1, state: 'recruiting' });
  });

  it('refuses after the deadline, and cancelling after it', async () => {
    const activity = await createActivity(t.app, worker, week(2));
    const me = await newVolunteer(t.app, '截止甲');
    await signUp(activity.id, me);
    t.clock.set(activity.signupDeadline);
    try {
      const late = await signUp(activity.id, await newVolunteer(t.app, '截止乙'));
      expect(late.statusCode).toBe(409);
      expect(late.json().error.message).toMatch(/^报名已于 .* 截止/);
      const leave = await cancel(activity.id, me);
      expect(leave.statusCode).toBe(409);
      expect(leave.json().error.message).toContain('不能在线取消');
      expect((await detail(activity.id)).state).toBe('closed');
    } finally {
      t.clock.set('2026-11-26T02:00:00.000Z');
    }
  });

  it('refuses someone too young for the activity, and marks 须监护人陪同 under 14', async () => {
    const adultsOnly = await createActivity(t.app, worker, week(3, { minAge: 18 }));
    const child = await newVolunteer(t.app, '小志愿者', { guardianName: '家长', guardianPhone: '13600004444', guardianConsent: true }, '2014-01-01');
    const refused = await signUp(adultsOnly.id, child);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('要求年满 18 周岁');
    const forAll = await createActivity(t.app, worker, week(4));
    const ok = await signUp(forAll.id, child);
    expect(ok.statusCode).toBe(201);
    expect(ok.json()).toMatchObject({ accompanied: true, message: expect.stringContaining('须监护人陪同') });
  });

  it('refuses when a required skill is missing, naming it', async () => {
    const activity = await createActivity(t.app, worker, week(5, { skills: ['first-aid', 'companionship'] }));
    const me = await newVolunteer(t.app, '技能甲', { skills: ['companionship'] });
    const refused = await signUp(activity.id, me);
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toContain('需要以下技能：急救');
    expect((await signUp(activity.id, await newVolunteer(t.app, '技能乙', { skills: ['first-aid', 'companionship'] }))).statusCode).toBe(201);
  });

  it('refuses an activity overlapping another of the same volunteer (waiting counts too); back to back is fine', async () => {
    const morning = await createActivity(t.app, worker, week(6, { capacity: 1 }));
    const day = morning.startsAt.slice(0, 10);
    const overlapping = await createActivity(t.app, worker, { ...week(6), startsAt: `${day}T02:00:00.000Z`, endsAt: `${day}T04:00:00.000Z` });
    const after = await createActivity(t.app, worker, { ...week(6), startsAt: `${day}T03:00:00.000Z`, endsAt: `${day}T05:00:00.000Z` });
    await signUp(morning.id, await newVolunteer(t.app, '占位'));
    const me = await newVolunteer(t.app, '重叠甲');
    expect((await signUp(morning.id, me, { waitlist: true })).json().status).toBe('waitlisted');
    const clash = await signUp(overlapping.id, me);
    expect(clash.statusCode).toBe(409);
    expect(clash.json().error.message).toContain('时间重叠');
    expect((await signUp(after.id, me)).statusCode).toBe(201);
  });

  it('is for registered volunteers only', async () => {
    const activity = await createActivity(t.app, worker, week(7));
    const resident = await t.signIn('resident');
    const refused = await signUp(activity.id, resident);
    expect(refused.statusCode).toBe(403);
    expect(refused.json().error.message).toBe('请先登记成为志愿者，再报名活动');
    expect((await signUp(activity.id, undefined as unknown as Headers)).statusCode).toBe(401);
    expect((await cancel(activity.id, await newVolunteer(t.app, '未报名'))).statusCode).toBe(404);
  });

  it('lets more places promote the waiting list in order', async () => {
    const activity = await createActivity(t.app, worker, week(8, { capacity: 1 }));
    const people = [];
    for (const name of ['扩甲', '扩乙', '扩丙', '扩丁']) {
      const v = await newVolunteer(t.app, name);
      people.push(v);
      await signUp(activity.id, v, { waitlist: true });
    }
    const patched = await t.app.inject({ method: 'PATCH', url: `/api/activities/${activity.id}`, headers: worker, payload: { capacity: 3 } });
    expect(patched.json()).toMatchObject({ capacity: 3, taken: 3, waitlisted: 1 });
    expect((await detail(activity.id, people[1])).mySignup.status).toBe('signedUp');
    expect((await detail(activity.id, people[2])).mySignup.status).toBe('signedUp');
    expect((await detail(activity.id, people[3])).mySignup).toMatchObject({ status: 'waitlisted', waitlistPosition: 1 });
  });
});
