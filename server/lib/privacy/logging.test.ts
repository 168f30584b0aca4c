import { createTestApp, type TestApp } from '../../testing/app';

describe('log redaction', () => {
  let t: TestApp;
  const lines: string[] = [];
  beforeAll(async () => {
    t = await createTestApp({ logger: { write: (line) => void lines.push(line) } });
  });
  afterAll(() => t.close());

  it('keeps tokens, phones, device ids and query strings out of the log of a sign-in and a consent', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/demo', payload: { account: 'resident' } });
    const { token } = login.json();
    const authorization = `Bearer ${token}`;
    await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization, cookie: 'sid=cookie-secret' } });
    await t.app.inject({
      method: 'POST',
      url: '/api/consents?phone=13904391234',
      headers: { authorization },
      payload: { version: '2026-11-28', deviceId: 'device-very-private-1' },
    });
    const log = lines.join('');
    // The requests were logged (so this test would see a leak) …
    expect(log).toContain('"path":"/api/auth/demo"');
    expect(log).toContain('"path":"/api/consents"');
    // … but none of the personal values.
    for (const secret of [token, '13904391234', 'device-very-private-1', 'cookie-secret', '王秀兰']) {
      expect(log).not.toContain(secret);
    }
  });

  it('censors personal keys in anything a handler logs', () => {
    lines.length = 0;
    t.app.log.info({ phone: '13904391234', user: { idNumber: '220681199001011234', name: '王秀兰' }, count: 3 }, 'probe');
    const entry = JSON.parse(lines.join('').trim().split('\n').pop()!);
    expect(entry).toMatchObject({ msg: 'probe', count: 3, phone: '[redacted]', user: { idNumber: '[redacted]', name: '[redacted]' } });
  });

  it('censors them two levels down too (a booking’s elder’s contact)', () => {
    lines.length = 0;
    t.app.log.info({ booking: { id: 7, elder: { phone: '13904391234', name: '王秀兰' } } }, 'nested');
    const log = lines.join('');
    expect(log).toContain('"id":7');
    expect(log).not.toContain('13904391234');
    expect(log).not.toContain('王秀兰');
  });
});
