import { DEFAULT_TEST_TIME, createTestApp, type TestApp } from '../../testing/app';
import { createActivity, newVolunteer, registration, newResident } from './test-fixtures';


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
afterEach(() => t.clock.set(DEFAULT_TEST_TIME));
afterAll(() => t.close());

type Headers = { authorization: string };
const MINUTE = 60_000;
const attend = (id: number, headers: Headers, payload: object) =>
  t.app.inject({ method: 'POST', url: `/api/activities/${id}/attendance`, headers, payload });
const codeOf = async (id: number, headers: Headers = worker) =>
  t.app.inject({ method: 'GET', url: `/api/activities/${id}/checkin-code`, headers });
const at = (iso: string, minutes: number) => new Date(Date.parse(iso) + minutes * MINUTE);

/** An activity on its own day (n) with one volunteer signed up. */
async function activityWithVolunteer(n: number, name: string, overrides: Record<string, unknown> = {}) {
  const start = Date.parse('2026-12-03T01:00:00.000Z') + n * 86_400_000;
  const activity = await createActivity(t.app, worker, {
    title: `考勤活动${n}`,
    startsAt: new Date(start).toISOString(),
    endsAt: new Date(start + 3 * 3_600_000).toISOString(),
    signupDeadline: new Date(start - 86_400_000).toISOString(),
    ...overrides,
  });
  const volunteer = await newVolunteer(t.app, name, { nationalVolunteerNumber: 'ZY2206810001' });
  const signup = await t.app.inject({ method: 'POST', url: `/api/activities/${activity.id}/signups`, headers: volunteer, payload: {} });
  return { activity, volunteer, signupId: signup.json().signupId as number };
}

describe('check-in code', () => {
  it('is shown from 30 minutes before the start, to the activity’s workers only', async () => {
    const { activity, volunteer } = await activityWithVolunteer(0, '签到码甲');
    t.clock.set(at(activity.startsAt, -31));
    const early = await codeOf(activity.id);
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/^签到从 .* 开始/);
    t.clock.set(at(activity.startsAt, -30));
    const shown = await codeOf(activity.id);
    expect(shown.statusCode).toBe(200);
    expect(shown.json().code).toMatch(/^\d{6}$/);
    expect((await codeOf(activity.id, street)).statusCode).toBe(200);
    expect((await codeOf(activity.id, volunteer)).statusCode).toBe(403);
  });

  it('checks a volunteer in and out, typed or scanned; hours wait for the worker to confirm', async () => {
    const { activity, volunteer, signupId } = await activityWithVolunteer(1, '签到乙');
    t.clock.set(at(activity.startsAt, -40));
    expect((await attend(activity.id, volunteer, { action: 'checkIn', checkInCode: '123456' })).json().error.message).toMatch(/^签到从/);
    t.clock.set(at(activity.startsAt, -20));
    const { code, scanText } = (await codeOf(activity.id)).json();
    const wrong = await attend(activity.id, volunteer, { action: 'checkIn', checkInCode: code === '000000' ? '000001' : '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().error.fields.checkInCode).toBe('签到码：不对或已过期，请看工作人员手机上的最新签到码');
    const checkedIn = await attend(activity.id, volunteer, { action: 'checkIn', checkInCode: code });
    expect(checkedIn.statusCode).toBe(200);
    expect(checkedIn.json()).toMatchObject({ signupId, checkedInAt: at(activity.startsAt, -20).toISOString(), hours: null });

    // 2 h 50 min after the start: 2.5 hours (rounded down to the half hour), not yet counted.
    t.clock.set(at(activity.startsAt, 170));
    const fresh = (await codeOf(activity.id)).json();
    const out = await attend(activity.id, volunteer, { action: 'checkOut', checkInCode: fresh.scanText });
    expect(out.json()).toMatchObject({ hours: 2.5, confirmedAt: null });
    expect(scanText).toMatch(/^ljvol:/);
    const before = (await t.app.inject({ method: 'GET', url: '/api/volunteers/me', headers: volunteer })).json();
    expect(before.volunteer.totalHours).toBe(0);
    expect((await attend(activity.id, volunteer, { action: 'confirm', signupId })).statusCode).toBe(403);

    const confirmed = await attend(activity.id, worker, { action: 'confirm', signupId });
    expect(confirmed.json()).toMatchObject({ hours: 2.5, confirmedAt: expect.any(String) });
    const after = (await t.app.inject({ method: 'GET', url: '/api/volunteers/me', headers: volunteer })).json();
    expect(after.volunteer.totalHours).toBe(2.5);
    expect((await attend(activity.id, worker, { action: 'checkOut', signupId })).json().error.message).toBe('时长已经确认，不能再修改');
  });

  it('of one activity never checks in to another', async () => {
    const one = await activityWithVolunteer(2, '跨活动甲');
    const two = await createActivity(t.app, worker, {
      title: '另一个活动',
      startsAt: one.activity.startsAt,
      endsAt: one.activity.endsAt,
      signupDeadline: one.activity.signupDeadline,
      communityId: 'yanjiang',
      teamId: null,
    }).catch(() => null);
    expect(two).toBeNull(); // 张敏 cannot publish for 沿江: the street worker does.
    const other = await createActivity(t.app, street, {
      title: '另一个活动',
      communityId: 'yanjiang',
      teamId: null,
      startsAt: at(one.activity.endsAt, 0).toISOString(),
      endsAt: at(one.activity.endsAt, 60).toISOString(),
      signupDeadline: one.activity.signupDeadline,
    });
    await t.app.inject({ method: 'POST', url: `/api/activities/${other.id}/signups`, headers: one.volunteer, payload: {} });
    t.clock.set(at(other.startsAt, -10));
    const codeOne = (await codeOf(one.activity.id)).json();
    const scanned = await attend(other.id, one.volunteer, { action: 'checkIn', checkInCode: codeOne.scanText });
    expect(scanned.statusCode).toBe(400);
    expect(scanned.json().error.fields.checkInCode).toBe('签到码：这是另一个活动的签到码，请核对活动');
    const typed = await attend(other.id, one.volunteer, { action: 'checkIn', checkInCode: codeOne.code });
    expect(typed.statusCode).toBe(400);
    const row = await t.app.db.selectFrom('activity_signups').select('checked_in_at').where('activity_id', '=', other.id).executeTakeFirstOrThrow();
    expect(row.checked_in_at).toBeNull();
  });

  it('expires', async () => {
    const { activity, volunteer } = await activityWithVolunteer(3, '过期甲');
    t.clock.set(at(activity.startsAt, -25));
    const { code, expiresAt } = (await codeOf(activity.id)).json();
    t.clock.set(new Date(expiresAt));
    const late = await attend(activity.id, volunteer, { action: 'checkIn', checkInCode: code });
    expect(late.statusCode).toBe(400);
  });
});

describe('attendance refusals', () => {
  it('refuses the waiting list, a closed window, and anyone signed out', async () => {
    const { activity } = await activityWithVolunteer(7, '窗口甲', { capacity: 1 });
    const { volunteer } = await activityWithVolunteer(8, '窗口丙');
    const waiting = await newVolunteer(t.app, '窗口乙');
    await t.app.inject({ method: 'POST', url: `/api/activities/${activity.id}/signups`, headers: waiting, payload: { waitlist: true } });
    t.clock.set(at(activity.startsAt, -10));
    const { code } = (await codeOf(activity.id)).json();
    const waitlisted = await attend(activity.id, waiting, { action: 'checkIn', checkInCode: code });
    expect(waitlisted.statusCode).toBe(409);
    expect(waitlisted.json().error.message).toBe('您还在候补名单中，递补成功后才能签到');
    expect((await t.app.inject({ method: 'POST', url: `/api/activities/${activity.id}/attendance`, payload: { action: 'checkIn', checkInCode: code } })).statusCode).toBe(401);

    t.clock.set(at(activity.endsAt, 61));
    const closed = await codeOf(activity.id);
    expect(closed.statusCode).toBe(409);
    // Someone not signed up for this activity.
    expect((await attend(activity.id, volunteer, { action: 'checkIn', checkInCode: code })).statusCode).toBe(404);
    expect((await attend(activity.id, worker, { action: 'fly' })).json().error.fields.action).toMatch(/^操作：/);
  });
});

describe('worker marks attendance', () => {
  it('checks in and out from the roster, then confirms; other communities’ workers cannot', async () => {
    const { activity, signupId } = await activityWithVolunteer(4, '代签甲');
    t.clock.set(at(activity.startsAt, 5));
    expect((await attend(activity.id, worker, { action: 'checkOut', signupId })).json().error.message).toBe('这位志愿者还没有签到，请先签到');
    expect((await attend(activity.id, worker, { action: 'confirm', signupId })).json().error.message).toBe('请先为这位志愿者签退，再确认时长');
    expect((await attend(activity.id, worker, { action: 'checkIn', signupId })).statusCode).toBe(200);
    t.clock.set(at(activity.endsAt, 30));
    expect((await attend(activity.id, worker, { action: 'checkOut', signupId })).json().hours).toBe(2.5);

    const roster = await t.app.inject({ method: 'GET', url: `/api/activities/${activity.id}/signups`, headers: worker });
    expect(roster.json().items).toEqual([expect.objectContaining({ signupId, volunteerName: '代签甲', maskedPhone: '139****5678', hours: 2.5, status: 'signedUp' })]);
    const audit = await t.app.db.selectFrom('audit_log').selectAll().where('action', '=', 'volunteers.view_roster').execute();
    expect(audit.length).toBeGreaterThan(0);

    const otherWorkerActivity = await createActivity(t.app, street, {
      communityId: 'yanjiang',
      teamId: null,
      startsAt: '2026-12-20T01:00:00.000Z',
      endsAt: '2026-12-20T03:00:00.000Z',
      signupDeadline: '2026-12-19T01:00:00.000Z',
    });
    expect((await t.app.inject({ method: 'GET', url: `/api/activities/${otherWorkerActivity.id}/signups`, headers: worker })).statusCode).toBe(403);
    expect((await attend(otherWorkerActivity.id, worker, { action: 'checkIn', signupId })).statusCode).toBe(403);
    // A sign-up of another activity cannot be marked through this one.
    expect((await attend(otherWorkerActivity.id, street, { action: 'checkIn', signupId })).statusCode).toBe(404);
  });
});

describe('records, 证明 and export', () => {
  it('shows my records with total confirmed hours, and a 证明 only for a confirmed one of mine', async () => {
    const { activity, volunteer, signupId } = await activityWithVolunteer(5, '证明甲');
    t.clock.set(at(activity.startsAt, -5));
    await attend(activity.id, worker, { action: 'checkIn', signupId });
    t.clock.set(at(activity.endsAt, 0));
    await attend(activity.id, worker, { action: 'checkOut', signupId });
    const early = await t.app.inject({ method: 'GET', url: `/api/volunteers/me/records/${signupId}/certificate`, headers: volunteer });
    expect(early.statusCode).toBe(409);
    await attend(activity.id, worker, { action: 'confirm', signupId });

    const records = (await t.app.inject({ method: 'GET', url: '/api/volunteers/me/records', headers: volunteer })).json();
    expect(records.totalHours).toBe(3);
    expect(records.items).toEqual([expect.objectContaining({ signupId, hours: 3, activity: expect.objectContaining({ id: activity.id, state: 'ended' }) })]);

    const certificate = await t.app.inject({ method: 'GET', url: `/api/volunteers/me/records/${signupId}/certificate`, headers: volunteer });
    expect(certificate.statusCode).toBe(200);
    expect(certificate.json()).toMatchObject({
      name: '证明甲',
      idTypeLabel: '居民身份证',
      maskedIdNumber: expect.stringMatching(/^2206\*{10}[\dX]{4}$/),
      nationalVolunteerNumber: 'ZY2206810001',
      hours: 3,
      activityTitle: '考勤活动5',
      issuer: '临江市新市街道新市社区居民委员会（新市社区志愿服务队）',
      serviceDate: '2026-12-08',
      serialNumber: `LJZY-2026-${String(signupId).padStart(6, '0')}`,
    });

    // Someone else's record is not found, and nobody's answer carries a full ID number.
    const other = await newVolunteer(t.app, '旁人');
    expect((await t.app.inject({ method: 'GET', url: `/api/volunteers/me/records/${signupId}/certificate`, headers: other })).statusCode).toBe(404);
    const roster = await t.app.inject({ method: 'GET', url: `/api/activities/${activity.id}/signups`, headers: worker });
    const idNumbers = (await t.app.db.selectFrom('volunteers').select('id_number_encrypted').execute()).map((r) => t.app.privacy.decrypt(r.id_number_encrypted));
    for (const body of [roster.body, certificate.body, JSON.stringify(records), (await t.app.inject({ method: 'GET', url: `/api/activities/${activity.id}`, headers: worker })).body]) {
      for (const idNumber of idNumbers) expect(body).not.toContain(idNumber);
    }
  });

  it('exports confirmed records as CSV with a BOM; full ID numbers only for the worker’s own 社区; audited', async () => {
    const { activity, signupId } = await activityWithVolunteer(6, '导出甲');
    // A volunteer of 沿江社区 at a 新市 activity.
    const visitor = await newResident(t.app.db, '外社区', t.app.now(), 'yanjiang');
    const visitorBody = registration({ realName: '外社区', communityId: 'yanjiang' });
    await t.app.inject({ method: 'POST', url: '/api/volunteers', headers: visitor, payload: visitorBody });
    const visitorSignup = (await t.app.inject({ method: 'POST', url: `/api/activities/${activity.id}/signups`, headers: visitor, payload: {} })).json().signupId;
    t.clock.set(at(activity.startsAt, 0));
    for (const id of [signupId, visitorSignup]) await attend(activity.id, worker, { action: 'checkIn', signupId: id });
    t.clock.set(at(activity.endsAt, 0));
    for (const id of [signupId, visitorSignup]) {
      await attend(activity.id, worker, { action: 'checkOut', signupId: id });
      await attend(activity.id, worker, { action: 'confirm', signupId: id });
    }
    const response = await t.app.inject({ method: 'GET', url: '/api/volunteers/export?from=2026-12-09&to=2026-12-09', headers: worker });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.rawPayload.subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    const lines = response.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toBe('"序号","姓名","证件类型","证件号码","志愿者编号","项目名称","服务开始时间","服务结束时间","服务时长（小时）","服务内容","组织单位"');
    expect(lines).toHaveLength(3);
    const own = lines.find((line) => line.includes('导出甲'))!;
    expect(own).toMatch(/"220681\d{11}[\dX]"/);
    expect(own).toContain('"3"');
    const visitorLine = lines.find((line) => line.includes('外社区'))!;
    expect(visitorLine).not.toContain(visitorBody.idNumber);
    expect(visitorLine).toContain(`2206**********${visitorBody.idNumber.slice(-4)}`);

    const audit = await t.app.db.selectFrom('audit_log').selectAll().where('action', '=', 'volunteers.export').execute();
    expect(JSON.parse(audit[audit.length - 1].detail!)).toMatchObject({ rows: 2, fullIdNumbers: 1 });

    expect((await t.app.inject({ method: 'GET', url: '/api/volunteers/export?from=2026-12-09&to=2026-12-09', headers: await t.signIn('resident') })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/volunteers/export?from=2026-12-09&to=2026-12-09&community=yanjiang', headers: worker })).statusCode).toBe(403);
    expect((await t.app.inject({ method: 'GET', url: '/api/volunteers/export?from=2026-12-09&to=2026-12-01', headers: worker })).json().error.fields.to).toBe('结束日期：不能早于开始日期');
  });
});
