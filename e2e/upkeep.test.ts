/**
 * Browser journey of 信息有误 and staff editing (issue 20). Server and phone clocks start on Tuesday 2026-12-01, 09:00
 * China time.
 *   1. 王秀兰 (`resident`) opens a point of 新市社区, taps 信息有误？去反馈 and reports 关门了; 我的反馈 lists it;
 *   2. the 社区 worker (`worker`) finds it in 纠错待办 with its due date, handles it 核实无误 and pauses the point until
 *      12月20日; the point's page offers them 编辑信息; 待核实 and 新增服务点 open;
 *   3. the resident's 服务 list and the point's page say 暂停营业 instead of 营业中/已打烊, and her 消息 has the outcome;
 *   4. all of it again in 长辈版 on another point: text ≥ 20 px and targets ≥ 60 px on every page.
 * Every page visited passes axe-core (no serious or critical violations).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { CorrectionList } from '@contract/upkeep';
import { apiToken, signInAs } from './accounts';
import { assertElderSizes, typeInto } from './steps';
import { startApp, type App } from './harness';

/** Tuesday 2026-12-01, 09:00 China time. */
const CLOCK_START = '2026-12-01T01:00:00.000Z';
/** Points of 新市社区 (the demo worker's 社区). */
const POINT = { id: 'sp-220681002-repair-0115', name: '新市修鞋配钥匙' };
const ELDER_POINT = { id: 'sp-220681002-photo-print-0113', name: '新市图文快印' };
const detailPath = (id: string) => `/features/directory/pages/detail/index?id=${id}`;

const shown = (app: App, selector: string) => app.visible(selector);
const elderCheck = (app: App, elder: boolean, page: string, targets: string[]) => (elder ? assertElderSizes(app, page, targets) : Promise.resolve());

/** The resident reports `kind` from the point's page; returns the report's id. */
async function report(app: App, point: typeof POINT, kind: 'closed' | 'phone', elder: boolean): Promise<number> {
  await signInAs(app, 'resident');
  await app.openApp(detailPath(point.id));
  await app.waitForVisible('#detail-report');
  assert.equal(await app.page.locator('#detail-edit:visible').count(), 0, 'a resident is not offered 编辑信息');
  await elderCheck(app, elder, 'point detail', ['#detail-report']);
  await app.assertAccessible('point detail with 信息有误');
  await app.tap('detail-report');
  await app.waitForVisible('#report-form');
  assert.deepEqual(await app.page.locator('#report-form .toggle-chip:visible').allInnerTexts(), ['关门了', '电话打不通', '地址不对', '时间不对', '其他']);
  await app.tap(`report-kind-${kind}`);
  await typeInto(app, 'report-text', '门口贴了通知');
  await elderCheck(app, elder, 'report form', [`#report-kind-${kind}`, '#report-submit', '#upkeep-back']);
  await app.assertAccessible('信息有误 form');
  await app.screenshot(elder ? 'upkeep-elder-report' : 'upkeep-report');
  const sent = app.page.waitForResponse((r) => r.url().endsWith('/corrections') && r.request().method() === 'POST');
  await app.tap('report-submit');
  const response = await sent;
  assert.equal(response.status(), 201, await response.text());
  await app.waitForVisible('#report-done');
  await elderCheck(app, elder, 'report result', ['#report-mine']);
  await app.assertAccessible('信息有误 sent');
  const { correction } = (await response.json()) as { correction: { id: number } };
  await app.tap('report-mine');
  await app.waitForVisible(`#correction-${correction.id}`);
  assert.match(await shown(app, `#correction-${correction.id}`).innerText(), new RegExp(`${point.name}[\\s\\S]*居民反馈：${kind === 'closed' ? '关门了' : '电话打不通'}[\\s\\S]*前处理`));
  await elderCheck(app, elder, '我的反馈', ['#upkeep-back']);
  await app.assertAccessible('我的反馈');
  return correction.id;
}

/** The worker handles the report 核实无误 and pauses the point until 2026-12-20; the point's page offers 编辑信息. */
async function handle(app: App, point: typeof POINT, id: number, elder: boolean): Promise<void> {
  await signInAs(app, 'worker');
  await app.tap('me-correction-queue');
  await app.waitForVisible(`#correction-${id}`);
  assert.match(await shown(app, `#correction-${id}-due`).innerText(), /前处理/);
  await elderCheck(app, elder, '纠错待办', ['#queue-open', '#queue-handled', `#correction-${id}-outcome-confirmed`, `#correction-${id}-submit`]);
  await app.assertAccessible('纠错待办');
  await app.tap(`correction-${id}-outcome-confirmed`);
  await app.tap(`correction-${id}-pause`);
  await typeInto(app, `correction-${id}-pause-to`, '2026-12-20');
  await typeInto(app, `correction-${id}-pause-reason`, '内部装修');
  await typeInto(app, `correction-${id}-note`, '已到现场看过，装修到 20 日');
  if (elder) {
    // The words typed into a note are as large as the rest (Taro's h5 textarea draws a native one inside).
    const typed = await app.fontSize(`#correction-${id}-note textarea`);
    assert.ok(typed >= 20, `the note's text is ${typed} px (want ≥ 20)`);
  }
  await app.assertAccessible('纠错待办 with the form filled');
  await app.screenshot(elder ? 'upkeep-elder-queue' : 'upkeep-queue');
  const handled = app.page.waitForResponse((r) => r.url().endsWith(`/api/corrections/${id}/actions`));
  await app.tap(`correction-${id}-submit`);
  assert.equal((await handled).status(), 200);
  await app.page.locator(`#correction-${id}`).waitFor({ state: 'detached' });
  await app.tap('queue-handled');
  await app.page.locator(`#correction-${id}-outcome:visible`, { hasText: '处理结果：核实无误' }).waitFor();
  await app.assertAccessible('纠错待办 handled');
  await app.tap('upkeep-back');

  await app.tap('me-stale-points');
  await app.page.locator('#stale-list, .state-panel').first().waitFor();
  await elderCheck(app, elder, '待核实', ['#upkeep-back']);
  await app.assertAccessible('待核实');
  await app.tap('upkeep-back');
  await app.tap('me-new-point');
  await app.waitForVisible('#point-form');
  await elderCheck(app, elder, '新增服务点', ['#edit-name', '#hours-mon-add', '#edit-save']);
  await app.assertAccessible('新增服务点');

  await app.openApp(detailPath(point.id));
  await app.waitForVisible('#detail-edit');
  await app.tap('detail-edit');
  await app.waitForVisible('#point-form');
  assert.equal(await app.visible('#edit-name input').inputValue(), point.name);
  assert.equal(await app.visible('#pause-reason input').inputValue(), '内部装修', 'the pause set from the queue is in the form');
  await elderCheck(app, elder, '编辑服务点', ['#edit-verify', '#edit-phone', '#pause-on', '#edit-save']);
  await app.assertAccessible('编辑服务点');
  await app.screenshot(elder ? 'upkeep-elder-edit' : 'upkeep-edit');
}

/** The resident sees 暂停营业 on the 服务 card and the point's page, and the outcome in 消息. */
async function seePaused(app: App, point: typeof POINT, elder: boolean): Promise<void> {
  await signInAs(app, 'resident');
  await app.openApp('/pages/services/index');
  await app.page.locator('#service-search input').fill(point.name);
  await app.page.locator('#service-search input').press('Enter');
  const card = app.page.locator(`#service-card-${point.id}:visible`);
  await card.waitFor();
  assert.match(await card.innerText(), /暂停营业[\s\S]*至 12月20日[\s\S]*内部装修/);
  await app.assertAccessible('服务 list with a paused point');
  await card.tap();
  await app.waitForVisible('#detail-state');
  assert.match(await shown(app, '#detail-state').innerText(), /暂停营业[\s\S]*内部装修/);
  assert.doesNotMatch(await shown(app, '#detail-state').innerText(), /营业中|已打烊/);
  await elderCheck(app, elder, 'paused point detail', ['#detail-report']);
  await app.openApp('/pages/me/index');
  await app.tap('me-messages');
  const message = app.page.locator('.message-card:visible', { hasText: point.name }).first();
  await message.waitFor();
  assert.match(await message.innerText(), /核实无误。该点暂停营业（至 12月20日）。说明：已到现场看过，装修到 20 日。/);
  await app.assertAccessible('消息 with the outcome');
}

describe('信息有误 and staff editing in the browser', () => {
  let app: App;

  before(async () => {
    app = await startApp({ serverEnv: { CLOCK_START } });
    await app.context.clock.install({ time: new Date(CLOCK_START) });
    await app.openApp('/pages/home/index');
    await app.tap('consent-agree');
  });
  after(() => app?.close());

  it('a resident reports 关门了, the worker pauses the point until a date, the resident sees 暂停营业 and the outcome', () =>
    app.step('upkeep-journey', async () => {
      const id = await report(app, POINT, 'closed', false);
      const { body: queue } = await app.api<CorrectionList>('GET', '/api/corrections?state=open', undefined, await apiToken(app, 'worker'));
      assert.ok(queue.items.some((c) => c.id === id && c.pointName === POINT.name), 'the report is in the worker’s queue');
      await handle(app, POINT, id, false);
      await seePaused(app, POINT, false);
      await app.screenshot('upkeep-paused');
    }));

  it('the same journey in 长辈版', () =>
    app.step('upkeep-elder', async () => {
      await app.openApp('/pages/me/index');
      await app.tap('me-settings');
      await app.tap('elder-mode-switch');
      await app.waitForVisible('#page-root[data-elder="on"]');
      await app.tap('settings-back');
      const id = await report(app, ELDER_POINT, 'phone', true);
      await handle(app, ELDER_POINT, id, true);
      await seePaused(app, ELDER_POINT, true);
      await app.screenshot('upkeep-elder-paused');
    }));
});
