/**
 * Browser journey of 好差评 (issue 8). Server and phone clocks start on Tuesday 2026-12-01, 09:00 China time.
 *   1. 王秀兰 (`resident`) rates a point she visited 不满意 with a problem tag, from its page, after a preview;
 *   2. the community worker (`worker`) finds the order in the queue (overdue ones on top, in words), takes it,
 *      sees her phone, records 回访 and 立行立改, and gives feedback;
 *   3. she sees the follow-up in 我的评价 and gives her 追评; the point's page shows the new figures;
 *   4. the resident part again in 长辈版: text ≥ 20 px and targets ≥ 60 px on every page.
 * Every page visited passes axe-core (no serious or critical violations).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { MyRatingPage, WorkOrderPage } from '@contract/ratings';
import { apiToken, signInAs } from './accounts';
import { assertElderSizes, typeInto } from './steps';
import { startApp, type App } from './harness';

/** Tuesday 2026-12-01, 09:00 China time. */
const CLOCK_START = '2026-12-01T01:00:00.000Z';
/** Points of 新市社区 the demo seed leaves without ratings. */
const POINT = 'sp-220681002-repair-0115';
const ELDER_POINT = 'sp-220681002-photo-print-0113';
const detailPath = (id: string) => `/features/directory/pages/detail/index?id=${id}`;

const shown = (app: App, selector: string) => app.visible(selector);

/** From a point's page: 我去过，评价 → level → tag → words → preview → submit; returns the rating's id. */
async function ratePoint(app: App, point: string, level: number, tagIndex: number, words: string, elder: boolean): Promise<number> {
  await app.openApp(detailPath(point));
  await app.waitForVisible('#detail-ratings');
  if (elder) await assertElderSizes(app, 'point detail', ['#detail-rate']);
  await app.assertAccessible('point detail with its ratings');
  await app.tap('detail-rate');
  await app.waitForVisible('#rate-form');
  assert.deepEqual(
    await app.page.locator('.level-option__word:visible').allInnerTexts(),
    ['非常满意', '满意', '基本满意', '不满意', '非常不满意'],
    'all five levels in words',
  );
  await app.tap(`level-${level}`);
  await app.tap(`tag-${tagIndex}`);
  await typeInto(app, 'rate-comment', words);
  if (elder) await assertElderSizes(app, 'rate form', [`#level-${level}`, `#tag-${tagIndex}`, '#rate-preview-button']);
  await app.assertAccessible('rate form');
  await app.tap('rate-preview-button');
  await app.waitForVisible('#rate-preview');
  assert.match(await shown(app, '#rate-preview').innerText(), new RegExp(words));
  if (elder) await assertElderSizes(app, 'rate preview', ['#rate-submit', '#rate-edit']);
  await app.assertAccessible('rate preview');
  const created = app.page.waitForResponse((r) => r.url().endsWith('/api/ratings') && r.request().method() === 'POST');
  await app.tap('rate-submit');
  const response = await created;
  assert.equal(response.status(), 201, await response.text());
  await app.waitForVisible('#rate-done');
  await app.assertAccessible('rate result');
  return ((await response.json()) as { id: number }).id;
}

describe('好差评 in the browser', () => {
  let app: App;
  let ratingId = 0;

  before(async () => {
    app = await startApp({ serverEnv: { CLOCK_START } });
    await app.context.clock.install({ time: new Date(CLOCK_START) });
  });
  after(() => app?.close());

  it('the resident rates a point 不满意 with a problem tag, after a preview', () =>
    app.step('ratings-resident-rates', async () => {
      await app.openApp('/pages/home/index');
      await app.tap('consent-agree');
      await signInAs(app, 'resident');
      ratingId = await ratePoint(app, POINT, 2, 1, '等了半小时没人理', false);
      assert.match(await shown(app, '#rate-done').innerText(), /已转给社区工作人员/);
      await app.screenshot('ratings-rated');
    }));

  it('the worker takes the order, sees who rated, records 回访 and 立行立改, and gives feedback', () =>
    app.step('ratings-worker-handles', async () => {
      const token = await apiToken(app, 'worker');
      const { body: queue } = await app.api<WorkOrderPage>('GET', '/api/work-orders?limit=50', undefined, token);
      const order = queue.items.find((o) => o.ratingId === ratingId);
      assert.ok(order, 'the 差评 opened a work order for 新市社区');

      await signInAs(app, 'worker');
      await app.tap('me-work-orders');
      await app.waitForVisible(`#order-${order.id}`);
      const first = await shown(app, '#order-list .order-card').innerText();
      assert.match(first, /已逾期/, 'an overdue order stands at the top, said in words');
      await app.assertAccessible('work-order queue');

      await app.tap(`order-${order.id}`);
      await app.waitForVisible('#order-take');
      assert.match(await shown(app, '#order-contact').innerText(), /王\*\*/);
      await app.assertAccessible('work order before taking');
      await app.tap('order-take');
      await app.page.locator('#order-contact:visible', { hasText: '王秀兰 · 13904391234' }).waitFor();

      await typeInto(app, 'order-note', '已电话联系王秀兰，情况属实');
      await app.tap('order-callback');
      await app.page.locator('#order-status:visible', { hasText: '核实中' }).waitFor();
      await app.tap('resolution-immediate');
      await typeInto(app, 'order-note', '已要求店里当天安排专人接待');
      await app.tap('order-decide');
      await app.page.locator('#order-status:visible', { hasText: '整改中' }).waitFor();
      await typeInto(app, 'order-note', '店里已安排专人接待，欢迎您再来');
      await app.tap('order-feedback');
      await app.page.locator('.taro-model__confirm:visible').tap();
      await app.page.locator('#order-status:visible', { hasText: '已反馈' }).waitFor();
      assert.match(await shown(app, '#order-timeline').innerText(), /已回访[\s\S]*处理方式：立行立改[\s\S]*已反馈整改结果/);
      await app.screenshot('ratings-order');
      await app.assertAccessible('work order after feedback');
    }));

  it('the resident sees the follow-up, gives her 追评, and the point’s page shows the new figures', () =>
    app.step('ratings-resident-follows-up', async () => {
      await signInAs(app, 'resident');
      await app.tap('me-ratings');
      await app.waitForVisible(`#rating-${ratingId}`);
      const card = await shown(app, `#rating-${ratingId}`).innerText();
      assert.match(card, /已反馈处理结果/);
      assert.match(card, /整改反馈[\s\S]*店里已安排专人接待/);
      assert.doesNotMatch(card, /情况属实/, 'the worker’s own 回访 note is not shown to her');
      await app.assertAccessible('我的评价 with feedback');
      await app.tap(`follow-up-${ratingId}-satisfied`);
      await app.tap(`follow-up-${ratingId}-send`);
      await app.page.locator('.taro-model__confirm:visible').tap();
      await app.page.locator(`#rating-${ratingId}:visible`, { hasText: '您的追评：满意' }).waitFor();
      await app.screenshot('ratings-mine');

      const token = await apiToken(app, 'resident');
      const { body: mine } = await app.api<MyRatingPage>('GET', '/api/ratings/mine', undefined, token);
      assert.equal(mine.items.find((r) => r.id === ratingId)?.progress?.status, 'followed_up');

      await app.openApp(`/features/ratings/pages/point/index?id=${POINT}`);
      await app.waitForVisible('#point-figures');
      assert.match(await shown(app, '#point-figures').innerText(), /共 1 条评价/);
      assert.match(await shown(app, '#figure-level-2').innerText(), /1 条/);
      assert.match(await shown(app, '#point-rates-note').innerText(), /评价不足 5 条（目前 1 条）/);
      assert.match(await shown(app, '#point-rectifications').innerText(), /态度差 · 立行立改 · 已追评/);
      assert.match(await shown(app, '#comment-list').innerText(), /王\*[\s\S]*不满意[\s\S]*等了半小时没人理/);
      await app.assertAccessible('point ratings');
      await app.openApp(detailPath(POINT));
      await app.page.locator('#detail-ratings-line:visible', { hasText: '1 条评价' }).waitFor();
    }));

  it('the resident part again in 长辈版: big text and big targets on every page', () =>
    app.step('ratings-elder', async () => {
      await app.openApp('/pages/me/index');
      await app.tap('me-settings');
      await app.tap('elder-mode-switch');
      await app.waitForVisible('#page-root[data-elder="on"]');
      await app.tap('settings-back');
      const id = await ratePoint(app, ELDER_POINT, 4, 0, '复印很清楚，老板很耐心', true);
      await assertElderSizes(app, 'rate result', ['#rate-mine']);
      await app.tap('rate-mine');
      await app.waitForVisible(`#rating-${id}`);
      assert.match(await shown(app, `#rating-${id}`).innerText(), /满意[\s\S]*服务热情/);
      await assertElderSizes(app, '我的评价', ['#ratings-back']);
      await app.screenshot('ratings-elder-mine');
      await app.assertAccessible('我的评价 in 长辈版');
    }));
});
