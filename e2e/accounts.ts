/**
 * Signing in and out as the demo accounts inside a journey, as a user does it (我的 → 退出登录 → 登录 → pick
 * the account), and a token for checking what the server recorded through the API.
 */
import type { DemoAccountKey, LoginResult } from '@contract/auth';
import type { App } from './harness';

/** From any page: opens 我的, signs out whoever is signed in (confirming the question), signs in as `account`. */
export async function signInAs(app: App, account: DemoAccountKey): Promise<void> {
  await app.openApp('/pages/me/index');
  if (await app.page.locator('#me-logout:visible').count()) {
    await app.tap('me-logout');
    await app.page.locator('.taro-model__confirm:visible').tap();
  }
  await app.tap('me-login');
  await app.tap(`login-demo-${account}`);
  await app.waitForVisible('#me-profile');
}

/** A session of its own for `account`, for API checks beside the browser's. */
export async function apiToken(app: App, account: DemoAccountKey): Promise<string> {
  const { body } = await app.api<LoginResult>('POST', '/api/auth/demo', { account });
  return body.token;
}
