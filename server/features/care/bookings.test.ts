import type { Booking, CareServiceList, ElderPage, Quote, SlotList } from '@contract/care';
import type { MessagePage } from '@contract/messages';
import type { DemoAccountKey } from '@contract/auth';
import { createTestApp, DEFAULT_TEST_TIME, type TestApp } from '../../testing/app';

/** China local time → ISO instant. The test clock starts at 10:00 on Thursday 2026-11-26. */
const local = (time: string) => new Date(`${time}+08:00`).toISOString();
const TOMORROW = '2026-11-27';
const LATER = '2026-11-28';

// A fresh database per file (PostgreSQL: created, migrated and seeded) takes seconds on a busy machine.
jest.setTimeout(30_000);

let t: TestApp;
const headers: Partial<Record<DemoAccountKey, { authorization: string }>> = {};
const as = (account: DemoAccountKey) => headers[account]!;
let motherId: number;
let keyCounter = 0;
const newKey = () => `test-key-${(keyCounter += 1).toString().padStart(4, '0')}`;

beforeAll(async () => {
  t = await createTestApp();
  for (const account of ['resident', 'elder', 'volunteer', 'worker', 'street', 'provider', 'bath-provider'] as const) {
    headers[account] = await t.signIn(account);
  }
  const page: ElderPage = (await t.app.inject({ method: 'GET', url: '/api/elders', headers: as('resident') })).json();
  motherId = page.items.find((e) => e.name === '张桂芝')!.id;
});
afterAll(() => t.close());
afterEach(() => t.clock.set(DEFAULT_TEST_TIME));

const get = (url: string, account?: DemoAccountKey) => t.app.inject({ method: 'GET', url, headers: account ? as(account) : {} });
const post = (url: string, account: DemoAccountKey, payload: object, extra: Record<string, string> = {}) =>
  t.app.inject({ method: 'POST', url, headers: { ...as(account), ...extra }, payload });
const book = (account: DemoAccountKey, payload: object, key: string | null = newKey()) =>
  post('/api/bookings', account, payload, key ? { 'idempotency-key': key } : {});
const slotOf = (service: string, date: string, start: string) => `${service}:${date}:${start.replace(':', '')}`;
const bookingCount = async () => Number((await t.app.db.selectFrom('bookings').select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);
const placesLeft = async (service: string, date: string, start: string) => {
  const list: SlotList = (await get(`/api/care/slots?service=${service}&date=${date}`)).json();
  return list.items.find((s) => s.start === start)!.placesLeft;
};

describe('services and slots (public)', () => {
  it('lists care services with their directory point, by kind and by point', async () => {
    const meals: CareServiceList = (await get('/api/care/services?kind=meal')).json();
    expect(meals.items.every((s) => s.kind === 'meal' && s.kindName === '助餐')).toBe(true);
    const lunch = meals.items.find((s) => s.id === 'cs-xinshi-lunch')!;
    expect(lunch).toMatchObject({ name: '午餐', priceFen: 1500, deliveryFeeFen: 300, place: 'onsite' });
    expect(lunch.servicePoint).toMatchObject({ id: 'sp-xinshi-elder-canteen', name: '新市社区长者食堂', communityName: '新市社区' });
    const canteen: CareServiceList = (await get('/api/care/services?point=sp-xinshi-elder-canteen')).json();
    expect(canteen.items.map((s) => s.name).sort()).toEqual(['午餐', '晚餐']);
    const kinds = new Set(((await get('/api/care/services')).json() as CareServiceList).items.map((s) => s.kind));
    expect([...kinds].sort()).toEqual(['bath', 'cleaning', 'meal', 'medical', 'mobility']);
  });

  it('gives the slots of a date with places left, the menu and the cut-off', async () => {
    const list: SlotList = (await get(`/api/care/slots?service=cs-xinshi-lunch&date=${TOMORROW}`)).json();
    expect(list.dates).toHaveLength(15);
    expect(list.items).toEqual([
      {
        id: slotOf('cs-xinshi-lunch', TOMORROW, '11:00'),
        serviceId: 'cs-xinshi-lunch',
        date: TOMORROW,
        start: '11:00',
        end: '12:30',
        capacity: 40,
        placesLeft: 40,
        menu: '酸菜炖排骨、炒油菜、土豆泥、小米粥、馒头',
        cutoffAt: local('2026-11-26T16:00:00'),
        bookable: true,
        closedReason: null,
      },
    ]);
    const today: SlotList = (await get('/api/care/slots?service=cs-xinshi-lunch&date=2026-11-26')).json();
    expect(today.items[0]).toMatchObject({ bookable: false, closedReason: '已过预约截止时间' });
  });

  it('makes the slots of a date in the window that the seed did not reach, once', async () => {
    t.clock.set(local('2026-11-30T10:00:00'));
    const list: SlotList = (await get('/api/care/slots?service=cs-xinshi-cleaning&date=2026-12-14')).json();
    expect(list.items.map((s) => s.start)).toEqual(['08:00', '10:00', '14:00']);
    await get('/api/care/slots?service=cs-xinshi-cleaning&date=2026-12-14');
    const rows = await t.app.db.selectFrom('care_slots').select('id').where('service_id', '=', 'cs-xinshi-cleaning').where('date', '=', '2026-12-14').execute();
    expect(rows).toHaveLength(3);
  });

  it('refuses an unknown service, a date outside the 14 days, or a malformed date, naming the field', async () => {
    const unknown = await get(`/api/care/slots?service=nope&date=${TOMORROW}`);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().error.fields.service).toBe('服务：没有这项服务');
    const far = await get('/api/care/slots?service=cs-xinshi-lunch&date=2026-12-25');
    expect(far.statusCode).toBe(400);
    expect(far.json().error.fields.date).toMatch(/^日期：只能选今天起 14 天内/);
    expect((await get('/api/care/slots?service=cs-xinshi-lunch&date=tomorrow')).statusCode).toBe(400);
    expect((await get('/api/care/slots?date=2026-11-27')).json().error.fields.service).toBe('服务：必填');
  });
});

describe('booking a meal for a bound elder', () => {
  const lunch = { slotId: slotOf('cs-xinshi-lunch', TOMORROW, '11:00'), mealMode: 'delivery' };
  let booking: Booking;
  const key = 'lunch-for-mother-0001';

  it('quotes the price after subsidy before confirming (82 years old: 5 元 off, delivery 3 元)', async () => {
    const quote: Quote = (await get(`/api/care/quote?elder=${motherId}&slot=${encodeURIComponent(lunch.slotId)}&mealMode=delivery`, 'resident')).json();
    expect(quote.price).toEqual({
      priceFen: 1500,
      deliveryFeeFen: 300,
      subsidies: [{ id: 'meal-80-plus', label: '80 岁以上老人每餐减 5 元', amountFen: 500 }],
      subsidyFen: 500,
      payableFen: 1300,
    });
    expect(quote.refusal).toBeNull();
  });

  it('quotes only for an elder the caller may book for, naming missing fields', async () => {
    const slot = encodeURIComponent(lunch.slotId);
    expect((await get(`/api/care/quote?elder=${motherId}&slot=${slot}&mealMode=delivery`, 'volunteer')).statusCode).toBe(404);
    const noElder = await get(`/api/care/quote?slot=${slot}&mealMode=delivery`, 'resident');
    expect(noElder.statusCode).toBe(400);
    expect(noElder.json().error.fields.elder).toBe('老人：必填');
    const noMode = await get(`/api/care/quote?elder=${motherId}&slot=${slot}`, 'resident');
    expect(noMode.json().error.fields.mealMode).toBe('用餐方式：请选择堂食或送餐');
    expect((await get(`/api/care/quote?elder=${motherId}&slot=${slot}&mealMode=delivery`)).statusCode).toBe(401);
  });

  it('books lunch with 送餐 to the elder’s address, as 家属, with the timeline and messages', async () => {
    const response = await book('resident', { elderId: motherId, ...lunch, note: '少放盐' }, key);
    expect(response.statusCode).toBe(201);
    booking = response.json();
    expect(booking).toMatchObject({
      status: 'booked',
      statusName: '已预约',
      elder: { id: motherId, name: '张桂芝' },
      service: { id: 'cs-xinshi-lunch', kind: 'meal', kindName: '助餐', name: '午餐' },
      servicePoint: { id: 'sp-xinshi-elder-canteen', name: '新市社区长者食堂' },
      slot: { date: TOMORROW, start: '11:00', end: '12:30' },
      mealMode: 'delivery',
      payableFen: 1300,
      address: '临江市新市街道新市社区幸福小区 3 号楼 2 单元 101 室',
      note: '少放盐',
      bookedBy: { name: '王秀兰', relation: '子女' },
      canCancel: true,
      nextStatuses: [],
      cancelUntil: local('2026-11-26T16:00:00'),
      completedAt: null,
    });
    expect(booking.timeline).toEqual([{ status: 'booked', label: '已预约', at: DEFAULT_TEST_TIME, by: '家属', note: null }]);
    expect(await placesLeft('cs-xinshi-lunch', TOMORROW, '11:00')).toBe(39);
    for (const account of ['resident', 'elder'] as const) {
      const messages: MessagePage = (await get('/api/messages', account)).json();
      expect(messages.items[0]).toMatchObject({
        kind: 'booking.booked',
        title: '预约成功',
        link: `/features/care/pages/booking/index?id=${booking.id}`,
      });
      expect(messages.items[0].body).toContain('张桂芝 11月27日 11:00–12:30 的午餐（新市社区长者食堂），送餐，应付 13 元');
    }
  });

  it('answers a retry with the same Idempotency-Key and body with the same booking, never a second', async () => {
    const before = await bookingCount();
    const again = await book('resident', { elderId: motherId, ...lunch, note: '少放盐' }, key);
    expect(again.statusCode).toBe(201);
    expect(again.json().id).toBe(booking.id);
    expect(again.headers['idempotent-replayed']).toBe('true');
    expect(await bookingCount()).toBe(before);
    expect(await placesLeft('cs-xinshi-lunch', TOMORROW, '11:00')).toBe(39);
  });

  it('answers on creation exactly what reading the booking gives (the answer is built without reading it back)', async () => {
    const read = await get(`/api/bookings/${booking.id}`, 'resident');
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual(booking);
  });

  it('still replays the booking when the retry comes after the cut-off has passed', async () => {
    t.clock.set(local('2026-11-26T16:30:00'));
    const late = await book('resident', { elderId: motherId, ...lunch, note: '少放盐' }, key);
    expect(late.statusCode).toBe(201);
    expect(late.json().id).toBe(booking.id);
    expect(late.headers['idempotent-replayed']).toBe('true');
  });

  it('refuses the same key with another body: 422 in the API’s shape', async () => {
    const other = await book('resident', { elderId: motherId, ...lunch, mealMode: 'dine-in' }, key);
    expect(other.statusCode).toBe(422);
    expect(other.json().error).toEqual({
      code: 'VALIDATION_FAILED',
      message: '这个请求编号已用于另一份不同的预约，请重新确认后提交',
      fields: { idempotencyKey: '请求编号：已用于另一份不同的预约' },
    });
  });

  it('refuses a malformed Idempotency-Key, naming it', async () => {
    const bad = await book('resident', { elderId: motherId, ...lunch }, 'short');
    expect(bad.statusCode).toBe(400);
    expect(bad.json().error.fields.idempotencyKey).toMatch(/^请求编号：/);
  });

  it('refuses the same slot again (another key) and an overlapping booking of the same elder', async () => {
    const twice = await book('elder', { elderId: motherId, ...lunch });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toBe('已经为这位老人预约了这个时段，不用重复预约');

    expect((await book('resident', { elderId: motherId, slotId: slotOf('cs-xinshi-lunch', LATER, '11:00'), mealMode: 'dine-in' })).statusCode).toBe(201);
    const overlap = await book('resident', { elderId: motherId, slotId: slotOf('cs-xinshi-cleaning', LATER, '10:00') });
    expect(overlap.statusCode).toBe(409);
    expect(overlap.json().error.message).toBe('这位老人 11:00–12:30 已有预约（午餐），时间重叠，请换一个时段');
    // Back to back is fine: cleaning 08:00–10:00, then 14:00–16:00.
    expect((await book('resident', { elderId: motherId, slotId: slotOf('cs-xinshi-cleaning', LATER, '08:00') })).statusCode).toBe(201);
  });

  it('asks for 堂食 or 送餐 on meals only, and 送餐 only where the canteen delivers', async () => {
    const none = await book('resident', { elderId: motherId, slotId: slotOf('cs-xinshi-dinner', TOMORROW, '17:00') });
    expect(none.statusCode).toBe(400);
    expect(none.json().error.fields.mealMode).toBe('用餐方式：请选择堂食或送餐');
    const noDelivery = await book('resident', { elderId: motherId, slotId: slotOf('cs-yanjiang-lunch', '2026-11-29', '11:00'), mealMode: 'delivery' });
    expect(noDelivery.json().error.fields.mealMode).toBe('用餐方式：这个食堂不送餐，请选择堂食');
    const bath = await book('resident', { elderId: motherId, slotId: slotOf('cs-yanjiang-bath', '2026-11-29', '09:00'), mealMode: 'dine-in' });
    expect(bath.json().error.fields.mealMode).toBe('用餐方式：只有助餐需要选择堂食或送餐');
  });

  it('refuses bad bodies with the field named, and needs a sign-in', async () => {
    const missing = await book('resident', { slotId: lunch.slotId, mealMode: 'dine-in' });
    expect(missing.statusCode).toBe(400);
    expect(missing.json().error.fields.elderId).toMatch(/^老人：/);
    const unknownSlot = await book('resident', { elderId: motherId, slotId: 'cs-xinshi-lunch:2030-01-01:1100', mealMode: 'dine-in' });
    expect(unknownSlot.json().error.fields.slotId).toBe('时段：没有这个时段，请重新选择');
    const extra = await book('resident', { elderId: motherId, ...lunch, price: 0 });
    expect(extra.statusCode).toBe(400);
    const anonymous = await t.app.inject({ method: 'POST', url: '/api/bookings', payload: { elderId: motherId, ...lunch } });
    expect(anonymous.statusCode).toBe(401);
  });
});

describe('cut-offs', () => {
  it('takes a meal for tomorrow until 15:59 and refuses it from 16:00, in words', async () => {
    const slotId = slotOf('cs-xinshi-dinner', TOMORROW, '17:00');
    t.clock.set(local('2026-11-26T16:00:00'));
    const late = await book('elder', { elderId: motherId, slotId, mealMode: 'dine-in' });
    expect(late.json().error.message).toBe('已过预约截止时间：助餐需在用餐前一天 16:00 前预约或取消，请选择其他日期');
    t.clock.set(local('2026-11-26T15:59:00'));
    expect((await book('elder', { elderId: motherId, slotId, mealMode: 'dine-in' })).statusCode).toBe(201);
  });

  it('takes other services until 24 hours before the start', async () => {
    const slotId = slotOf('cs-xinshi-mobility', TOMORROW, '14:00');
    t.clock.set(local('2026-11-26T14:00:00'));
    expect((await book('elder', { elderId: motherId, slotId })).statusCode).toBe(409);
    t.clock.set(local('2026-11-26T13:59:00'));
    expect((await book('elder', { elderId: motherId, slotId })).statusCode).toBe(201);
  });

  it('refuses a point its 社区 has closed, in words, and stops listing its services', async () => {
    const slotId = slotOf('cs-xinshi-mobility', TOMORROW, '14:00');
    const pointsListed = async () => ((await get('/api/care/services')).json() as CareServiceList).items.map((s) => s.servicePoint.id);
    expect(await pointsListed()).toContain('sp-220681002-home-care-station-0073');
    await t.app.db.updateTable('service_points').set({ closed_at: '2026-11-25T02:00:00.000Z' }).where('id', '=', 'sp-220681002-home-care-station-0073').execute();
    try {
      const refused = await book('elder', { elderId: motherId, slotId });
      expect(refused.statusCode).toBe(409);
      expect(refused.json().error.message).toContain('已停止服务');
      expect(await pointsListed()).not.toContain('sp-220681002-home-care-station-0073');
    } finally {
      await t.app.db.updateTable('service_points').set({ closed_at: null }).where('id', '=', 'sp-220681002-home-care-station-0073').execute();
    }
  });

  it('refuses a date in the past', async () => {
    t.clock.set(local('2026-11-28T10:00:00'));
    const past = await book('elder', { elderId: motherId, slotId: slotOf('cs-xinshi-lunch', TOMORROW, '11:00'), mealMode: 'dine-in' });
    expect(past.statusCode).toBe(409);
  });
});
