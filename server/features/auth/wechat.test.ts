import { createTestApp, type TestApp } from '../../testing/app';
import { startFakeWechat, type FakeWechat } from '../../testing/fake-wechat';

describe('WeChat sign-in against a fake WeChat server', () => {
  let t: TestApp;
  let fake: FakeWechat;

  beforeAll(async () => {
    fake = await startFakeWechat();
    t = await createTestApp({
      env: { WECHAT_APPID: 'wx-test-app', WECHAT_SECRET: 'test-secret', WECHAT_API_BASE: fake.base, WECHAT_TIMEOUT_MS: '500' },
    });
  });
  afterAll(async () => {
    await t.close();
    await fake.close();
  });

  const login = (code: string) => t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code } });

  it('exchanges the code with the app credentials and creates a resident', async () => {
    const response = await login('alice#1');
    expect(response.statusCode).toBe(200);
    const request = fake.requests.at(-1)!;
    expect(request.pathname).toBe('/sns/jscode2session');
    expect(Object.fromEntries(request.searchParams)).toEqual({
      appid: 'wx-test-app',
      secret: 'test-secret',
      js_code: 'alice#1',
      grant_type: 'authorization_code',
    });
    const { user, token } = response.json();
    expect(user).toMatchObject({ role: 'resident', displayName: '微信用户', maskedPhone: null, communityId: null });
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${token}` } });
    expect(me.json().user.id).toBe(user.id);
  });

  it('finds the same user again by the keyed hash of the openid, never storing the openid', async () => {
    const first = (await login('bob#1')).json().user;
    const second = (await login('bob#2')).json().user;
    expect(second.id).toBe(first.id);
    const row = await t.app.db.selectFrom('users').selectAll().where('id', '=', first.id).executeTakeFirstOrThrow();
    expect(row.wechat_openid_hash).toBe(t.app.privacy.keyedHash('wechat-openid:openid-for-bob'));
    expect(JSON.stringify(row)).not.toContain('openid-for-bob');
    expect((await login('carol#1')).json().user.id).not.toBe(first.id);
  });

  it('keeps the openid only encrypted, for subscribe messages to that user', async () => {
    const user = (await login('erin#1')).json().user;
    const recipient = await t.app.db.selectFrom('wechat_recipients').selectAll().where('user_id', '=', user.id).executeTakeFirstOrThrow();
    expect(recipient.openid_encrypted).not.toContain('openid-for-erin');
    expect(t.app.privacy.decrypt(recipient.openid_encrypted)).toBe('openid-for-erin');
  });

  it('gives two simultaneous first sign-ins of one WeChat user the same account (no duplicate, no 500)', async () => {
    const [first, second] = await Promise.all([login('dave#1'), login('dave#2')]);
    expect([first.statusCode, second.statusCode]).toEqual([200, 200]);
    expect(second.json().user.id).toBe(first.json().user.id);
    const rows = await t.app.db
      .selectFrom('users')
      .select('id')
      .where('wechat_openid_hash', '=', t.app.privacy.keyedHash('wechat-openid:openid-for-dave'))
      .execute();
    expect(rows).toHaveLength(1);
  });

  it('answers 401 in Chinese when WeChat rejects the code', async () => {
    const response = await login('bad-code');
    expect(response.statusCode).toBe(401);
    expect(response.json().error).toEqual({ code: 'UNAUTHENTICATED', message: '微信登录失败：登录凭证无效或已过期，请重新登录' });
  });

  it('answers 502 when WeChat answers nonsense or too slowly', async () => {
    for (const code of ['broken', 'json-null', 'slow']) {
      const response = await login(code);
      expect(response.statusCode).toBe(502);
      expect(response.json().error.code).toBe('UPSTREAM_FAILED');
    }
  });

  it('answers 502 when WeChat cannot be reached at all', async () => {
    const offline = await createTestApp({
      env: { WECHAT_APPID: 'wx', WECHAT_SECRET: 's', WECHAT_API_BASE: 'http://127.0.0.1:1' },
    });
    try {
      const response = await offline.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'x' } });
      expect(response.statusCode).toBe(502);
      expect(response.json().error.message).toBe('暂时连不上微信，请稍后再试');
    } finally {
      await offline.close();
    }
  });

  it('rejects a missing code with the field named', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: {} });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({ code: '登录凭证：必填' });
  });
});
