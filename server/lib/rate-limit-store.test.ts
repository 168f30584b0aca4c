import { createTestApp, type TestApp } from '../testing/app';

/** The database store: a fixed window per address and route, by the app clock. */
describe('sign-in rate limit counted in the database', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(() => t.close());

  const signIn = () => t.app.inject({ method: 'POST', url: '/api/auth/demo', payload: { account: 'resident' } });
  const consent = () => t.app.inject({ method: 'POST', url: '/api/consents', payload: { version: '2026-11-28', deviceId: 'device-abcdef123' } });

  it('allows the limit within a minute, refuses the next, and opens a new window after the minute', async () => {
    expect([(await signIn()).statusCode, (await signIn()).statusCode, (await signIn()).statusCode]).toEqual([200, 200, 200]);
    const refused = await signIn();
    expect(refused.statusCode).toBe(429);
    expect(refused.json().error.code).toBe('RATE_LIMITED');
    expect(Number(refused.headers['retry-after'])).toBe(60);

    t.clock.advance(30_000);
    expect((await signIn()).statusCode).toBe(429);
    expect(Number((await signIn()).headers['retry-after'])).toBe(30);
    t.clock.advance(30_000);
    expect((await signIn()).statusCode).toBe(200);
  });

  it('counts each route apart (every sign-in route as one), and keeps one row per address and route', async () => {
    expect((await consent()).statusCode).toBe(201);
    const rows = await t.app.db.selectFrom('rate_limits').select(['key', 'hits']).orderBy('key').execute();
    expect(rows).toEqual([
      { key: 'POST/api/consents|127.0.0.1', hits: 1 },
      { key: 'sign-in|127.0.0.1', hits: 1 },
    ]);
  });

  it('clears windows that have ended', async () => {
    t.clock.advance(5 * 60_000);
    await signIn();
    const rows = await t.app.db.selectFrom('rate_limits').select('key').execute();
    expect(rows.map((row) => row.key)).toEqual(['sign-in|127.0.0.1']);
  });
});
