import type { Booking, BookingPage, ElderDetail, Schedule } from '@contract/care';
import type { MessagePage } from '@contract/messages';
import type { DemoAccountKey } from '@contract/auth';
import { createTestApp, DEFAULT_TEST_TIME, type TestApp } from '../../testing/app';

/** China local time → ISO instant. The test clock starts at 10:00 on Thursday 2026-11-26. */
const local = (time: string) => new Date(`${time}+08:00`).toISOString();
const TOMORROW = '2026-11-27';

// A fresh database per file (PostgreSQL: created, migrated and seeded) takes seconds on a busy machine.
jest.setTimeout(30_000);

let t: TestApp;
const headers: Partial<Record<DemoAccountKey, { authorization: string }>> = {};
const as = (account: DemoAccountKey) => headers[account]!;
let motherId: number;
let keys = 0;

beforeAll(async () => {
  t = await createTestApp();
  for (const account of ['resident', 'elder', 'volunteer', 'worker', 'street', 'provider', 'bath-provider'] as const) {
    headers[account] = await t.signIn(account);
  }
  motherId = (await get('/api/elders', 'elder')).json().items[0].id;
});
afterAll(() => t.close());
afterEach(() => t.clock.set(DEFAULT_TEST_TIME));

function get(url: string, account: DemoAccountKey) {
  return t.app.inject({ method: 'GET', url, headers: as(account) });
}
const post = (url: string, account: DemoAccountKey, payload: object = {}) => t.app.inject({ method: 'POST', url, headers: as(account), payload });
const slotOf = (service: string, date: string, start: string) => `${service}:${date}:${start.replace(':', '')}`;
async function book(account: DemoAccountKey, payload: object): Promise<Booking> {
  const response = await t.app.inject({
    method: 'POST',
    url: '/api/bookings',
    headers: { ...as(account), 'idempotency-key': `fulfil-key-${(keys += 1)}` },
    payload,
  });
  expect(response.statusCode).toBe(201);
  return response.json();
}

describe('the provider of the canteen', () => {
  let lunch: Booking;
  beforeAll(async () => {
    lunch = await book('resident', { elderId: motherId, slotId: slotOf('cs-xinshi-lunch', TOMORROW, '11:00'), mealMode: 'delivery' });
  });

  it('sees the day by slot, with the 送餐 count and where to deliver', async () => {
    const response = await get(`/api/care/schedule?date=${TOMORROW}`, 'provider');
    expect(response.statusCode).toBe(200);
    const schedule: Schedule = response.json();
    expect(schedule.servicePoint.id).toBe('sp-xinshi-elder-canteen');
    expect(schedule.slots.map((s) => `${s.service.name} ${s.slot.start}`)).toEqual(['午餐 11:00', '晚餐 17:00']);
    const [lunchSlot, dinnerSlot] = schedule.slots;
    expect(lunchSlot).toMatchObject({ bookedCount: 1, deliveryCount: 1 });
    expect(lunchSlot.slot.placesLeft).toBe(39);
    expect(lunchSlot.bookings).toEqual([
      {
        id: lunch.id,
        status: 'booked',
        statusName: '已预约',
        elderName: '张桂芝',
        elderPhone: '139****5566',
        mealMode: 'delivery',
        address: '临江市新市街道新市社区幸福小区 3 号楼 2 单元 101 室',
        note: null,
        nextStatuses: ['confirmed', 'completed'],
      },
    ]);
    expect(dinnerSlot.bookings).toEqual([]);
    const audit = await t.app.db.selectFrom('audit_log').select('action').where('action', '=', 'care.view_schedule').execute();
    expect(audit.length).toBeGreaterThan(0);
  });

  it('defaults to today, and only providers have a schedule', async () => {
    expect((await get('/api/care/schedule', 'provider')).json().date).toBe('2026-11-26');
    expect((await get('/api/care/schedule', 'resident')).statusCode).toBe(403);
    expect((await get('/api/care/schedule', 'worker')).statusCode).toBe(403);
  });

  it('confirms, then completes; the family sees 已完成 in the timeline and the messages', async () => {
    const confirmed = await post(`/api/bookings/${lunch.id}/status`, 'provider', { status: 'confirmed' });
    expect(confirmed.statusCode).toBe(200);
    expect(confirmed.json()).toMatchObject({ status: 'confirmed', statusName: '已确认', nextStatuses: ['completed'] });
    expect((await post(`/api/bookings/${lunch.id}/status`, 'provider', { status: 'confirmed' })).json().error.message).toBe('这份预约已经确认过了');
    // 未到 only once the meal time has come.
    const early = await post(`/api/bookings/${lunch.id}/status`, 'provider', { status: 'no_show' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('服务时间还没到，不能记为未到');

    t.clock.set(local('2026-11-27T12:40:00'));
    const done = await post(`/api/bookings/${lunch.id}/status`, 'provider', { status: 'completed', note: '已送到家' });
    expect(done.json()).toMatchObject({ status: 'completed', completedAt: local('2026-11-27T12:40:00'), nextStatuses: [] });
    const seen: Booking = (await get(`/api/bookings/${lunch.id}`, 'resident')).json();
    expect(seen.statusName).toBe('已完成');
    expect(seen.canCancel).toBe(false);
    expect(seen.timeline.map((e) => [e.label, e.by, e.note])).toEqual([
      ['已预约', '家属', null],
      ['已确认', '服务点', null],
      ['已完成', '服务点', '已送到家'],
    ]);
    const messages: MessagePage = (await get('/api/messages', 'resident')).json();
    expect(messages.items.slice(0, 2).map((m) => m.title)).toEqual(['服务已完成', '服务点已确认预约']);
    const row = await t.app.db.selectFrom('bookings').select(['status', 'completed_at']).where('id', '=', lunch.id).executeTakeFirstOrThrow();
    expect(row).toEqual({ status: 'completed', completed_at: local('2026-11-27T12:40:00') });
    // The provider's day still counts the delivered lunch.
    const day: Schedule = (await get(`/api/care/schedule?date=${TOMORROW}`, 'provider')).json();
    expect(day.slots[0]).toMatchObject({ bookedCount: 1, deliveryCount: 1 });
    expect((await post(`/api/bookings/${lunch.id}/status`, 'provider', { status: 'no_show' })).json().error.message).toBe('这份预约已经结束，不能再改状态');
  });

  it('marks 未到 once the slot has started', async () => {
    const dinner = await book('elder', { elderId: motherId, slotId: slotOf('cs-xinshi-dinner', TOMORROW, '17:00'), mealMode: 'dine-in' });
    t.clock.set(local('2026-11-27T17:00:00'));
    const noShow = await post(`/api/bookings/${dinner.id}/status`, 'provider', { status: 'no_show', note: '等到 18:00 未到' });
    expect(noShow.json()).toMatchObject({ status: 'no_show', statusName: '未到' });
    const messages: MessagePage = (await get('/api/messages', 'elder')).json();
    expect(messages.items[0]).toMatchObject({ title: '预约记为未到' });
    expect(messages.items[0].body).toContain('原因：等到 18:00 未到。');
    // The place stays taken: a no-show is not a cancellation.
    const slot = await t.app.db.selectFrom('care_slots').select('booked').where('id', '=', dinner.slot.id).executeTakeFirstOrThrow();
    expect(slot.booked).toBe(1);
  });

  it('sees only its own point: another point’s provider gets 404, residents cannot change a status', async () => {
    expect((await get(`/api/bookings/${lunch.id}`, 'bath-provider')).statusCode).toBe(404);
    expect((await post(`/api/bookings/${lunch.id}/status`, 'bath-provider', { status: 'completed' })).statusCode).toBe(404);
    expect((await post(`/api/bookings/${lunch.id}/status`, 'resident', { status: 'completed' })).statusCode).toBe(403);
    const bathList: BookingPage = (await get('/api/bookings', 'bath-provider')).json();
    expect(bathList.items).toEqual([]);
    const canteenList: BookingPage = (await get(`/api/bookings?date=${TOMORROW}`, 'provider')).json();
    expect(canteenList.items.every((b) => b.servicePoint.id === 'sp-xinshi-elder-canteen')).toBe(true);
    expect(canteenList.items.length).toBe(2);
    const bathSchedule: Schedule = (await get(`/api/care/schedule?date=${TOMORROW}`, 'bath-provider')).json();
    expect(bathSchedule.servicePoint.id).toBe('sp-220681002-bathing-0076');
    expect(bathSchedule.slots.every((s) => s.bookings.length === 0)).toBe(true);
  });

  it('refuses an unknown status with the field named', async () => {
    const bad = await post(`/api/bookings/${lunch.id}/status`, 'provider', { status: 'cancelled' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.status).toBe('状态：只能改为 已确认、已完成 或 未到');
  });
});

describe('cancelling', () => {
  it('lets the elder cancel what the daughter booked, until the cut-off, and gives the place back', async () => {
    const slotId = slotOf('cs-xinshi-lunch', '2026-11-29', '11:00');
    const booking = await book('resident', { elderId: motherId, slotId, mealMode: 'dine-in' });
    expect((await post(`/api/bookings/${booking.id}/cancel`, 'provider')).statusCode).toBe(403);
    expect((await post(`/api/bookings/${booking.id}/cancel`, 'volunteer')).statusCode).toBe(404);
    const cancelled = await post(`/api/bookings/${booking.id}/cancel`, 'elder', { reason: '女儿来接我吃饭' });
    expect(cancelled.statusCode).toBe(200);
    expect(cancelled.json()).toMatchObject({ status: 'cancelled', canCancel: false });
    expect(cancelled.json().timeline.at(-1)).toMatchObject({ label: '已取消', by: '本人', note: '女儿来接我吃饭' });
    const slot = await t.app.db.selectFrom('care_slots').select('booked').where('id', '=', slotId).executeTakeFirstOrThrow();
    expect(slot.booked).toBe(0);
    expect((await post(`/api/bookings/${booking.id}/cancel`, 'resident')).json().error.message).toBe('这份预约已经取消了');
    // The place is free again, for the same elder too.
    await book('resident', { elderId: motherId, slotId, mealMode: 'dine-in' });
    const resident: MessagePage = (await get('/api/messages', 'resident')).json();
    expect(resident.items.some((m) => m.title === '预约已取消' && m.body.includes('原因：女儿来接我吃饭。'))).toBe(true);
  });

  it('refuses to cancel after the cut-off, saying what to do instead', async () => {
    const booking = await book('resident', { elderId: motherId, slotId: slotOf('cs-xinshi-dinner', '2026-11-30', '17:00'), mealMode: 'dine-in' });
    t.clock.set(local('2026-11-29T16:00:00'));
    const late = await post(`/api/bookings/${booking.id}/cancel`, 'resident');
    expect(late.statusCode).toBe(409);
    expect(late.json().error.message).toBe('已过取消截止时间：助餐需在用餐前一天 16:00 前预约或取消。如有变化，请直接打电话给服务点');
    t.clock.set(local('2026-11-29T15:59:00'));
    expect((await get(`/api/bookings/${booking.id}`, 'resident')).json().canCancel).toBe(true);
  });
});

describe('lists and who sees a booking', () => {
  it('lists the family’s bookings for the booker and the elder, upcoming soonest first, and nobody else’s', async () => {
    const upcoming: BookingPage = (await get('/api/bookings?when=upcoming', 'resident')).json();
    const dates = upcoming.items.map((b) => `${b.slot.date} ${b.slot.start}`);
    expect(dates).toEqual([...dates].sort());
    expect(upcoming.items.every((b) => ['booked', 'confirmed'].includes(b.status))).toBe(true);
    const all: BookingPage = (await get('/api/bookings', 'elder')).json();
    const allIds = all.items.map((b) => b.id);
    expect(((await get('/api/bookings', 'resident')).json() as BookingPage).items.map((b) => b.id).sort()).toEqual([...allIds].sort());
    expect(((await get('/api/bookings', 'volunteer')).json() as BookingPage).items).toEqual([]);
    expect(((await get(`/api/bookings?elder=${motherId}`, 'volunteer')).json() as BookingPage).items).toEqual([]);
  });

  it('pages by cursor without gaps or repeats', async () => {
    const seen: number[] = [];
    let cursor: string | null = null;
    do {
      const page: BookingPage = (await get(`/api/bookings?limit=2${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`, 'resident')).json();
      seen.push(...page.items.map((b) => b.id));
      cursor = page.nextCursor;
    } while (cursor);
    const all: BookingPage = (await get('/api/bookings?limit=50', 'resident')).json();
    expect(seen).toEqual(all.items.map((b) => b.id));
    expect((await get('/api/bookings?cursor=abc', 'resident')).statusCode).toBe(400);
  });

  it('shows a booking to a worker of the elder’s 社区 (audited), not to a stranger', async () => {
    const id = ((await get('/api/bookings', 'resident')).json() as BookingPage).items[0].id;
    expect((await get(`/api/bookings/${id}`, 'volunteer')).statusCode).toBe(404);
    expect((await get(`/api/bookings/${id}`, 'worker')).statusCode).toBe(200);
    expect((await get(`/api/bookings/${id}`, 'street')).statusCode).toBe(200);
    const audit = await t.app.db.selectFrom('audit_log').select('subject_id').where('action', '=', 'booking.view').execute();
    expect(audit.map((a) => a.subject_id)).toContain(String(id));
    expect((await get('/api/bookings/999999', 'resident')).statusCode).toBe(404);
    expect((await get('/api/bookings/abc', 'resident')).statusCode).toBe(400);
  });
});

describe('bathing', () => {
  it('needs an assessment on the profile for the first bath', async () => {
    const created = await post('/api/elders', 'volunteer', {
      relation: 'self',
      name: '李志强',
      idNumber: '220681195212120018',
      address: '临江市新市街道新市社区建设街 3 号',
      communityId: 'xinshi',
      livingSituation: 'with-spouse',
    });
    expect(created.statusCode).toBe(201);
    const self: ElderDetail = created.json();
    const slotId = slotOf('cs-yanjiang-bath', '2026-11-29', '14:00');
    const refused = await t.app.inject({ method: 'POST', url: '/api/bookings', headers: as('volunteer'), payload: { elderId: self.id, slotId } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().error.message).toBe('首次助浴需先完成评估，请联系社区');
    expect((await get(`/api/care/quote?elder=${self.id}&slot=${encodeURIComponent(slotId)}`, 'volunteer')).json().refusal).toBe(
      '首次助浴需先完成评估，请联系社区',
    );
    const assessed = await post(`/api/elders/${self.id}/classes`, 'worker', { classes: [], dibao: false, bathAssessedOn: '2026-11-25' });
    expect(assessed.statusCode).toBe(200);
    const bath = await book('volunteer', { elderId: self.id, slotId });
    expect(bath).toMatchObject({ service: { kind: 'bath' }, payableFen: 3000, address: null });
  });

  it('refuses a full slot with 已约满 (home bathing has one place)', async () => {
    const slotId = slotOf('cs-yanjiang-home-bath', '2026-11-30', '09:00');
    const first = await book('elder', { elderId: motherId, slotId });
    expect(first.address).toBe('临江市新市街道新市社区幸福小区 3 号楼 2 单元 101 室');
    const volunteerElder = ((await get('/api/elders', 'volunteer')).json().items as Array<{ id: number; access: string }>).find((e) => e.access === 'self')!;
    const full = await t.app.inject({ method: 'POST', url: '/api/bookings', headers: as('volunteer'), payload: { elderId: volunteerElder.id, slotId } });
    expect(full.statusCode).toBe(409);
    expect(full.json().error.message).toBe('这个时段已约满，请换一个时段');
    expect((await get(`/api/care/quote?elder=${volunteerElder.id}&slot=${encodeURIComponent(slotId)}`, 'volunteer')).json().refusal).toBe(
      '这个时段已约满，请换一个时段',
    );
  });
});
