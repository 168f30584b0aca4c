/** The WeChat subscribe message that follows each booking change when WeChat is configured, against a fake WeChat. */
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { rememberWechatRecipient } from '../../lib/wechat-api';
import { createTestApp, type TestApp } from '../../testing/app';

interface Received {
  path: string;
  token: string | null;
  body: Record<string, unknown>;
}

function startFakeWechat(): Promise<{ server: Server; base: string; received: Received[]; state: { broken: boolean } }> {
  const received: Received[] = [];
  const state = { broken: false };
  const server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => (text += chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      received.push({ path: url.pathname, token: url.searchParams.get('access_token'), body: text ? JSON.parse(text) : {} });
      response.setHeader('content-type', 'text/plain');
      if (state.broken) return response.end('<html>502</html>');
      if (url.pathname === '/cgi-bin/stable_token') return response.end(JSON.stringify({ access_token: 'app-token', expires_in: 7200 }));
      response.end(JSON.stringify({ errcode: 0, errmsg: 'ok' }));
    });
  });
  return new Promise((resolve) =>
    server.listen(0, '127.0.0.1', () => resolve({ server, base: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, received, state })),
  );
}

// A fresh database per file (PostgreSQL: created, migrated and seeded) takes seconds on a busy machine.
jest.setTimeout(30_000);

let t: TestApp;
let fake: Awaited<ReturnType<typeof startFakeWechat>>;
let resident: { authorization: string };
let motherId: number;

beforeAll(async () => {
  fake = await startFakeWechat();
  t = await createTestApp({ env: { WECHAT_APPID: 'wx-care-test', WECHAT_SECRET: 'care-secret', WECHAT_API_BASE: fake.base, WECHAT_TIMEOUT_MS: '500' } });
  resident = await t.signIn('resident');
  const user = (await t.app.inject({ method: 'GET', url: '/api/me', headers: resident })).json().user;
  await rememberWechatRecipient(t.app.db, t.app.privacy, { userId: user.id, openid: 'openid-of-wang', at: t.clock() });
  motherId = (await t.app.inject({ method: 'GET', url: '/api/elders', headers: resident })).json().items[0].id;
});
afterAll(async () => {
  await t.close();
  await new Promise((resolve) => fake.server.close(resolve));
});

const book = (slotId: string) =>
  t.app.inject({ method: 'POST', url: '/api/bookings', headers: resident, payload: { elderId: motherId, slotId, mealMode: 'delivery' } });

describe('WeChat subscribe messages on booking changes', () => {
  it('sends one to the booker who signed in with WeChat, with the template and the booking page', async () => {
    const response = await book('cs-xinshi-lunch:2026-11-27:1100');
    expect(response.statusCode).toBe(201);
    const sends = fake.received.filter((r) => r.path === '/cgi-bin/message/subscribe/send');
    // The elder's account never signed in with WeChat: only the daughter gets one.
    expect(sends).toHaveLength(1);
    expect(sends[0].token).toBe('app-token');
    expect(sends[0].body).toEqual({
      touser: 'openid-of-wang',
      template_id: 'demo-booking-status-template',
      page: `features/care/pages/booking/index?id=${response.json().id}`,
      data: {
        thing1: { value: '午餐（新市社区长者食堂）' },
        time2: { value: '2026-11-27 11:00' },
        phrase3: { value: '已预约' },
        thing4: { value: '张桂芝' },
        thing5: { value: '应付 13 元' },
      },
    });
    // The openid is stored encrypted only.
    const row = await t.app.db.selectFrom('wechat_recipients').selectAll().executeTakeFirstOrThrow();
    expect(row.openid_encrypted).not.toContain('openid-of-wang');
  });

  it('sends one on each status change too', async () => {
    const id = (await book('cs-xinshi-dinner:2026-11-28:1700')).json().id;
    await t.app.inject({ method: 'POST', url: `/api/bookings/${id}/cancel`, headers: resident, payload: {} });
    const last = fake.received.filter((r) => r.path === '/cgi-bin/message/subscribe/send').at(-1)!;
    expect((last.body.data as Record<string, { value: string }>).phrase3.value).toBe('已取消');
  });

  it('still books, with the 消息 in the app, when WeChat is out of order', async () => {
    fake.state.broken = true;
    const response = await book('cs-xinshi-lunch:2026-11-29:1100');
    expect(response.statusCode).toBe(201);
    const messages = (await t.app.inject({ method: 'GET', url: '/api/messages', headers: resident })).json();
    expect(messages.items[0].title).toBe('预约成功');
    fake.state.broken = false;
  });
});
