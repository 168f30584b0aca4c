/**
 * Browser journeys of the directory as residents found it (issue 10): everyday words in the search box (a sample of
 * the server's table), the nearest beyond 15 minutes, the 长辈版 tab bar on every tab page with the 服务 tab's own
 * sizes, declining the notice then wanting the location, and leaving the app for a map and coming back to the same
 * list. Every page visited is checked with axe-core.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { EVERYDAY_QUERIES } from '../server/features/directory/everyday-queries';
import { boxOf, checkTabBar, firstLaunch, GPS, settled, useMyLocation } from './directory-steps';
import { startApp, type App } from './harness';
import { assertElderSizes } from './steps';

/** Ten of the server's everyday queries whose answer is within 15 minutes on foot (the 服务 tab's default). */
const UI_SAMPLE = ['药店', 'yd', '医院', '老年食堂', '小卖部', '取钱', '派出所', '洗澡', '社保', '新市　长者食堂'].map((query) => {
  const row = EVERYDAY_QUERIES.find(([q, , where]) => q === query && where === 'first');
  assert.ok(row, `${query} is a "first" query of the server's table`);
  return { query, expected: row[1] };
});

const cardIds = (app: App) => app.page.locator('[id^="service-card-"]:visible').evaluateAll((els) => els.map((el) => el.id));

/** Scrolls the page on screen (on h5 Taro's page element, not the window) to `top`; answers where it ended up. */
function scrollPage(app: App, top: number): Promise<number> {
  return app.visible('#service-results').evaluate((el, to) => {
    let scroller = el.parentElement;
    while (scroller && !(scroller.scrollHeight > scroller.clientHeight && getComputedStyle(scroller).overflowY !== 'visible')) {
      scroller = scroller.parentElement;
    }
    scroller?.scrollTo(0, to);
    return scroller?.scrollTop ?? 0;
  }, top);
}

async function search(app: App, text: string): Promise<void> {
  const box = app.visible('#service-search input');
  await box.fill(text);
  await box.press('Enter');
  await app.page.locator('#service-results:visible[aria-busy="false"], #results-beyond:visible, .state-panel:visible').first().waitFor();
}

describe('directory as residents use it', () => {
  describe('everyday words, normal version', () => {
    let app: App;
    before(async () => {
      app = await startApp({ geolocation: { latitude: GPS.lat, longitude: GPS.lng } });
    });
    after(() => app?.close());

    it('finds what ten everyday queries mean, nearest first', async () => {
      await firstLaunch(app, false);
      await useMyLocation(app);
      assert.ok((await boxOf(app, '#service-search')).height >= 44, 'the search box is at least 44 px high');
      for (const { query, expected } of UI_SAMPLE) {
        await app.step(`search ${query}`, async () => {
          await search(app, query);
          await app.page.waitForFunction((id) => document.querySelector('[id^="service-card-"]')?.id === id, `service-card-${expected}`);
        });
      }
      await app.assertAccessible('服务 list after a search');
      assert.deepEqual(app.browserErrors, []);
    });

    it('says when nothing is within 15 minutes and shows the nearest beyond with its distance', async () => {
      await search(app, '供销社');
      const beyond = app.visible('#results-beyond');
      await beyond.waitFor();
      assert.match(await app.visible('#beyond-title').innerText(), /^15 分钟内没有与“供销社”相关的服务，最近的在 \d+(\.\d)? 公里 外$/);
      const ids = await cardIds(app);
      assert.ok(ids.length >= 1 && ids.length <= 3, `the nearest ${ids.length} beyond`);
      assert.match(await app.visible('[id^="service-card-"]').innerText(), /供销/);
      await app.screenshot('directory-beyond');
      await app.assertAccessible('服务 nothing within 15 minutes');
      await app.tap('empty-widen');
      await app.page.locator('#chip-nearby:visible[aria-pressed="false"]').waitFor();
      // The wider list loads after the chip turns: wait for its cards rather than count the loading state's.
      await app.page.locator('#service-results:visible[aria-busy="false"] [id^="service-card-"]').first().waitFor();
      assert.ok((await cardIds(app)).length >= 1);
    });

    it('offers the closest categories when a search finds nothing at all, and one tap lists the nearest', async () => {
      await search(app, '宠物医院');
      const clinics = app.visible('#suggestion-community-health-center');
      await clinics.waitFor();
      assert.match(await app.visible('#search-suggestions').innerText(), /您是不是要找：/);
      assert.match(await clinics.innerText(), /最近的：.+，(约 )?\d/);
      await app.screenshot('directory-suggestions');
      await app.assertAccessible('服务 search with nothing found, suggestions');
      await app.tap('suggestion-community-health-center');
      await app.page.locator('#service-results:visible[aria-busy="false"]').waitFor();
      assert.ok((await cardIds(app)).length >= 1, 'the suggested category lists its points');
      assert.equal(await app.visible('#service-search input').inputValue(), '', 'the search words are cleared');
      await app.tap('chip-category'); // back to every category for the next step
      await app.page.locator('#category-health:visible').waitFor();
    });

    it('keeps labels whole: no category name leaves one character on its own line', async () => {
      await search(app, '');
      await app.page.locator('#category-party-government:visible').waitFor();
      const lonely = await app.page.locator('.category-tile__label-part:visible').evaluateAll((parts) =>
        parts.filter((part) => part.getClientRects().length > 1).map((part) => part.textContent),
      );
      assert.deepEqual(lonely, [], 'every part of a label stays on one line');
    });
  });

  describe('长辈版 everywhere', () => {
    let app: App;
    before(async () => {
      app = await startApp({ geolocation: { latitude: GPS.lat, longitude: GPS.lng } });
    });
    after(() => app?.close());

    it('draws the tab bar of every tab page in 长辈版 sizes, the current tab marked by more than colour', async () => {
      await firstLaunch(app, true);
      await checkTabBar(app, '首页', true);
      await app.assertAccessible('首页 in 长辈版');
      await app.tapTab('服务');
      await app.waitForVisible('#service-search');
      await checkTabBar(app, '服务', true);
      // The hint fits the box; 更换 and the box are big enough to hit.
      const hint = await app.visible('#service-search input').evaluate((input: HTMLInputElement) => {
        const context = document.createElement('canvas').getContext('2d')!;
        const style = getComputedStyle(input);
        context.font = `${style.fontSize} ${style.fontFamily}`;
        const padding = parseFloat(style.paddingLeft) + parseFloat(style.paddingRight);
        return { text: context.measureText(input.placeholder).width, room: input.clientWidth - padding };
      });
      assert.ok(hint.text <= hint.room, `the search hint (${hint.text.toFixed(0)} px) fits its box (${hint.room} px)`);
      await app.assertAccessible('服务 in 长辈版');
      await app.tapTab('我的');
      await checkTabBar(app, '我的', true);
      await app.screenshot('tab-bar-elder-me');
      await app.assertAccessible('我的 in 长辈版');
      await app.tapTab('服务');
      await app.tap('location-allow');
      await app.page.getByText('距离从：您的位置').waitFor();
      const change = await boxOf(app, '#origin-change');
      assert.ok(change.width >= 60 && change.height >= 60, `更换 is ${change.width}×${change.height} px`);
      // A search that finds nothing: its suggestions are big enough to hit in 长辈版 too.
      await search(app, 'xyzq');
      await app.visible('#search-suggestions').waitFor();
      assert.match(await app.visible('#search-suggestions').innerText(), /试试这些常用服务：/);
      await assertElderSizes(app, '服务 suggestions', ['#search-suggestions [id^="suggestion-"]']);
      await app.assertAccessible('服务 suggestions in 长辈版');
      assert.deepEqual(app.browserErrors, []);
    });
  });

  describe('after 不同意，仅浏览', () => {
    let app: App;
    before(async () => {
      app = await startApp({ geolocation: { latitude: GPS.lat, longitude: GPS.lng } });
    });
    after(() => app?.close());

    it('asks for a 社区 instead of listing the city, and sends the position only after agreeing again in words', async () => {
      await firstLaunch(app, false, 'decline');
      const positions: string[] = [];
      app.page.on('request', (request) => {
        const url = new URL(request.url());
        if (url.pathname.startsWith('/api/') && (url.searchParams.has('lat') || url.searchParams.has('lng'))) positions.push(url.pathname);
      });
      await app.tap('entry-find-service');
      await app.page.locator('#ask-community:visible').waitFor();
      assert.equal(await app.page.locator('[id^="service-card-"]:visible').count(), 0, 'no city-wide list by name');
      await app.assertAccessible('服务 asking for a 社区');

      await app.tap('location-allow');
      await app.page.locator('#location-consent:visible').waitFor();
      await app.screenshot('directory-location-consent-again');
      await app.assertAccessible('服务 asking again for the location');
      assert.deepEqual(positions, [], 'nothing sent before agreeing');
      await app.tap('location-consent-agree');
      await app.page.getByText('距离从：您的位置').waitFor();
      await app.page.locator('[id^="service-card-"]:visible').first().waitFor();
      assert.ok(positions.some((path) => path === '/api/services'), 'the list is measured from the position once agreed');
      assert.deepEqual(app.browserErrors, []);
    });
  });

  describe('leaving for a map and coming back', () => {
    let app: App;
    before(async () => {
      app = await startApp({ geolocation: { latitude: GPS.lat, longitude: GPS.lng } });
    });
    after(() => app?.close());

    it('keeps the 服务 filter and scroll position, and a detail opened afresh leads back to that list', async () => {
      await firstLaunch(app, false);
      await useMyLocation(app);
      await app.tap('category-health');
      await app.tap('subcategory-pharmacy');
      await app.page.locator('#subcategory-pharmacy:visible[aria-pressed="true"]').waitFor();
      const card = app.page.locator('[id^="service-card-"]:visible').first();
      await card.waitFor();
      const cardId = (await card.getAttribute('id'))!;
      await app.tap(cardId);
      await app.page.locator('#detail-name:visible').waitFor();
      await settled(app, '#detail-name');
      // The detail page: 分享 visible, phone and address rows tappable, the way back.
      assert.ok(await app.visible('#detail-share').isVisible(), '分享 is visible');
      assert.equal(await app.visible('#detail-phone').getAttribute('role'), 'button');
      assert.equal(await app.visible('#detail-address').getAttribute('role'), 'button');
      await app.assertAccessible('service point detail with 分享');

      // 导航 opens the map in a new browser tab: the app stays where it was.
      // (The test machine has no internet: the new tab shows an error page, which is fine — it opened.)
      const [map] = await Promise.all([app.context.waitForEvent('page'), app.tap('detail-navigate')]);
      await map.close();
      assert.ok(await app.visible('#detail-name').isVisible(), 'still on the detail page');

      // Leaving the app in this tab and coming back (a reload of the detail page: nothing to go back to).
      await app.page.goto('about:blank');
      await app.page.goBack();
      await app.page.locator('#detail-name:visible').waitFor();
      assert.match(await app.visible('#detail-back').innerText(), /服务/);
      await app.tap('detail-back');
      await app.page.locator('#subcategory-pharmacy:visible[aria-pressed="true"]').waitFor();
      assert.match(await app.visible('#chip-category').innerText(), /医疗卫生/);
      await app.page.locator(`#${cardId}:visible`).waitFor();
      await checkTabBar(app, '服务', false);
      await app.assertAccessible('服务 after coming back');

      // The scroll position comes back too: every point within 15 minutes, scrolled down, out to the map and back.
      await app.tap('chip-category');
      await app.page.locator('#category-health:visible').waitFor();
      await app.page.locator('#service-results:visible[aria-busy="false"]').waitFor();
      const scrolled = await scrollPage(app, 600);
      assert.ok(scrolled >= 590, `the list scrolled to ${scrolled}`);
      await app.page.waitForTimeout(300); // the scroll event is recorded
      await app.page.goto('about:blank');
      await app.page.goBack();
      await app.page.locator('#service-results:visible[aria-busy="false"]').waitFor();
      await app.page.waitForFunction(() => {
        const results = [...document.querySelectorAll('#service-results')].find((el) => (el as HTMLElement).offsetParent !== null);
        let scroller = results?.parentElement ?? null;
        while (scroller && !(scroller.scrollHeight > scroller.clientHeight && getComputedStyle(scroller).overflowY !== 'visible')) scroller = scroller.parentElement;
        return (scroller?.scrollTop ?? 0) >= 500;
      });
    });
  });
});
