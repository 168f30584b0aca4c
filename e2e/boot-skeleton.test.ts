/**
 * The frame of src/index.html, painted before any script arrives (issue 12: on a weak signal the screen stayed
 * white for 13 s): with the app's scripts held back it shows the title bar, grey cards and 正在加载… in words a
 * screen reader announces, passes axe-core and the CSP (its inline script runs, nothing is refused); when the
 * scripts arrive and the app draws its page, the frame is gone and the app is no longer marked busy.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { AxeBuilder } from '@axe-core/playwright';
import { startApp, type App } from './harness';

describe('the loading frame of index.html', () => {
  let app: App;
  before(async () => {
    app = await startApp();
  });
  after(() => app?.close());

  it('shows the frame while the scripts are on their way, and gives way to the app', () =>
    app.step('boot-skeleton', async () => {
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await app.page.route(/\/js\/[^/]+\.js$/, async (route) => {
        await held;
        await route.continue();
      });
      await app.page.goto(`${app.url}/#/pages/services/index`, { waitUntil: 'commit' });
      const skeleton = app.page.locator('#boot-skeleton');
      await skeleton.waitFor({ state: 'visible' });

      const status = app.page.getByRole('status');
      assert.equal(await status.innerText(), '正在加载…');
      const look = await app.page.evaluate(() => {
        const text = document.getElementById('boot-skeleton-text')!;
        return {
          fontSize: parseFloat(getComputedStyle(text).fontSize),
          background: getComputedStyle(document.getElementById('boot-skeleton')!).backgroundColor,
          cards: document.querySelectorAll('#boot-skeleton .boot__card').length,
          title: document.querySelector('#boot-skeleton .boot__bar')?.textContent,
        };
      });
      assert.ok(look.fontSize >= 20, `正在加载… is ${look.fontSize} px`);
      assert.equal(look.background, 'rgb(245, 246, 248)', 'the page is grey like the app, not white');
      assert.ok(look.cards >= 3, 'grey card placeholders');
      assert.equal(look.title, '临江社区服务');
      assert.equal(await app.page.locator('#app').getAttribute('aria-busy'), 'true');
      await app.screenshot('boot-skeleton');

      const { violations } = await new AxeBuilder({ page: app.page }).analyze();
      const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      assert.deepEqual(blocking.map((v) => `${v.id}: ${v.help}`), []);

      release();
      await app.waitForVisible('#page-root');
      await skeleton.waitFor({ state: 'detached' });
      assert.equal(await app.page.locator('#app').getAttribute('aria-busy'), null);
      assert.equal(await app.page.getByText('正在加载…', { exact: true }).count(), 0);
      // A refused inline script or style would be a console error here.
      assert.deepEqual(app.browserErrors, []);
    }));

  it('after 15 s without the app, says the network is slow and offers 重新加载, which starts the page again', () =>
    app.step('boot-skeleton-slow', async () => {
      await app.page.unrouteAll();
      let release = () => {};
      const held = new Promise<void>((resolve) => (release = resolve));
      await app.page.route(/\/js\/[^/]+\.js$/, async (route) => {
        await held;
        // The scripts asked for before the reload are gone by now.
        await route.continue().catch(() => undefined);
      });
      await app.page.clock.install();
      // A fresh load (the same URL with only its hash would not load the page again).
      await app.page.goto('about:blank');
      await app.page.goto(`${app.url}/#/pages/services/index`, { waitUntil: 'commit' });
      const reload = app.page.locator('#boot-reload');
      await app.page.locator('#boot-skeleton').waitFor({ state: 'visible' });
      assert.equal(await reload.isVisible(), false, 'no button while the page is simply loading');

      await app.page.clock.fastForward(15_000);
      await reload.waitFor({ state: 'visible' });
      assert.equal(await app.page.getByRole('status').innerText(), '网络较慢，仍在加载，请稍候…');
      // Measured here, not with app.boxHeight (that waits for the app's pages, which are not there yet).
      const button = await reload.evaluate((element) => ({
        height: element.getBoundingClientRect().height,
        fontSize: parseFloat(getComputedStyle(element).fontSize),
      }));
      assert.ok(button.height >= 60, `重新加载 is ${button.height} px high: a target for 长辈版`);
      assert.ok(button.fontSize >= 20, `重新加载 is ${button.fontSize} px`);
      const { violations } = await new AxeBuilder({ page: app.page }).analyze();
      assert.deepEqual(violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => `${v.id}: ${v.help}`), []);

      const reloaded = app.page.waitForEvent('framenavigated');
      await reload.click();
      await reloaded;
      release();
      await app.waitForVisible('#page-root');
      await app.page.locator('#boot-skeleton').waitFor({ state: 'detached' });
      assert.deepEqual(app.browserErrors, []);
    }));
});
