import { createTestApp, type TestApp } from '../../testing/app';
import { activityBody, createActivity, newVolunteer } from './test-fixtures';


// Creating and seeding a fresh database (PostgreSQL on a busy machine) takes more than jest’s 5 s.
jest.setTimeout(30_000);
let t: TestApp;
let worker: { authorization: string };
let street: { authorization: string };
beforeAll(async () => {
  t = await createTestApp();
  worker = await t.signIn('worker');
  street = await t.signIn('street');
});
afterAll(() => t.close());

const get = (url: string, headers?: { authorization: string }) => t.app.inject({ method: 'GET', url, headers });

describe('GET /api/activities', () => {
  it('lists the seeded activities not yet ended, by start, with places left and state, in pages', async () => {
    const first = await get('/api/activities?limit=5');
    expect(first.statusCode).toBe(200);
    const page = first.json();
    expect(page.items).toHaveLength(5);
    expect(page.nextCursor).toEqual(expect.any(String));
    const all = [...page.items];
    let cursor = page.nextCursor;
    while (cursor) {
      const next = (await get(`/api/activities?limit=5&cursor=${encodeURIComponent(cursor)}`)).json();
      all.push(...next.items);
      cursor = next.nextCursor;
    }
    expect(new Set(all.map((a) => a.id)).size).toBe(all.length);
    const starts = all.map((a) => a.startsAt);
    expect([...starts].sort()).toEqual(starts);
    expect(all.every((a) => a.endsAt > t.app.now().toISOString())).toBe(true);
    expect(all.length).toBeGreaterThanOrEqual(25);
    const states = new Set(all.map((a) => a.stateLabel));
    expect(states).toContain('招募中');
    expect(states).toContain('已满员');
    for (const a of all) expect(a.placesLeft).toBe(Math.max(a.capacity - a.taken, 0));
    expect(all.some((a) => a.waitlisted > 0)).toBe(true);
  });

  it('filters by 社区, day, skill and 招募中 only', async () => {
    const yanjiang = (await get('/api/activities?community=yanjiang')).json().items;
    expect(yanjiang.length).toBeGreaterThan(0);
    expect(yanjiang.every((a: { communityName: string }) => a.communityName === '沿江社区')).toBe(true);

    const recruiting = (await get('/api/activities?recruiting=true&limit=50')).json().items;
    expect(recruiting.length).toBeGreaterThan(0);
    expect(recruiting.every((a: { state: string }) => a.state === 'recruiting')).toBe(true);

    const haircut = (await get('/api/activities?skill=haircut&limit=50')).json().items;
    expect(haircut.length).toBeGreaterThan(0);
    expect(haircut.every((a: { skills: Array<{ id: string }> }) => a.skills.some((s) => s.id === 'haircut'))).toBe(true);

    // 2026-11-12 (China time) is 14 days before the test clock: the past 江畔清洁 in 新市.
    const day = (await get('/api/activities?date=2026-11-12&community=xinshi')).json().items;
    expect(day.map((a: { title: string; state: string }) => [a.title, a.state])).toEqual([['鸭绿江畔环境清洁', 'ended']]);
  });

  it('refuses bad filters in words', async () => {
    expect((await get('/api/activities?community=nowhere')).json().error.fields.community).toBe('社区：没有这个社区');
    expect((await get('/api/activities?skill=flying')).json().error.fields.skill).toBe('技能：没有这项技能');
    expect((await get('/api/activities?date=tomorrow')).statusCode).toBe(400);
    expect((await get('/api/activities?cursor=garbage')).json().error.fields.cursor).toMatch(/^翻页位置：/);
  });
});

describe('GET /api/activities/:id', () => {
  it('gives place, notice, safeguards, hours and target group; 404 for none', async () => {
    const created = await createActivity(t.app, worker, { pointId: 'sp-xinshi-elder-canteen', address: null, safeguards: ['insurance', 'water'], notice: '请带水杯' });
    const detail = (await get(`/api/activities/${created.id}`)).json();
    expect(detail).toMatchObject({
      title: '测试活动',
      state: 'recruiting',
      stateLabel: '招募中',
      hours: 2,
      notice: '请带水杯',
      safeguards: [{ id: 'insurance', name: '意外保险' }, { id: 'water', name: '饮水' }],
      targetGroup: { id: 'left-behind-elders', name: '留守老人' },
      place: { pointId: 'sp-xinshi-elder-canteen' },
      mySignup: null,
      canManage: false,
    });
    expect(detail.place.name).toContain('长者食堂');
    expect((await get(`/api/activities/${created.id}`, worker)).json().canManage).toBe(true);
    expect((await get('/api/activities/999999')).statusCode).toBe(404);
    expect((await get('/api/activities/abc')).statusCode).toBe(400);
  });
});

describe('publishing, editing, cancelling', () => {
  it('is for workers of the activity’s 社区 (a street worker for the whole street) only', async () => {
    const resident = await t.signIn('resident');
    expect((await t.app.inject({ method: 'POST', url: '/api/activities', headers: resident, payload: activityBody() })).statusCode).toBe(403);
    // 张敏 works for 新市社区, not for 沿江社区 nor 文化社区.
    const elsewhere = await t.app.inject({ method: 'POST', url: '/api/activities', headers: worker, payload: activityBody({ communityId: 'yanjiang', teamId: 'yanjiang-vt' }) });
    expect(elsewhere.statusCode).toBe(403);
    expect(elsewhere.json().error.message).toBe('您只能处理本社区的事务');
    const byStreet = await createActivity(t.app, street, { communityId: 'yanjiang', teamId: 'yanjiang-party' });
    expect(byStreet.teamName).toBe('沿江社区党员志愿服务队');
    const patch = await t.app.inject({ method: 'PATCH', url: `/api/activities/${byStreet.id}`, headers: worker, payload: { title: '改名' } });
    expect(patch.statusCode).toBe(403);
    const cancel = await t.app.inject({ method: 'POST', url: `/api/activities/${byStreet.id}/cancel`, headers: worker, payload: { reason: '天气' } });
    expect(cancel.statusCode).toBe(403);
    const outsideStreet = await t.app.inject({ method: 'POST', url: '/api/activities', headers: street, payload: activityBody({ communityId: 'jianguo-wenhua', teamId: null }) });
    expect(outsideStreet.statusCode).toBe(403);
  });

  it('checks times, team and place, naming the field', async () => {
    const post = (payload: object) => t.app.inject({ method: 'POST', url: '/api/activities', headers: worker, payload });
    expect((await post(activityBody({ endsAt: '2027-02-10T00:00:00.000Z' }))).json().error.fields.endsAt).toBe('结束时间：应晚于开始时间');
    expect((await post(activityBody({ signupDeadline: '2027-02-11T00:00:00.000Z' }))).json().error.fields.signupDeadline).toBe('报名截止时间：不能晚于开始时间');
    expect((await post(activityBody({ signupDeadline: '2026-11-01T00:00:00.000Z', startsAt: '2026-11-20T00:00:00.000Z', endsAt: '2026-11-20T02:00:00.000Z' }))).json().error.fields.signupDeadline).toBe('报名截止时间：应晚于现在');
    expect((await post(activityBody({ teamId: 'yanjiang-vt' }))).json().error.fields.teamId).toBe('志愿服务队：请选择本社区的志愿服务队');
    expect((await post(activityBody({ address: null }))).json().error.fields.address).toBe('地址：请选择服务点或填写地址');
    expect((await post(activityBody({ pointId: 'nowhere', address: null }))).json().error.fields.pointId).toBe('活动地点：没有这个服务点');
    expect((await post(activityBody({ capacity: 0 }))).json().error.fields.capacity).toMatch(/^名额：/);
  });

  it('edits an activity, and never below the places already taken', async () => {
    const activity = await createActivity(t.app, worker, { capacity: 3, startsAt: '2027-02-20T01:00:00.000Z', endsAt: '2027-02-20T03:00:00.000Z', signupDeadline: '2027-02-19T01:00:00.000Z' });
    for (const name of ['甲', '乙']) {
      const v = await newVolunteer(t.app, `编辑${name}`);
      expect((await t.app.inject({ method: 'POST', url: `/api/activities/${activity.id}/signups`, headers: v, payload: {} })).statusCode).toBe(201);
    }
    const lower = await t.app.inject({ method: 'PATCH', url: `/api/activities/${activity.id}`, headers: worker, payload: { capacity: 1 } });
    expect(lower.statusCode).toBe(400);
    expect(lower.json().error.fields.capacity).toBe('名额：已有 2 人报名，名额不能少于 2');
    const ok = await t.app.inject({ method: 'PATCH', url: `/api/activities/${activity.id}`, headers: worker, payload: { capacity: 2, title: '新名字' } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ title: '新名字', capacity: 2, placesLeft: 0, state: 'full', stateLabel: '已满员' });
  });

  it('cancels, tells everyone signed up or waiting, and refuses a second cancel', async () => {
    const activity = await createActivity(t.app, worker, { capacity: 1, startsAt: '2027-03-01T01:00:00.000Z', endsAt: '2027-03-01T03:00:00.000Z', signupDeadline: '2027-02-28T01:00:00.000Z' });
    const one = await newVolunteer(t.app, '取消甲');
    const two = await newVolunteer(t.app, '取消乙');
    await t.app.inject({ method: 'POST', url: `/api/activities/${activity.id}/signups`, headers: one, payload: {} });
    await t.app.inject({ method: 'POST', url: `/api/activities/${activity.id}/signups`, headers: two, payload: { waitlist: true } });
    const response = await t.app.inject({ method: 'POST', url: `/api/activities/${activity.id}/cancel`, headers: worker, payload: { reason: '暴雪天气' } });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ state: 'cancelled', stateLabel: '已取消', cancelReason: '暴雪天气' });
    const messages = await t.app.db.selectFrom('messages').select(['user_id', 'title', 'body', 'link']).where('kind', '=', 'volunteer.activity_cancelled').execute();
    expect(messages).toHaveLength(2);
    expect(messages[0].body).toContain('暴雪天气');
    expect(messages[0].link).toBe(`/features/volunteers/pages/activity/index?id=${activity.id}`);
    const again = await t.app.inject({ method: 'POST', url: `/api/activities/${activity.id}/cancel`, headers: worker, payload: { reason: '暴雪天气' } });
    expect(again.statusCode).toBe(409);
    const signup = await t.app.inject({ method: 'POST', url: `/api/activities/${activity.id}/signups`, headers: await newVolunteer(t.app, '取消丙'), payload: {} });
    expect(signup.statusCode).toBe(409);
    expect(signup.json().error.message).toContain('已经取消');
  });

  it('refuses editing a cancelled activity or moving its start into the past', async () => {
    const activity = await createActivity(t.app, worker, { startsAt: '2027-03-05T01:00:00.000Z', endsAt: '2027-03-05T03:00:00.000Z', signupDeadline: '2027-03-04T01:00:00.000Z' });
    const past = await t.app.inject({ method: 'PATCH', url: `/api/activities/${activity.id}`, headers: worker, payload: { startsAt: '2026-11-20T01:00:00.000Z', signupDeadline: '2026-11-19T01:00:00.000Z' } });
    expect(past.json().error.fields.startsAt).toBe('开始时间：应晚于现在');
    const reversed = await t.app.inject({ method: 'PATCH', url: `/api/activities/${activity.id}`, headers: worker, payload: { endsAt: '2027-03-05T00:30:00.000Z' } });
    expect(reversed.json().error.fields.endsAt).toBe('结束时间：应晚于开始时间');
    await t.app.inject({ method: 'POST', url: `/api/activities/${activity.id}/cancel`, headers: worker, payload: { reason: '场地维修' } });
    const edit = await t.app.inject({ method: 'PATCH', url: `/api/activities/${activity.id}`, headers: worker, payload: { title: '再改' } });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().error.message).toBe('这个活动已经取消，不能再修改');
    expect((await t.app.inject({ method: 'POST', url: `/api/activities/${activity.id}/cancel`, headers: worker, payload: { reason: '' } })).statusCode).toBe(400);
  });

  it('lists the teams of a 社区, one of them a 党员志愿服务队', async () => {
    const teams = (await get('/api/volunteer-teams?community=xinshi')).json().items;
    expect(teams.map((team: { name: string }) => team.name)).toEqual(['新市社区志愿服务队', '新市社区党员志愿服务队']);
    const all = (await get('/api/volunteer-teams')).json().items;
    expect(new Set(all.map((team: { communityId: string }) => team.communityId)).size).toBe(22);
  });
});
