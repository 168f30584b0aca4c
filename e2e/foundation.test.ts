/**
 * Foundation journey in a real browser, as a resident on a phone: first launch (privacy notice, agree), the
 * home screen, sign in with the demo resident through 我的 → 登录, then 我的 → 设置 → 长辈版 on (body text
 * ≥ 20 px, main entries ≥ 60 px high on 首页) and off again (everything back to its normal size).
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import type { MeResult } from '@contract/auth';
import { CONSENT_VERSION } from '../src/lib/consent/notice';
import { startApp, type App } from './harness';

const HOME = '/pages/home/index';
const ENTRIES = ['#entry-find-service', '#entry-coverage'];

interface Sizes { body: number; entryHeights: number[] }

async function homeSizes(app: App): Promise<Sizes> {
  await app.waitForVisible(ENTRIES[0]);
  return {
    body: await app.fontSize('#page-root'),
    entryHeights: await Promise.all(ENTRIES.map((entry) => app.boxHeight(entry))),
  };
}

/** 我的 → 设置 → flip 长辈版 → back to 首页. Returns whether the page reports 长辈版 on afterwards. */
async function flipElderModeInSettings(app: App): Promise<string | null> {
  await app.tapTab('我的');
  await app.tap('me-settings');
  const was = await app.visible('#page-root').getAttribute('data-elder');
  await app.tap('elder-mode-switch');
  await app.waitForVisible(`#page-root[data-elder="${was === 'on' ? 'off' : 'on'}"]`);
  await app.screenshot(`settings-elder-${was === 'on' ? 'off' : 'on'}`);
  await app.assertAccessible(`设置 with 长辈版 ${was === 'on' ? 'off' : 'on'}`);
  const minTarget = was === 'on' ? 44 : 60;
  const switchHeight = await app.boxHeight('#elder-mode-switch');
  assert.ok(switchHeight >= minTarget, `the 长辈版 switch is a ${switchHeight} px tap target (want ≥ ${minTarget})`);
  // The page's own 返回 (the browser build has no navigation bar).
  await app.tap('settings-back');
  await app.tapTab('首页');
  await app.waitForVisible(ENTRIES[0]);
  return app.visible('#page-root').getAttribute('data-elder');
}

/** 同意并开始使用 and 不同意，仅浏览 are both wholly on the 390×844 screen, without scrolling. */
async function bothAnswersOnScreen(app: App, mode: string): Promise<void> {
  const screen = app.page.viewportSize()!;
  for (const id of ['consent-agree', 'consent-decline']) {
    const box = await app.visible(`#${id}`).boundingBox();
    assert.ok(box, `${id} is drawn (${mode})`);
    assert.ok(box.y >= 0 && box.y + box.height <= screen.height, `${id} is on screen (${mode}): ${Math.round(box.y)}–${Math.round(box.y + box.height)} of ${screen.height} px`);
  }
}

describe('foundation journey 基础流程', () => {
  let app: App;
  let normal: Sizes;

  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  it('first launch shows the privacy notice; agreeing opens the home screen', () =>
    app.step('first-launch', async () => {
      await app.openApp(HOME);
      await app.waitForVisible('#first-launch');
      assert.match(await app.visible('#first-launch').innerText(), /欢迎使用临江社区服务/);
      await app.screenshot('first-launch');
      await app.assertAccessible('first launch (privacy notice)');
      await bothAnswersOnScreen(app, '长辈版 off');

      // 长辈版 makes the notice taller than the screen: the two answers stay pinned in view, as large targets.
      await app.tap('first-launch-elder-switch');
      await app.waitForVisible('#page-root[data-elder="on"]');
      await bothAnswersOnScreen(app, '长辈版 on');
      for (const id of ['consent-agree', 'consent-decline']) {
        const height = await app.boxHeight(`#${id}`);
        assert.ok(height >= 60, `${id} is ${height} px high in 长辈版`);
      }
      await app.screenshot('first-launch-elder');
      await app.assertAccessible('first launch in 长辈版');
      await app.tap('first-launch-elder-switch');
      await app.waitForVisible('#page-root[data-elder="off"]');

      await app.tap('consent-agree');
      await app.page.locator('#first-launch').waitFor({ state: 'detached' });
      await app.waitForVisible(ENTRIES[0]);
      const home = await app.visible('#page-root').innerText();
      assert.match(home, /您好|早上好|中午好|下午好|晚上好/, 'home greets the user');
      assert.match(home, /找服务/);
      normal = await homeSizes(app);
      await app.screenshot('home');
      await app.assertAccessible('首页');
    }));

  it('signs in as the demo resident through 我的 → 登录, and the server has the consent on the account', () =>
    app.step('sign-in', async () => {
      await app.tapTab('我的');
      await app.tap('me-login');
      await app.waitForVisible('#login-demo-resident');
      await app.assertAccessible('登录');
      const signedIn = app.page.waitForResponse((r) => r.url().endsWith('/api/auth/demo') && r.request().method() === 'POST');
      await app.tap('login-demo-resident');
      const response = await signedIn;
      assert.equal(response.status(), 200);
      const { token } = (await response.json()) as { token: string };

      await app.waitForVisible('#me-profile');
      assert.match(await app.visible('#me-profile').innerText(), /身份：居民/);
      await app.screenshot('me-signed-in');
      await app.assertAccessible('我的, signed in');

      // The consent given before signing in is recorded on the account right after sign-in.
      let consentVersion: string | null = null;
      for (let tries = 0; tries < 30 && !consentVersion; tries++) {
        if (tries > 0) await new Promise((resolve) => setTimeout(resolve, 100));
        const me = await app.api<MeResult>('GET', '/api/me', undefined, token);
        assert.equal(me.status, 200);
        consentVersion = me.body.user.consentVersion;
      }
      assert.equal(consentVersion, CONSENT_VERSION);
    }));

  it('长辈版 on: body text ≥ 20 px and the main entries ≥ 60 px high on 首页', () =>
    app.step('elder-on', async () => {
      assert.equal(await flipElderModeInSettings(app), 'on');
      const elder = await homeSizes(app);
      await app.screenshot('home-elder');
      await app.assertAccessible('首页 in 长辈版');
      assert.ok(elder.body >= 20, `body text ${elder.body} px in 长辈版`);
      assert.ok(elder.body > normal.body, `body text grew (${normal.body} → ${elder.body} px)`);
      for (const [i, height] of elder.entryHeights.entries()) assert.ok(height >= 60, `${ENTRIES[i]} is ${height} px high`);
      await app.waitForVisible('#help-call');
    }));

  it('长辈版 off: 首页 is back to its normal sizes', () =>
    app.step('elder-off', async () => {
      assert.equal(await flipElderModeInSettings(app), 'off');
      const back = await homeSizes(app);
      await app.screenshot('home-normal-again');
      assert.equal(back.body, normal.body);
      assert.ok(back.body < 20, `body text ${back.body} px in the normal version`);
      assert.deepEqual(back.entryHeights, normal.entryHeights);
      assert.equal(await app.page.locator('#help-call').filter({ visible: true }).count(), 0);
    }));

  it('no errors in the browser console along the way', () => {
    assert.deepEqual(app.browserErrors, []);
  });
});
