/**
 * Browser journey of elderly-care booking (issue 7). The server's clock and the phone's both start on a Tuesday
 * at 09:00 China time, so "tomorrow's lunch" is before its cut-off (16:00 today) whenever the test runs.
 *   1. 王秀兰 (`resident`) books tomorrow's lunch with 送餐 for her mother 张桂芝 and sees the subsidised price;
 *   2. the canteen (`provider`) confirms and completes it from its day view;
 *   3. the daughter sees 已完成 in 我的预约 and the message in 消息;
 *   4. 张桂芝 (`elder`) books tomorrow's dinner herself in 长辈版: at most 4 taps after choosing the service,
 *      text ≥ 20 px and targets ≥ 60 px on every page;
 *   5. a new relative (李志强, `volunteer`) asks to bind 张桂芝 and the 社区 worker approves it from 月探访 →
 *      老人档案, after the question naming the relative (the browser is still in 长辈版).
 * Every page visited passes axe-core (no serious or critical violations).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { BindElderResult, Booking, BookingPage, ElderDetail, ElderPage } from '@contract/care';
import { apiToken, signInAs } from './accounts';
import { assertElderSizes } from './steps';
import { startApp, type App } from './harness';

/** Tuesday 2026-12-01, 09:00 China time. */
const CLOCK_START = '2026-12-01T01:00:00.000Z';
const TOMORROW = '2026-12-02';
const LUNCH = 'cs-xinshi-lunch';
const DINNER = 'cs-xinshi-dinner';
const lunchSlot = `${LUNCH}:${TOMORROW}:1100`;

describe('elderly-care booking in the browser', () => {
  let app: App;
  let bookingId = 0;

  before(async () => {
    app = await startApp({ serverEnv: { CLOCK_START } });
    await app.context.clock.install({ time: new Date(CLOCK_START) });
  });
  after(() => app?.close());

  it('the daughter books tomorrow’s lunch with 送餐 for her mother and sees the subsidised price', () =>
    app.step('care-resident-books', async () => {
      await app.openApp('/pages/home/index');
      await app.tap('consent-agree');
      await signInAs(app, 'resident');
      const token = await apiToken(app, 'resident');
      const { body: elders } = await app.api<ElderPage>('GET', '/api/elders', undefined, token);
      const mother = elders.items.find((e) => e.name === '张桂芝');
      assert.ok(mother, 'the daughter is bound to 张桂芝');
      const { body: profile } = await app.api<ElderDetail>('GET', `/api/elders/${mother.id}`, undefined, token);

      await app.tapTab('首页');
      await app.tap('entry-care-meal');
      await app.waitForVisible('#book-service');
      assert.equal(await app.visible(`#elder-${mother.id}`).getAttribute('aria-checked'), 'true', 'her only elder is chosen already');
      await app.assertAccessible('booking: choose the service');

      await app.tap(`service-${LUNCH}`);
      // Today's lunch closed at 16:00 yesterday: the page moves on to tomorrow by itself.
      await app.waitForVisible(`[id="date-${TOMORROW}"][aria-checked="true"]`);
      assert.match(await app.visible(`[id="date-${TOMORROW}"]`).innerText(), /明天/);
      assert.match(await app.visible(`[id="slot-${lunchSlot}"]`).innerText(), /11:00–12:30[\s\S]*余 \d+ 个名额/);
      await app.tap(`slot-${lunchSlot}`);
      await app.tap('meal-delivery');
      await app.page.getByText(`送到：${profile.address}`).filter({ visible: true }).waitFor();
      // 15.00 lunch + 3.00 delivery − 5.00 for 80+ (config/domain/care.json).
      await app.page.locator('#book-price-amount:visible', { hasText: '¥13.00（已补贴 ¥5.00）' }).waitFor();
      assert.match(await app.visible('#book-price').innerText(), /80 岁以上老人每餐减 5 元/);
      await app.screenshot('care-book-choose');
      await app.assertAccessible('booking: choices with price');

      await app.tap('book-next');
      await app.waitForVisible('#book-confirm');
      const summary = await app.visible('#book-confirm').innerText();
      assert.match(summary, /张桂芝/);
      assert.match(summary, /明天 11:00–12:30/);
      assert.match(summary, /送餐/);
      assert.match(summary, /¥13\.00（已补贴 ¥5\.00）/);
      await app.assertAccessible('booking: confirmation');

      const created = app.page.waitForResponse((r) => r.url().endsWith('/api/bookings') && r.request().method() === 'POST');
      await app.tap('book-submit');
      const response = await created;
      assert.equal(response.status(), 201, await response.text());
      assert.match(response.request().headers()['idempotency-key'] ?? '', /^[A-Za-z0-9_-]{8,64}$/);
      bookingId = ((await response.json()) as Booking).id;

      await app.waitForVisible('#booking-result');
      const result = await app.visible('#booking-result').innerText();
      assert.match(result, /预约成功/);
      assert.match(result, new RegExp(`明天 11:00–12:30 送到${profile.address}`));
      assert.match(result, /如需取消，请在今天 16:00 前操作/);
      assert.equal(await app.visible('#booking-status').innerText(), '已预约');
      await app.screenshot('care-book-result');
      await app.assertAccessible('booking: result');

      const { body: mine } = await app.api<BookingPage>('GET', '/api/bookings', undefined, token);
      assert.equal(mine.items.filter((b) => b.slot.id === lunchSlot).length, 1, 'booked exactly once');
      await app.tap('booking-to-home');
    }));

  it('the canteen confirms and completes it from its day view', () =>
    app.step('care-provider-completes', async () => {
      await signInAs(app, 'provider');
      await app.tap('me-provider');
      await app.waitForVisible('.day-strip');
      await app.tap(`staff-day-${TOMORROW}`);
      await app.waitForVisible(`#staff-booking-${bookingId}`);
      const slotCard = await app.visible(`[id="staff-slot-${lunchSlot}"]`).innerText();
      assert.match(slotCard, /送餐 1 份/);
      assert.match(slotCard, /送餐地址：张桂芝/);
      assert.match(await app.visible(`#staff-booking-${bookingId}`).innerText(), /张桂芝 · 送餐[\s\S]*已预约/);
      await app.assertAccessible('provider: day view');

      await app.tap(`staff-confirmed-${bookingId}`);
      await app.page.locator(`#staff-booking-${bookingId}:visible`, { hasText: '已确认' }).waitFor();
      await app.tap(`staff-completed-${bookingId}`);
      await app.page.locator('.taro-model__confirm:visible').tap();
      await app.page.locator(`#staff-booking-${bookingId}:visible`, { hasText: '已完成' }).waitFor();
      await app.screenshot('care-provider-day');
      await app.tap('provider-back');
    }));

  it('the daughter sees 已完成 in 我的预约 and the message in 消息', () =>
    app.step('care-resident-sees-completed', async () => {
      await signInAs(app, 'resident');
      await app.page.locator('#me-unread:visible').waitFor();
      assert.match(await app.visible('#me-unread').innerText(), /\d+ 条未读/);
      await app.assertAccessible('我的 with care links');

      await app.tap('me-bookings');
      await app.page.locator(`#booking-${bookingId}:visible`, { hasText: '已完成' }).waitFor();
      await app.assertAccessible('my bookings');
      await app.tap(`booking-${bookingId}`);
      await app.waitForVisible('#booking-timeline');
      const timeline = await app.visible('#booking-timeline').innerText();
      assert.match(timeline, /已预约[\s\S]*已确认[\s\S]*已完成/);
      assert.equal(await app.visible('#booking-status').innerText(), '已完成');
      assert.equal(await app.page.locator('#booking-cancel:visible').count(), 0, 'a completed booking cannot be cancelled');
      await app.assertAccessible('booking detail');
      await app.tap('booking-back');
      await app.tap('bookings-back');

      await app.tap('me-messages');
      const completedMessage = app.page.locator('.message-card:visible', { hasText: '已完成' }).first();
      await completedMessage.waitFor();
      assert.match(await completedMessage.innerText(), /未读/);
      await app.screenshot('care-messages');
      await app.assertAccessible('messages');
      await completedMessage.tap();
      await app.waitForVisible('#booking-timeline');
      assert.equal(await app.visible('#booking-status').innerText(), '已完成');
      await app.tap('booking-back');
      await app.page.locator('.message-card:visible', { hasText: '已完成' }).first().filter({ hasNotText: '未读' }).waitFor();
      await app.tap('messages-back');
    }));

  it('the elder books tomorrow’s dinner herself in 长辈版: big text, big targets, at most 4 taps after the service', () =>
    app.step('care-elder-books', async () => {
      await signInAs(app, 'elder');
      await app.tap('me-settings');
      await app.tap('elder-mode-switch');
      await app.waitForVisible('#page-root[data-elder="on"]');
      await app.tap('settings-back');
      await app.tapTab('首页');
      await assertElderSizes(app, '首页', ['#entry-care-meal', '#entry-care-bath', '#entry-care-home']);
      await app.tap('entry-care-meal');
      await app.waitForVisible('#book-service');
      await assertElderSizes(app, 'booking', [`#service-${DINNER}`, '#book-next', '#book-back']);
      await app.assertAccessible('booking in 长辈版');

      await app.tap(`service-${DINNER}`); // choosing the service; the taps counted start after it
      const dinnerSlot = app.page.locator(`[id^="slot-${DINNER}:${TOMORROW}"]:visible`).first();
      await dinnerSlot.waitFor();
      const slotId = (await dinnerSlot.getAttribute('id'))!;
      assert.ok((await dinnerSlot.boundingBox())!.height >= 60, 'the slot is a big target');
      assert.ok((await app.fontSize(`[id="${slotId}"] .choice__title`)) >= 20, 'slot time ≥ 20 px');
      let taps = 0;
      await app.tap(slotId);
      taps += 1;
      await app.page.locator('#book-price-amount:visible').waitFor();
      assert.ok((await app.fontSize('#book-price-amount')) >= 20, 'price ≥ 20 px');
      await app.tap('book-next');
      taps += 1;
      await app.waitForVisible('#book-confirm');
      await assertElderSizes(app, 'confirmation', ['#book-submit', '#book-edit']);
      assert.ok((await app.fontSize('#confirm-time .summary-row__value')) >= 20, 'confirmation rows ≥ 20 px');
      await app.assertAccessible('confirmation in 长辈版');
      await app.tap('book-submit');
      taps += 1;
      await app.waitForVisible('#booking-result');
      assert.ok(taps <= 4, `${taps} taps after choosing the service`);
      assert.match(await app.visible('#booking-result').innerText(), /预约成功[\s\S]*明天/);
      await assertElderSizes(app, 'result', ['#booking-to-list', '#booking-to-home', '#booking-cancel']);
      await app.screenshot('care-elder-result');
      await app.assertAccessible('result in 长辈版');

      // The rest of her pages in 长辈版 too: 我的预约, 我的, 消息, 家人 (her daughter is bound to her).
      await app.tap('booking-to-list');
      const card = app.visible('[id^="booking-"].booking-card');
      await card.waitFor();
      await assertElderSizes(app, '我的预约', [`[id="${await card.getAttribute('id')}"]`, '#bookings-back']);
      await app.assertAccessible('my bookings in 长辈版');
      await app.openApp('/pages/me/index');
      await assertElderSizes(app, '我的', ['#me-bookings', '#me-family', '#me-messages']);
      await app.tap('me-messages');
      await app.visible('.message-card').waitFor();
      await assertElderSizes(app, '消息', ['.message-card', '#messages-back']);
      await app.assertAccessible('messages in 长辈版');
      await app.tap('messages-back');
      await app.tap('me-family');
      await app.visible('#family-relatives').waitFor();
      assert.match(await app.visible('#family-relatives').innerText(), /王\*+（子女）/);
      await assertElderSizes(app, '家人', ['#bind-submit', '#family-back', '[id^="relative-remove-"]']);
      await app.assertAccessible('family in 长辈版');
      assert.deepEqual(app.browserErrors, []);
    }));

  it('the 社区 worker approves a new relative’s binding request from 月探访 → 老人档案', () =>
    app.step('care-worker-approves-binding', async () => {
      const relativeToken = await apiToken(app, 'volunteer');
      const { status, body: request } = await app.api<BindElderResult>(
        'POST',
        '/api/elders/bind',
        { name: '张桂芝', idNumber: '220681194403081221', relation: '亲属' },
        relativeToken,
      );
      assert.equal(status, 201, JSON.stringify(request));
      const elderId = request.elder.id;

      await signInAs(app, 'worker');
      await app.tap('me-visits');
      await app.tap('visits-elders');
      await app.page.locator(`#staff-elder-${elderId}:visible`, { hasText: '1 位家属待批准' }).waitFor();
      await assertElderSizes(app, '老人档案', [`#staff-elder-open-${elderId}`, '#staff-elders-back', '#staff-elders-all']);
      await app.assertAccessible('worker: elders with binding requests in 长辈版');

      await app.tap(`staff-elder-open-${elderId}`);
      await app.waitForVisible(`#staff-approve-${request.bindingId}`);
      assert.match(await app.visible('#staff-profile-id').innerText(), /2206\*+1221/);
      await assertElderSizes(app, 'an elder for workers', [`#staff-approve-${request.bindingId}`, '#staff-classes-save', '#staff-elder-back']);
      await app.assertAccessible('worker: an elder’s profile, relatives and classes in 长辈版');
      await app.tap(`staff-approve-${request.bindingId}`);
      // Nothing is sent before the question, which names the relative, the relation and the elder.
      const question = app.page.locator('.taro-modal__content:visible');
      await question.waitFor();
      assert.match(await question.innerText(), /李\*+（亲属）绑定张桂芝/);
      await app.page.locator('.taro-model__confirm:visible').tap();
      await app.page.locator(`#staff-relative-${request.bindingId}:visible`, { hasText: '已绑定（社区审核）' }).waitFor();
      await app.screenshot('care-worker-approved');

      const { body: relativeElders } = await app.api<ElderPage>('GET', '/api/elders', undefined, relativeToken);
      assert.equal(relativeElders.items.find((e) => e.id === elderId)?.access, 'active', 'the relative may book for her now');
      await app.tap('staff-elder-back');
      // Back on the list: nobody is waiting any more.
      await app.page.locator(`#staff-elder-${elderId}:visible`).waitFor({ state: 'detached' });
    }));
});
