import type { Appeal, LatestVisit, MyRating, MyRatingPage, PointRatings, RatingStats, Visit, WorkOrderDetail, WorkOrderPage } from '@contract/ratings';
import { DAY_MS } from '../../lib/clock';
import { createTestApp, DEFAULT_TEST_TIME, type TestApp } from '../../testing/app';
import { requester, signInNewUser, type Headers } from './test-helpers';

/** Points of 新市社区 the seed leaves without ratings, so counts here start at zero. */
const POINT = 'sp-220681002-repair-0115';
const OTHER_POINT = 'sp-220681002-photo-print-0113';
/** The demo provider's own point. */
const PROVIDER_POINT = 'sp-xinshi-elder-canteen';

let t: TestApp;
let req: ReturnType<typeof requester>;
let resident: Headers;
let worker: Headers;
let street: Headers;
let provider: Headers;
let residentId: number;

beforeAll(async () => {
  t = await createTestApp();
  req = requester(t.app);
  [resident, worker, street, provider] = await Promise.all([t.signIn('resident'), t.signIn('worker'), t.signIn('street'), t.signIn('provider')]);
  residentId = (await req.get('/api/me', resident)).json().user.id;
});
afterAll(() => t.close());

async function declareVisit(point: string, headers: Headers = resident): Promise<Visit> {
  const response = await req.post(`/api/services/${point}/visits`, headers);
  expect(response.statusCode).toBe(201);
  return response.json();
}

async function rate(visitId: number, body: object, headers: Headers = resident): Promise<MyRating> {
  const response = await req.post('/api/ratings', headers, { interaction: { kind: 'visit', id: visitId }, ...body });
  expect(response.statusCode).toBe(201);
  return response.json();
}

/** A new resident rates `point` with a fresh visit (each resident may declare one visit per point per 7 days). */
async function someoneRates(point: string, body: object, name = '赵小红'): Promise<{ rating: MyRating; headers: Headers; id: number }> {
  const user = await signInNewUser(t.app, { name, role: 'resident' });
  const visit = await declareVisit(point, user.headers);
  return { rating: await rate(visit.id, body, user.headers), headers: user.headers, id: user.id };
}

const orderOf = async (ratingId: number, headers: Headers = worker) => {
  const page: WorkOrderPage = (await req.get('/api/work-orders?limit=50', headers)).json();
  return page.items.find((o) => o.ratingId === ratingId);
};

describe('the demo seed', () => {
  it('has six months of mostly good ratings, a 差评 in every state, two overdue, one appeal pending', async () => {
    const ratings = await t.app.db.selectFrom('ratings').select(['level', 'month', 'created_at']).execute();
    expect(ratings.length).toBeGreaterThan(60);
    expect(ratings.filter((r) => r.level >= 4).length / ratings.length).toBeGreaterThan(0.6);
    expect(ratings.every((r) => r.created_at <= t.clock().toISOString() && r.month >= '2026-05')).toBe(true);
    const orders: WorkOrderPage = (await req.get('/api/work-orders?limit=50', street)).json();
    const done: WorkOrderPage = (await req.get('/api/work-orders?state=done&limit=50', street)).json();
    const statuses = new Set([...orders.items, ...done.items].map((o) => o.status));
    expect([...statuses].sort()).toEqual(['awaiting_callback', 'closed', 'feedback_given', 'followed_up', 'handling', 'verifying']);
    expect(orders.items.filter((o) => o.overdue)).toHaveLength(2);
    expect(orders.items.slice(0, 2).every((o) => o.overdue)).toBe(true);
    const appeals: { items: Appeal[] } = (await req.get('/api/appeals', street)).json();
    expect(appeals.items).toHaveLength(1);
    // The demo resident has a 差评 answered and waiting for their 追评.
    const mine: MyRatingPage = (await req.get('/api/ratings/mine', resident)).json();
    expect(mine.items.some((r) => r.progress?.canFollowUp)).toBe(true);
  });
});

describe('我去过: declared visits', () => {
  it('records a visit, refuses another to the same point within 7 days, and allows one after', async () => {
    const user = await signInNewUser(t.app, { name: '孙丽', role: 'resident' });
    const none: LatestVisit = (await req.get(`/api/services/${POINT}/visits/latest`, user.headers)).json();
    expect(none).toEqual({ visit: null, nextAllowedAt: null });

    const visit = await declareVisit(POINT, user.headers);
    expect(visit).toMatchObject({ servicePointId: POINT, ratingId: null });
    const again = await req.post(`/api/services/${POINT}/visits`, user.headers);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/7 天内已登记过到访这里，可以直接评价那次到访；12月3日起/);
    const latest: LatestVisit = (await req.get(`/api/services/${POINT}/visits/latest`, user.headers)).json();
    expect(latest.visit?.id).toBe(visit.id);
    expect(latest.nextAllowedAt).toBe('2026-12-03T02:00:00.000Z');

    // Another point is another window.
    await declareVisit(OTHER_POINT, user.headers);

    t.clock.advance(7 * DAY_MS);
    try {
      const later = await declareVisit(POINT, user.headers);
      expect(later.id).not.toBe(visit.id);
    } finally {
      t.clock.advance(-7 * DAY_MS);
    }
  });

  it('needs a signed-in resident and a real point', async () => {
    expect((await req.post(`/api/services/${POINT}/visits`, undefined)).statusCode).toBe(401);
    expect((await req.post(`/api/services/${POINT}/visits`, worker)).statusCode).toBe(403);
    const missing = await req.post('/api/services/sp-nowhere/visits', resident);
    expect(missing.statusCode).toBe(404);
    expect(missing.json().error.message).toMatch(/没有找到这个服务点/);
  });
});

describe('POST /api/ratings', () => {
  it('rates a visit once: a second rating of the same visit is a 409 that says why', async () => {
    const visit = await declareVisit(POINT);
    const rating = await rate(visit.id, { level: 5, tags: ['服务热情'], comment: '师傅手艺好，钥匙配得很准。' });
    expect(rating).toMatchObject({ level: 5, levelWord: '非常满意', tags: ['服务热情'], commentStatus: 'public', progress: null });
    const second = await req.post('/api/ratings', resident, { interaction: { kind: 'visit', id: visit.id }, level: 1, tags: ['态度差'] });
    expect(second.statusCode).toBe(409);
    expect(second.json().error.message).toMatch(/已经评价过了，一次服务只能评价一次/);
    const latest: LatestVisit = (await req.get(`/api/services/${POINT}/visits/latest`, resident)).json();
    expect(latest.visit?.ratingId).toBe(rating.id);
  });

  it('rates the same interaction 20 times at once into exactly one rating and one work order', async () => {
    const user = await signInNewUser(t.app, { name: '钱多', role: 'resident' });
    const visit = await declareVisit(OTHER_POINT, user.headers);
    const body = { interaction: { kind: 'visit', id: visit.id }, level: 2, tags: ['效率低'] };
    const answers = await Promise.all(Array.from({ length: 20 }, () => req.post('/api/ratings', user.headers, body)));
    expect(answers.map((a) => a.statusCode).sort()).toEqual([201, ...Array(19).fill(409)]);
    const rows = await t.app.db.selectFrom('ratings').select('id').where('interaction_id', '=', String(visit.id)).where('interaction_kind', '=', 'visit').execute();
    expect(rows).toHaveLength(1);
    const orders = await t.app.db.selectFrom('rating_work_orders').select('id').where('rating_id', '=', rows[0].id).execute();
    expect(orders).toHaveLength(1);
  });

  it('refuses bad input with the field named in Chinese, never a 500', async () => {
    const visit = await declareVisit(OTHER_POINT);
    const post = (body: object) => req.post('/api/ratings', resident, { interaction: { kind: 'visit', id: visit.id }, ...body });

    const noTag = await post({ level: 2, tags: [] });
    expect(noTag.statusCode).toBe(400);
    expect(noTag.json().error.fields.tags).toBe('标签：请至少选择一个问题，方便我们核实整改');
    const wrongKind = await post({ level: 5, tags: ['态度差'] });
    expect(wrongKind.json().error.fields.tags).toMatch(/“态度差”不适用于“非常满意”/);
    const level = await post({ level: 6, tags: [] });
    expect(level.statusCode).toBe(400);
    expect(level.json().error.fields.level).toBe('满意程度：请选择满意程度');
    const long = await post({ level: 4, tags: [], comment: '好'.repeat(501) });
    expect(long.json().error.fields.comment).toBe('评价内容：最多 500 个字');
    const control = await post({ level: 4, tags: [], comment: 'ok\u0000' });
    expect(control.statusCode).toBe(400);
    // Nothing was stored: the visit can still be rated.
    await rate(visit.id, { level: 4, tags: ['收费合理'], comment: '多行\n文字可以' });
  });

  it('rates only the resident’s own visits', async () => {
    const other = await signInNewUser(t.app, { name: '李梅', role: 'resident' });
    const visit = await declareVisit(POINT, other.headers);
    const notMine = await req.post('/api/ratings', resident, { interaction: { kind: 'visit', id: visit.id }, level: 5, tags: [] });
    expect(notMine.statusCode).toBe(404);
    expect((await req.post('/api/ratings', worker, { interaction: { kind: 'visit', id: visit.id }, level: 5, tags: [] })).statusCode).toBe(403);
  });

  it('rates a completed 助老预约 once, by the one who booked it', async () => {
    const elder = await t.signIn('elder');
    const motherId = (await req.get('/api/elders', elder)).json().items[0].id;
    const booked = await t.app.inject({
      method: 'POST',
      url: '/api/bookings',
      headers: { ...resident, 'idempotency-key': 'ratings-booking-1' },
      payload: { elderId: motherId, slotId: 'cs-xinshi-lunch:2026-11-27:1100', mealMode: 'delivery' },
    });
    expect(booked.statusCode).toBe(201);
    const interaction = { kind: 'booking', id: booked.json().id };
    const early = await req.post('/api/ratings', resident, { interaction, level: 5, tags: [] });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toBe('服务完成后才能评价这次预约');

    t.clock.set('2026-11-27T04:40:00.000Z');
    try {
      expect((await req.post(`/api/bookings/${interaction.id}/status`, provider, { status: 'completed' })).statusCode).toBe(200);
      const someoneElse = await req.post('/api/ratings', await t.signIn('volunteer'), { interaction, level: 5, tags: [] });
      expect(someoneElse.statusCode).toBe(404);
      const rated = await req.post('/api/ratings', resident, { interaction, level: 5, tags: ['准时守约'], comment: '饭菜热乎，送得准时。' });
      expect(rated.statusCode).toBe(201);
      expect(rated.json()).toMatchObject({ interactionKind: 'booking', servicePointId: PROVIDER_POINT, servicePointName: '新市社区长者食堂' });
      expect((await req.post('/api/ratings', resident, { interaction, level: 1, tags: ['态度差'] })).statusCode).toBe(409);
    } finally {
      t.clock.set(DEFAULT_TEST_TIME);
    }
  });

  it('keeps a comment with listed words private and tells the rater why; level and tags still count', async () => {
    const { rating } = await someoneRates(OTHER_POINT, { level: 3, tags: [], comment: '老板是个王八蛋' }, '周强');
    expect(rating.commentStatus).toBe('private');
    expect(rating.commentNote).toMatch(/只有您自己能看到/);
    expect(rating.comment).toBe('老板是个王八蛋');
    const summary: PointRatings = (await req.get(`/api/services/${OTHER_POINT}/ratings`)).json();
    const shown = summary.items.find((c) => c.id === rating.id);
    expect(shown).toMatchObject({ comment: null, levelWord: '基本满意', maskedName: '周*' });
  });
});

describe('a 差评 followed up from 待回访 to 追评', () => {
  let ratingId: number;
  let orderId: number;
  let rater: { headers: Headers; id: number };

  beforeAll(async () => {
    const rated = await someoneRates(POINT, { level: 2, tags: ['态度差', '效率低'], comment: '等了很久没人理。' }, '吴桂芬');
    ratingId = rated.rating.id;
    rater = rated;
    expect(rated.rating.progress).toMatchObject({ status: 'awaiting_callback', statusWord: '等待工作人员回访', canFollowUp: false });
    orderId = (await orderOf(ratingId))!.id;
  });

  const act = (body: object, headers: Headers = worker) => req.post(`/api/work-orders/${orderId}/actions`, headers, body);
  const detail = async (headers: Headers = worker): Promise<WorkOrderDetail> => (await req.get(`/api/work-orders/${orderId}`, headers)).json();
  const mine = async (): Promise<MyRating> => ((await req.get('/api/ratings/mine', rater.headers)).json() as MyRatingPage).items.find((r) => r.id === ratingId)!;

  it('opens a work order with deadlines in working days and tells the rater', async () => {
    const order = await detail();
    // Rated Thursday 2026-11-26: 回访 by Friday, 整改反馈 within 15 working days.
    expect(order).toMatchObject({ status: 'awaiting_callback', statusWord: '待回访', callbackDue: '2026-11-27', feedbackDue: '2026-12-17', overdue: false });
    expect(order.allowedActions).toEqual(['take']);
    expect(order.rater).toBeNull();
    expect(order.maskedName).toBe('吴**');
    const messages = await t.app.db.selectFrom('messages').select(['title', 'link']).where('user_id', '=', rater.id).execute();
    expect(messages).toEqual([{ title: '您的评价已受理', link: `/features/ratings/pages/mine/index?id=${ratingId}` }]);
  });

  it('shows the rater’s name and phone to the handling worker only, and audits each view', async () => {
    expect((await act({ action: 'callback', note: '已电话联系' })).json().error.message).toMatch(/请先接单/);
    const taken = await act({ action: 'take' });
    expect(taken.statusCode).toBe(200);
    const mineView: WorkOrderDetail = taken.json();
    expect(mineView.rater?.name).toBe('吴桂芬');
    expect(mineView.rater?.phone).toMatch(/^1\d{10}$/);
    expect(mineView.handledByMe).toBe(true);
    expect((await act({ action: 'take' })).statusCode).toBe(200); // a retry by the same worker changes nothing

    const streetView = await detail(street);
    expect(streetView.rater).toBeNull();
    expect(streetView.handlerName).toBe('张敏');
    expect(streetView.allowedActions).toEqual([]);
    const stolen = await act({ action: 'take' }, street);
    expect(stolen.statusCode).toBe(409);
    expect((await act({ action: 'callback', note: '代为回访' }, street)).statusCode).toBe(403);
    expect((await req.get(`/api/work-orders/${orderId}`, provider)).statusCode).toBe(404); // not its point

    const audits = await t.app.db
      .selectFrom('audit_log')
      .select(['action', 'subject_id'])
      .where('action', '=', 'rating.view_rater')
      .where('subject_id', '=', String(orderId))
      .execute();
    expect(audits.length).toBe(2); // the take answer and the retry's
    expect(JSON.stringify(await t.app.db.selectFrom('audit_log').select('detail').execute())).not.toMatch(/吴桂芬|1\d{10}/);
  });

  it('moves 回访 → 处理方式 → 整改反馈, each step once, with messages to the rater', async () => {
    expect((await act({ action: 'feedback', note: '太早' })).statusCode).toBe(409);
    const called = await act({ action: 'callback', note: '电话联系了居民，属实' });
    expect(called.json()).toMatchObject({ status: 'verifying', due: '2026-12-17', allowedActions: ['decide'] });
    const twice = await act({ action: 'callback', note: '电话联系了居民，属实' });
    expect(twice.statusCode).toBe(409);
    expect(twice.json().error.message).toMatch(/现在是“核实中”/);

    const noDate = await act({ action: 'decide', resolution: 'deadline', note: '限期整改' });
    expect(noDate.json().error.fields.rectifyBy).toBe('整改期限：限期整改请填写整改期限');
    const tooLate = await act({ action: 'decide', resolution: 'deadline', note: '限期整改', rectifyBy: '2026-12-31' });
    expect(tooLate.json().error.fields.rectifyBy).toMatch(/12月17日/);
    const stray = await act({ action: 'decide', resolution: 'immediate', note: '当场改正', rectifyBy: '2026-12-01' });
    expect(stray.statusCode).toBe(400);
    const decided = await act({ action: 'decide', resolution: 'immediate', note: '已提醒店员及时接待，当天改正' });
    expect(decided.json()).toMatchObject({ status: 'handling', resolution: 'immediate', allowedActions: ['feedback'] });

    const early = await req.post(`/api/ratings/${ratingId}/follow-up`, rater.headers, { level: 'satisfied' });
    expect(early.statusCode).toBe(409);
    expect(early.json().error.message).toMatch(/反馈处理结果后，您才可以追评/);

    const fed = await act({ action: 'feedback', note: '店里已安排专人接待，欢迎您再来' });
    expect(fed.json()).toMatchObject({ status: 'feedback_given', due: null, overdue: false, allowedActions: ['close'] });

    const progress = (await mine()).progress!;
    expect(progress).toMatchObject({ status: 'feedback_given', canFollowUp: true });
    expect(progress.timeline.map((e) => e.title)).toEqual(['已受理', '已回访', '处理方式：立行立改', '整改反馈']);
    expect(progress.timeline[3].text).toBe('店里已安排专人接待，欢迎您再来');
    // The worker's internal 回访 note is not shown to the rater.
    expect(JSON.stringify(progress)).not.toMatch(/属实/);
  });

  it('takes one 追评 from the rater only, then the worker closes the order', async () => {
    const other = await req.post(`/api/ratings/${ratingId}/follow-up`, resident, { level: 'satisfied' });
    expect(other.statusCode).toBe(404);
    const bad = await req.post(`/api/ratings/${ratingId}/follow-up`, rater.headers, { level: 'great' });
    expect(bad.json().error.fields.level).toMatch(/满意、基本满意 或 不满意/);
    const ok = await req.post(`/api/ratings/${ratingId}/follow-up`, rater.headers, { level: 'basic', comment: '态度好多了' });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ followUp: { level: 'basic', word: '基本满意', comment: '态度好多了' }, progress: { status: 'followed_up', canFollowUp: false } });
    const again = await req.post(`/api/ratings/${ratingId}/follow-up`, rater.headers, { level: 'satisfied' });
    expect(again.statusCode).toBe(409);
    expect(again.json().error.message).toMatch(/已经追评过了/);

    const closed = await act({ action: 'close' });
    expect(closed.json()).toMatchObject({ status: 'closed', statusWord: '已办结', allowedActions: [] });
    const titles = (await t.app.db.selectFrom('messages').select('title').where('user_id', '=', rater.id).orderBy('id').execute()).map((m) => m.title);
    expect(titles).toEqual(['您的评价已受理', '工作人员已回访', '处理方式：立行立改', '处理结果已反馈', '您的评价已办结']);
  });
});

describe('who sees which work orders', () => {
  let yanjiangOrder: number;
  beforeAll(async () => {
    const { rating } = await someoneRates('sp-yanjiang-elder-canteen', { level: 1, tags: ['环境差'] }, '郑伟');
    yanjiangOrder = (await orderOf(rating.id, street))!.id;
  });

  it('keeps an order of another 社区 from a community worker: 404, and not in the queue', async () => {
    expect((await req.get(`/api/work-orders/${yanjiangOrder}`, worker)).statusCode).toBe(404);
    expect((await req.post(`/api/work-orders/${yanjiangOrder}/actions`, worker, { action: 'take' })).statusCode).toBe(404);
    const page: WorkOrderPage = (await req.get('/api/work-orders?limit=50', worker)).json();
    expect(page.items.map((o) => o.id)).not.toContain(yanjiangOrder);
    const outsider = await signInNewUser(t.app, { name: '韩梅', role: 'worker', scopeCommunityId: 'jianguo-fuqian' });
    expect((await req.get(`/api/work-orders/${yanjiangOrder}`, outsider.headers)).statusCode).toBe(404);
    expect(((await req.get('/api/work-orders', outsider.headers)).json() as WorkOrderPage).items).toEqual([]);
  });

  it('shows a street worker every 社区 of the street, and a provider only its point', async () => {
    expect((await req.get(`/api/work-orders/${yanjiangOrder}`, street)).statusCode).toBe(200);
    expect((await req.get(`/api/work-orders/${yanjiangOrder}`, provider)).statusCode).toBe(404);
    const page: WorkOrderPage = (await req.get('/api/work-orders?limit=50', provider)).json();
    expect(page.items.every((o) => o.servicePointId === PROVIDER_POINT)).toBe(true);
    expect((await req.get('/api/work-orders', resident)).statusCode).toBe(403);
  });

  it('lets a resident read only their own ratings', async () => {
    const page: MyRatingPage = (await req.get('/api/ratings/mine?limit=50', resident)).json();
    const ids = (await t.app.db.selectFrom('ratings').select('id').where('user_id', '=', residentId).execute()).map((r) => r.id);
    expect(page.items.map((r) => r.id).sort()).toEqual(ids.sort());
    expect((await req.get('/api/ratings/mine')).statusCode).toBe(401);
  });
});

describe('the queue: overdue first, in words', () => {
  it('puts orders past their deadline at the top and marks them overdue', async () => {
    const early = await someoneRates(OTHER_POINT, { level: 1, tags: ['收费不合理'] }, '冯雪');
    t.clock.advance(3 * DAY_MS); // Sunday: the first order's 回访 (due Friday) is overdue, the second's not yet
    try {
      const late = await someoneRates('sp-220681002-laundry-0110', { level: 2, tags: ['效率低'] }, '陈刚');
      const page: WorkOrderPage = (await req.get('/api/work-orders?limit=50', worker)).json();
      const position = (id: number) => page.items.findIndex((o) => o.ratingId === id);
      expect(page.items.find((o) => o.ratingId === early.rating.id)).toMatchObject({ overdue: true, due: '2026-11-27' });
      expect(page.items.find((o) => o.ratingId === late.rating.id)).toMatchObject({ overdue: false, due: '2026-11-30' });
      expect(position(early.rating.id)).toBeLessThan(position(late.rating.id));
      const overdue = page.items.map((o) => o.overdue);
      expect(overdue).toEqual([...overdue].sort((a, b) => Number(b) - Number(a)));

      // Paging keeps the order.
      const first: WorkOrderPage = (await req.get('/api/work-orders?limit=1', worker)).json();
      const second: WorkOrderPage = (await req.get(`/api/work-orders?limit=1&cursor=${first.nextCursor}`, worker)).json();
      expect([first.items[0].id, second.items[0].id]).toEqual(page.items.slice(0, 2).map((o) => o.id));
      expect((await req.get('/api/work-orders?cursor=garbage', worker)).json().error.fields.cursor).toMatch(/翻页位置已失效/);
    } finally {
      t.clock.advance(-3 * DAY_MS);
    }
  });
});

describe('public figures of a point', () => {
  const point = 'sp-220681002-housekeeping-0114';
  it('says there are too few ratings below 5, then publishes 好评率 and 满意率', async () => {
    for (const [i, level] of [5, 4, 4, 3].entries()) await someoneRates(point, { level, tags: [] }, `路人${i}`);
    const few: PointRatings = (await req.get(`/api/services/${point}/ratings`)).json();
    expect(few.figures.n).toBe(4);
    expect(few.figures.goodRate).toBeNull();
    expect(few.enoughForRates).toBe(false);
    expect(few.note).toBe('评价不足 5 条（目前 4 条），暂不计算好评率和满意率');

    await someoneRates(point, { level: 1, tags: ['服务不专业'], comment: '打扫不干净' }, '马丽');
    const enough: PointRatings = (await req.get(`/api/services/${point}/ratings`)).json();
    expect(enough.figures).toMatchObject({ n: 5, counts: [1, 0, 1, 2, 1], goodRate: 0.6, satisfiedRate: 0.8, mean: 3.4, badCount: 1 });
    expect(enough.note).toBeNull();
    expect(enough.items[0]).toMatchObject({ maskedName: '马*', levelWord: '非常不满意', comment: '打扫不干净' });
    expect(enough.rectifications).toEqual([{ month: '2026-11', tags: ['服务不专业'], resolutionWord: null, statusWord: '等待工作人员回访' }]);
    expect(JSON.stringify(enough)).not.toMatch(/phone|1\d{10}/);
    expect((await req.get('/api/services/sp-nowhere/ratings')).statusCode).toBe(404);

    // The directory's cards ask for a whole page at once and get the same figures, in the order asked.
    const cards = await req.get(`/api/ratings/summaries?points=${point},sp-nowhere`);
    expect(cards.statusCode).toBe(200);
    expect(cards.json().items).toEqual([
      { servicePointId: point, n: 5, goodRate: 0.6, mean: 3.4 },
      { servicePointId: 'sp-nowhere', n: 0, goodRate: null, mean: null },
    ]);
  });

  it('gives card summaries of at most 50 points, named by plain ids, and hides rates below 5 ratings', async () => {
    const unrated = await t.app.db
      .selectFrom('service_points')
      .select('id')
      .where('id', 'not in', t.app.db.selectFrom('ratings').select('service_point_id'))
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const few = unrated.id;
    await someoneRates(few, { level: 5, tags: [] }, '钱一');
    expect((await req.get(`/api/ratings/summaries?points=${few}`)).json().items).toEqual([{ servicePointId: few, n: 1, goodRate: null, mean: null }]);
    const tooMany = Array.from({ length: 51 }, (_, i) => `sp-${i}`).join(',');
    const refused = await req.get(`/api/ratings/summaries?points=${tooMany}`);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().error.fields).toEqual({ points: '服务点：最多 50 个服务点' });
    expect((await req.get('/api/ratings/summaries?points=a,,b')).json().error.fields).toEqual({ points: '服务点：应为用逗号分开的服务点编号' });
    expect((await req.get('/api/ratings/summaries')).json().error.fields).toEqual({ points: '服务点：必填' });
  });
});

describe('申诉: appeals by the provider, decided by the street', () => {
  let ratingId: number;
  let appealId: number;
  let rater: Headers;
  const figures = async (): Promise<PointRatings['figures']> => ((await req.get(`/api/services/${PROVIDER_POINT}/ratings`)).json() as PointRatings).figures;

  beforeAll(async () => {
    const rated = await someoneRates(PROVIDER_POINT, { level: 1, tags: ['收费不合理'], comment: '饭菜太贵' }, '恶意甲');
    ratingId = rated.rating.id;
    rater = rated.headers;
  });

  it('lets the provider appeal a rating of its own point once', async () => {
    const other = await someoneRates(POINT, { level: 1, tags: ['态度差'] }, '路人乙');
    expect((await req.post(`/api/ratings/${other.rating.id}/appeal`, provider, { appealKind: 'malicious', reason: '不是本店' })).statusCode).toBe(404);
    expect((await req.post(`/api/ratings/${ratingId}/appeal`, worker, { appealKind: 'malicious', reason: '…' })).statusCode).toBe(403);
    const noReason = await req.post(`/api/ratings/${ratingId}/appeal`, provider, { appealKind: 'malicious', reason: '  ' });
    expect(noReason.json().error.fields.reason).toBe('原因：不能为空');
    const filed = await req.post(`/api/ratings/${ratingId}/appeal`, provider, { appealKind: 'malicious', reason: '当天食堂没有营业，此人未来就餐' });
    expect(filed.statusCode).toBe(201);
    const appeal: Appeal = filed.json();
    appealId = appeal.id;
    expect(appeal).toMatchObject({ status: 'pending', kindWord: '恶意评价', statusWord: '申诉复核中' });
    const twice = await req.post(`/api/ratings/${ratingId}/appeal`, provider, { appealKind: 'mistaken', reason: '再申诉' });
    expect(twice.statusCode).toBe(409);
    const order = await orderOf(ratingId, provider);
    expect(order?.appealPending).toBe(true);
  });

  it('is decided by a street worker only; upheld takes the rating out of the figures but not out of the record', async () => {
    const before = await figures();
    const byCommunity = await req.post(`/api/appeals/${appealId}/decision`, worker, { decision: 'upheld', note: '核实属实' });
    expect(byCommunity.statusCode).toBe(403);
    expect(byCommunity.json().error.message).toMatch(/街道工作人员复核/);
    const pending: { items: Appeal[] } = (await req.get('/api/appeals', street)).json();
    expect(pending.items.map((a) => a.id)).toContain(appealId);

    const decided = await req.post(`/api/appeals/${appealId}/decision`, street, { decision: 'upheld', note: '经查当天停业' });
    expect(decided.json()).toMatchObject({ status: 'upheld', statusWord: '申诉成立，不计入统计', decisionNote: '经查当天停业' });
    expect((await req.post(`/api/appeals/${appealId}/decision`, street, { decision: 'rejected', note: '改主意' })).statusCode).toBe(409);

    const after = await figures();
    expect(after.n).toBe(before.n - 1);
    expect(after.counts[0]).toBe(before.counts[0] - 1);
    expect(await t.app.db.selectFrom('ratings').select('excluded').where('id', '=', ratingId).executeTakeFirst()).toEqual({ excluded: 1 });

    const mine: MyRating = ((await req.get('/api/ratings/mine', rater)).json() as MyRatingPage).items[0];
    expect(mine.appeal).toEqual({ status: 'upheld', statusWord: '申诉成立，不计入统计' });
    expect(mine.progress?.status).toBe('closed');
    expect(mine.progress?.timeline.at(-1)).toMatchObject({ title: '申诉复核', text: '经街道复核，这条评价不计入服务点的统计' });
    const seen: Appeal[] = (await req.get('/api/appeals?status=decided', provider)).json().items;
    expect(seen.find((a) => a.id === appealId)?.status).toBe('upheld');
  });
});

describe('GET /api/stats/ratings', () => {
  it('gives a worker the figures of their 社区 by month, and nobody else’s', async () => {
    const stats: RatingStats = (await req.get('/api/stats/ratings', worker)).json();
    expect(stats.scopeName).toBe('新市社区');
    expect(stats.months.map((m) => m.month)).toEqual(['2026-06', '2026-07', '2026-08', '2026-09', '2026-10', '2026-11']);
    const november = stats.months[5].figures;
    const rows = await t.app.db.selectFrom('ratings').select(['level']).where('community_id', '=', 'xinshi').where('month', '=', '2026-11').where('excluded', '=', 0).execute();
    expect(november.n).toBe(rows.length);
    expect(november.goodRate).toBeCloseTo(rows.filter((r) => r.level >= 4).length / rows.length);

    const point: RatingStats = (await req.get(`/api/stats/ratings?point=${POINT}&month=2026-11`, worker)).json();
    expect(point.scopeName).toBe('新市修鞋配钥匙');
    expect(point.months).toHaveLength(1);

    expect((await req.get('/api/stats/ratings?community=yanjiang', worker)).statusCode).toBe(403);
    expect((await req.get('/api/stats/ratings?community=yanjiang', street)).statusCode).toBe(200);
    expect((await req.get(`/api/stats/ratings?point=${POINT}`, provider)).statusCode).toBe(403);
    expect(((await req.get('/api/stats/ratings', provider)).json() as RatingStats).scopeName).toBe('新市社区长者食堂');
    expect((await req.get('/api/stats/ratings?month=2026-13', worker)).json().error.fields.month).toMatch(/年-月/);
    expect((await req.get('/api/stats/ratings?community=atlantis', street)).statusCode).toBe(400);
    expect((await req.get('/api/stats/ratings', resident)).statusCode).toBe(403);
  });
});
