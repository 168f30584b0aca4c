import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { Config } from '../config';
import { ApiError } from './errors';
import { callWechat, wechatAccessToken, wechatConfigured } from './wechat-api';

interface Received {
  path: string;
  query: URLSearchParams;
  body: Record<string, unknown>;
}

/** A stand-in for api.weixin.qq.com on 127.0.0.1: hands out numbered tokens and echoes calls. */
function startFakeWechat() {
  const received: Received[] = [];
  let tokensIssued = 0;
  const state = { revokeFirstToken: false, brokenStableToken: false, expiresIn: 7200 };
  const server: Server = createServer((request, response) => {
    let text = '';
    request.on('data', (chunk) => (text += chunk));
    request.on('end', () => {
      const url = new URL(request.url ?? '/', 'http://127.0.0.1');
      const body = text ? JSON.parse(text) : {};
      received.push({ path: url.pathname, query: url.searchParams, body });
      response.setHeader('content-type', 'text/plain');
      if (url.pathname === '/cgi-bin/stable_token') {
        if (state.brokenStableToken) return response.end('<html>busy</html>');
        tokensIssued += 1;
        // Slow enough that simultaneous callers overlap.
        setTimeout(() => response.end(JSON.stringify({ access_token: `token-${tokensIssued}`, expires_in: state.expiresIn })), 30);
        return;
      }
      const token = url.searchParams.get('access_token');
      if (state.revokeFirstToken && token === 'token-1') return response.end(JSON.stringify({ errcode: 40001, errmsg: 'invalid credential' }));
      if (url.pathname === '/echo') return response.end(JSON.stringify({ errcode: 0, token, got: body }));
      if (url.pathname === '/null') return response.end('null');
      response.end(JSON.stringify({ errcode: 43101, errmsg: 'user refuse to accept the msg' }));
    });
  });
  return new Promise<{ server: Server; base: string; received: Received[]; state: typeof state; issued: () => number }>((resolve) =>
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as AddressInfo;
      resolve({ server, base: `http://127.0.0.1:${port}`, received, state, issued: () => tokensIssued });
    }),
  );
}

type Fake = Awaited<ReturnType<typeof startFakeWechat>>;
const configFor = (base: string, appId = 'wx-app'): Pick<Config, 'wechat'> => ({
  wechat: { appId, secret: 'app-secret', apiBase: base, timeoutMs: 500 },
});

let fake: Fake;
beforeEach(async () => {
  fake = await startFakeWechat();
});
afterEach(() => new Promise((resolve) => fake.server.close(resolve)));

describe('wechat-api', () => {
  it('is configured only with both an app id and a secret', () => {
    expect(wechatConfigured({ appId: 'a', secret: 's', apiBase: 'x', timeoutMs: 1 })).toBe(true);
    expect(wechatConfigured({ appId: 'a', secret: null, apiBase: 'x', timeoutMs: 1 })).toBe(false);
    expect(wechatConfigured({ appId: null, secret: 's', apiBase: 'x', timeoutMs: 1 })).toBe(false);
  });

  it('gets the stable token with the app credentials and posts the call with it', async () => {
    const answer = await callWechat(configFor(fake.base), '/echo', { openid: 'o-1', data: { thing1: { value: '午餐' } } });
    expect(answer).toEqual({ errcode: 0, token: 'token-1', got: { openid: 'o-1', data: { thing1: { value: '午餐' } } } });
    expect(fake.received[0]).toMatchObject({
      path: '/cgi-bin/stable_token',
      body: { grant_type: 'client_credential', appid: 'wx-app', secret: 'app-secret', force_refresh: false },
    });
    expect(fake.received[1].query.get('access_token')).toBe('token-1');
  });

  it('keeps the token for later calls, and simultaneous first calls fetch it once', async () => {
    const config = configFor(fake.base, 'wx-shared');
    await Promise.all([1, 2, 3, 4, 5].map(() => callWechat(config, '/echo', {})));
    await callWechat(config, '/echo', {});
    expect(fake.issued()).toBe(1);
    expect(fake.received.filter((r) => r.path === '/echo').map((r) => r.query.get('access_token'))).toEqual(Array(6).fill('token-1'));
  });

  it('renews the token shortly before it expires', async () => {
    const config = configFor(fake.base, 'wx-expiry');
    const start = Date.parse('2026-11-26T02:00:00Z');
    expect(await wechatAccessToken(config.wechat, () => start)).toBe('token-1');
    // 7200 s valid, renewed 5 minutes early: still cached at 1 h 54 min, renewed at 1 h 56 min.
    expect(await wechatAccessToken(config.wechat, () => start + 114 * 60_000)).toBe('token-1');
    expect(await wechatAccessToken(config.wechat, () => start + 116 * 60_000)).toBe('token-2');
  });

  it('fetches a new token once when WeChat says the cached one is no longer valid', async () => {
    fake.state.revokeFirstToken = true;
    const answer = await callWechat(configFor(fake.base, 'wx-revoked'), '/echo', {});
    expect(answer.token).toBe('token-2');
  });

  it("returns WeChat's errcode answers to the caller to interpret", async () => {
    expect(await callWechat(configFor(fake.base, 'wx-err'), '/refused', {})).toEqual({
      errcode: 43101,
      errmsg: 'user refuse to accept the msg',
    });
  });

  it('throws a 502 in Chinese when WeChat answers nonsense or cannot be reached', async () => {
    const expect502 = async (promise: Promise<unknown>) => {
      const error = await promise.catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ApiError);
      expect((error as ApiError).statusCode).toBe(502);
      expect((error as ApiError).message).toMatch(/微信/);
    };
    await expect502(callWechat(configFor(fake.base, 'wx-null'), '/null', {}));
    fake.state.brokenStableToken = true;
    await expect502(callWechat(configFor(fake.base, 'wx-broken'), '/echo', {}));
    await expect502(callWechat(configFor('http://127.0.0.1:1', 'wx-offline'), '/echo', {}));
  });
});
