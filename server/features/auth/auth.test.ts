import { CONSENT_VERSION } from '@contract/rules/consent';
import { DAY_MS } from '../../lib/clock';
import { createTestApp, type TestApp } from '../../testing/app';

describe('demo sign-in, /api/me and sign-out', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('lists the demo accounts for the login page', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/auth/demo-accounts' });
    expect(response.statusCode).toBe(200);
    const keys = response.json().accounts.map((a: { key: string }) => a.key);
    expect(keys).toEqual(['resident', 'volunteer', 'worker', 'street', 'provider', 'elder', 'bath-provider', 'city']);
  });

  it('signs the resident in and returns the user with a masked phone', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/demo', payload: { account: 'resident' } });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    expect(body.token).toMatch(/^[A-Za-z0-9_-]{43}$/);
    expect(body.expiresAt).toBe(new Date(t.clock().getTime() + 30 * DAY_MS).toISOString());
    expect(body.user).toMatchObject({
      role: 'resident',
      isVolunteer: false,
      communityId: 'xinshi',
      communityName: '新市社区',
      maskedPhone: '139****1234',
      scope: { communityId: null, townCode: null, servicePointId: null },
    });

    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${body.token}` } });
    expect(me.statusCode).toBe(200);
    expect(me.json().user).toEqual(body.user);
  });

  it('stores only the hash of the token and the ciphertext of the phone', async () => {
    const { token } = (await t.app.inject({ method: 'POST', url: '/api/auth/demo', payload: { account: 'volunteer' } })).json();
    const sessions = await t.app.db.selectFrom('sessions').select('token_hash').execute();
    expect(sessions.some((s) => s.token_hash === token)).toBe(false);
    const users = await t.app.db.selectFrom('users').select(['phone_encrypted', 'phone_hash']).where('demo_key', '=', 'volunteer').execute();
    expect(users[0].phone_encrypted).not.toContain('13504395678');
    expect(t.app.privacy.decrypt(users[0].phone_encrypted!)).toBe('13504395678');
    expect(users[0].phone_hash).toBe(t.app.privacy.keyedHash('13504395678'));
  });

  it('answers 401 without a token, with a wrong token, and after sign-out', async () => {
    const none = await t.app.inject({ method: 'GET', url: '/api/me' });
    expect(none.statusCode).toBe(401);
    expect(none.json()).toEqual({ error: { code: 'UNAUTHENTICATED', message: '请先登录' } });

    const wrong = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: 'Bearer not-a-real-token' } });
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json().error.message).toBe('登录信息无效，请重新登录');

    const headers = await t.signIn('worker');
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers })).statusCode).toBe(200);
    const logout = await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers });
    expect(logout.statusCode).toBe(200);
    expect(logout.json()).toEqual({ ok: true });
    const after = await t.app.inject({ method: 'GET', url: '/api/me', headers });
    expect(after.statusCode).toBe(401);
    expect(after.json().error.message).toBe('您已退出登录，请重新登录');
  });

  it('accepts sign-out sent with an empty JSON body', async () => {
    const headers = await t.signIn('resident');
    const logout = await t.app.inject({
      method: 'POST',
      url: '/api/auth/logout',
      headers: { ...headers, 'content-type': 'application/json' },
      payload: '',
    });
    expect(logout.statusCode).toBe(200);
  });

  it('expires a session after SESSION_TTL_DAYS by the app clock', async () => {
    const headers = await t.signIn('street');
    t.clock.advance(30 * DAY_MS - 1000);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers })).statusCode).toBe(200);
    t.clock.advance(1000);
    const expired = await t.app.inject({ method: 'GET', url: '/api/me', headers });
    expect(expired.statusCode).toBe(401);
    expect(expired.json().error).toEqual({ code: 'UNAUTHENTICATED', message: '登录已过期，请重新登录' });
  });

  it('audits sign-in and sign-out without personal data', async () => {
    const before = await t.app.db.selectFrom('audit_log').select('id').execute();
    const headers = await t.signIn('provider');
    await t.app.inject({ method: 'POST', url: '/api/auth/logout', headers });
    const rows = await t.app.db.selectFrom('audit_log').selectAll().where('id', '>', before.length).orderBy('id').execute();
    expect(rows.map((r) => r.action)).toEqual(['auth.sign_in', 'auth.sign_out']);
    expect(rows[0].detail).toBe(JSON.stringify({ method: 'demo' }));
    expect(rows[0].created_at).toBe(t.clock().toISOString());
    for (const row of rows) expect(JSON.stringify(row)).not.toMatch(/1370439|陈丽/);
  });

  it('returns each demo role with its scope', async () => {
    const login = async (account: string) =>
      (await t.app.inject({ method: 'POST', url: '/api/auth/demo', payload: { account } })).json().user;
    expect(await login('volunteer')).toMatchObject({ role: 'resident', isVolunteer: true });
    expect(await login('worker')).toMatchObject({ role: 'worker', scope: { communityId: 'xinshi', townCode: null } });
    expect(await login('street')).toMatchObject({ role: 'worker', scope: { communityId: null, townCode: '220681002' } });
    expect(await login('provider')).toMatchObject({ role: 'provider', scope: { servicePointId: 'sp-xinshi-elder-canteen' } });
  });
});

describe('consent', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  it('records consent before sign-in, by device only', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/consents', payload: { version: CONSENT_VERSION, deviceId: 'device-abcdef123' } });
    expect(response.statusCode).toBe(201);
    expect(response.json()).toEqual({ version: CONSENT_VERSION, recordedAt: t.clock().toISOString(), signedIn: false, withdrawn: false });
    const rows = await t.app.db.selectFrom('consents').selectAll().execute();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ user_id: null, version: CONSENT_VERSION, device_hash: t.app.privacy.keyedHash('device:device-abcdef123') });
  });

  it('also stores the version on the signed-in user, and /api/me shows it', async () => {
    const headers = await t.signIn('resident');
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers })).json().user.consentVersion).toBeNull();
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/consents',
      headers,
      payload: { version: CONSENT_VERSION, deviceId: 'device-abcdef123' },
    });
    expect(response.json().signedIn).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers })).json().user.consentVersion).toBe(CONSENT_VERSION);
    const last = await t.app.db.selectFrom('consents').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(last.user_id).not.toBeNull();
  });

  it('refuses a version with control characters (a NUL would reach the database; PostgreSQL refuses it)', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/consents', payload: { version: '2026\u0000', deviceId: 'device-abcdef123' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({ version: '协议版本：包含无法识别的字符' });
  });

  it('refuses agreement to any notice but the current one: a new version asks again', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/consents', payload: { version: '2020-01-01', deviceId: 'device-abcdef123' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({ version: '协议版本：隐私说明已经更新，请重新阅读后再同意' });
  });

  it('records a withdrawal on the server and clears the account’s consent', async () => {
    const headers = await t.signIn('volunteer');
    const agree = { version: CONSENT_VERSION, deviceId: 'device-withdraw-1' };
    await t.app.inject({ method: 'POST', url: '/api/consents', headers, payload: agree });
    const withdrawal = await t.app.inject({ method: 'POST', url: '/api/consents', headers, payload: { ...agree, withdraw: true } });
    expect(withdrawal.statusCode).toBe(201);
    expect(withdrawal.json().withdrawn).toBe(true);
    expect((await t.app.inject({ method: 'GET', url: '/api/me', headers })).json().user.consentVersion).toBeNull();
    const last = await t.app.db.selectFrom('consents').selectAll().orderBy('id', 'desc').executeTakeFirstOrThrow();
    expect(last).toMatchObject({ withdrawn: 1, version: CONSENT_VERSION });
  });

  it('names the bad field in Chinese', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/consents', payload: { version: CONSENT_VERSION } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({ deviceId: '设备标识：必填' });
  });
});

describe('production mode', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { NODE_ENV: 'production' } });
  });
  afterAll(() => t.close());

  it('refuses demo sign-in with 403 and hides the demo account list', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/demo', payload: { account: 'resident' } });
    expect(login.statusCode).toBe(403);
    expect(login.json().error).toEqual({ code: 'FORBIDDEN', message: '正式环境不提供演示账号，请使用微信登录' });
    expect((await t.app.inject({ method: 'GET', url: '/api/auth/demo-accounts' })).statusCode).toBe(404);
  });

  it('says clearly that WeChat sign-in is not configured', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'abc' } });
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toContain('登录功能尚未开通');
  });
});

describe('sessions', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const me = (headers: { authorization: string }) => t.app.inject({ method: 'GET', url: '/api/me', headers });

  it('keeps at most 5 live sessions per person: a sixth sign-in signs the oldest out', async () => {
    const sessions = [];
    for (let i = 0; i < 6; i += 1) sessions.push(await t.signIn('street'));
    expect((await me(sessions[0])).statusCode).toBe(401);
    for (const headers of sessions.slice(1)) expect((await me(headers)).statusCode).toBe(200);
  });

  it('退出所有设备 signs out every session of the person, and only theirs', async () => {
    const phone = await t.signIn('worker');
    const browser = await t.signIn('worker');
    const someoneElse = await t.signIn('resident');
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/logout-all', headers: phone });
    expect(response.statusCode).toBe(200);
    expect((await me(phone)).json().error.message).toBe('您已退出登录，请重新登录');
    expect((await me(browser)).statusCode).toBe(401);
    expect((await me(someoneElse)).statusCode).toBe(200);
  });

  it('deletes expired sessions at the next sign-in', async () => {
    await t.signIn('provider');
    t.clock.advance(31 * DAY_MS);
    await t.signIn('provider');
    const now = t.clock().toISOString();
    const expired = await t.app.db.selectFrom('sessions').select('id').where('expires_at', '<=', now).execute();
    expect(expired).toEqual([]);
  });
});
