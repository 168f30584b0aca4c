/**
 * A resident's rights over their data, in a real browser: 我的 → 个人信息 shows what is held, corrects the name,
 * and — in 长辈版, with text ≥ 20 px and targets ≥ 60 px — deletes the account after the word 注销 is typed and
 * the question answered; afterwards the old session is gone and the account holds no name.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { startApp, type App } from './harness';
import { confirmModal, typeInto } from './steps';

const HOME = '/pages/home/index';

describe('个人信息 journey', () => {
  let app: App;
  let token = '';

  before(async () => {
    app = await startApp();
  });
  after(async () => {
    await app?.close();
  });

  it('signs in and opens 我的 → 个人信息', () =>
    app.step('open', async () => {
      await app.openApp(HOME);
      await app.tap('consent-agree');
      await app.tapTab('我的');
      await app.tap('me-login');
      const signedIn = app.page.waitForResponse((r) => r.url().endsWith('/api/auth/demo') && r.request().method() === 'POST');
      await app.tap('login-demo-volunteer');
      token = ((await (await signedIn).json()) as { token: string }).token;
      await app.waitForVisible('#me-profile');
      await app.tap('me-personal');
      await app.waitForVisible('#personal-export');
      assert.match(await app.visible('#page-root').innerText(), /手机号：135\*\*\*\*5678/);
      await app.screenshot('personal');
      await app.assertAccessible('个人信息');
    }));

  it('corrects the name', () =>
    app.step('correct', async () => {
      await typeInto(app, 'personal-name', '李志刚');
      const saved = app.page.waitForResponse((r) => r.url().endsWith('/api/me') && r.request().method() === 'PATCH');
      await app.tap('personal-save-name');
      assert.equal((await saved).status(), 200);
      const me = await app.api<{ user: { displayName: string } }>('GET', '/api/me', undefined, token);
      assert.equal(me.body.user.displayName, '李志刚');
    }));

  it('deletes the account in 长辈版 after typing 注销 and answering the question', () =>
    app.step('delete', async () => {
      await app.tap('personal-back');
      await app.tap('me-settings');
      await app.tap('elder-mode-switch');
      await app.waitForVisible('#page-root[data-elder="on"]');
      await app.tap('settings-back');
      await app.tap('me-personal');
      await app.waitForVisible('#personal-delete');
      assert.ok((await app.fontSize('#page-root')) >= 20, 'body text ≥ 20 px in 长辈版');
      for (const id of ['#personal-export', '#personal-logout-all', '#personal-delete']) {
        const height = await app.boxHeight(id);
        assert.ok(height >= 60, `${id} is ${height} px high in 长辈版`);
      }
      await app.screenshot('personal-elder');
      await app.assertAccessible('个人信息 in 长辈版');

      await typeInto(app, 'personal-delete-confirm', '注销');
      const deleted = app.page.waitForResponse((r) => r.url().endsWith('/api/me') && r.request().method() === 'DELETE');
      await app.tap('personal-delete');
      await confirmModal(app);
      assert.equal((await deleted).status(), 200);
      await app.waitForVisible('#entry-find-service');
      const me = await app.api('GET', '/api/me', undefined, token);
      assert.equal(me.status, 401);
    }));

  it('no errors in the browser console along the way', () => {
    assert.deepEqual(app.browserErrors, []);
  });
});
