import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { connect } from 'node:net';
import { join } from 'node:path';
import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createTestApp, type TestApp } from './testing/app';

// A fresh PostgreSQL database per test file takes a few seconds on a busy machine.
jest.setTimeout(30_000);

/** Sends raw bytes on a new connection and resolves with everything the server wrote before closing it. */
function rawExchange(port: number, chunks: string[], timeoutMs = 5000): Promise<{ text: string; elapsedMs: number }> {
  return new Promise((resolve, reject) => {
    const started = Date.now();
    const socket = connect(port, '127.0.0.1');
    let text = '';
    const timer = setTimeout(() => {
      socket.destroy();
      reject(new Error(`no answer within ${timeoutMs} ms; got: ${text}`));
    }, timeoutMs);
    socket.on('connect', () => {
      for (const chunk of chunks) socket.write(chunk);
    });
    socket.on('data', (data) => {
      text += data.toString('utf8');
    });
    socket.on('error', () => undefined);
    socket.on('close', () => {
      clearTimeout(timer);
      resolve({ text, elapsedMs: Date.now() - started });
    });
  });
}

function parseRaw(text: string): { status: number; headers: string; body: { error: { code: string; message: string } } } {
  const [head, body] = text.split('\r\n\r\n');
  return { status: Number(head.split(' ')[1]), headers: head.toLowerCase(), body: JSON.parse(body) };
}

describe('the connection edge (a real listening server)', () => {
  let t: TestApp;
  let port: number;
  beforeAll(async () => {
    t = await createTestApp({ env: { REQUEST_TIMEOUT_MS: '600' } });
    await t.app.listen({ port: 0, host: '127.0.0.1' });
    port = (t.app.server.address() as AddressInfo).port;
  });
  afterAll(() => t.close());

  it('answers 408 in Chinese when a body never finishes (Content-Length: 100, body "{")', async () => {
    const { text, elapsedMs } = await rawExchange(port, [
      'POST /api/consents HTTP/1.1\r\nHost: x\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{',
    ]);
    const answer = parseRaw(text);
    expect(answer.status).toBe(408);
    expect(answer.body.error.message).toBe('请求发送得太慢，已超时，请检查网络后重试');
    expect(answer.headers).toContain('content-type: application/json; charset=utf-8');
    expect(elapsedMs).toBeLessThan(2500);
  });

  it('answers 408 when the headers never finish', async () => {
    const { text, elapsedMs } = await rawExchange(port, ['GET /api/health HTTP/1.1\r\nHost: x\r\nX-Slow: 1\r\n']);
    expect(parseRaw(text).status).toBe(408);
    expect(elapsedMs).toBeLessThan(2500);
  });

  it('answers 431 in the API shape for headers over 16 KB', async () => {
    const { text } = await rawExchange(port, [`GET /api/health HTTP/1.1\r\nHost: x\r\nX-Big: ${'a'.repeat(20_000)}\r\n\r\n`]);
    const answer = parseRaw(text);
    expect(answer.status).toBe(431);
    expect(answer.body).toEqual({ error: { code: 'VALIDATION_FAILED', message: '请求头太大了，请清理浏览器的 Cookie 后重试' } });
  });

  it.each([
    ['a bad method', 'G@T /api/health HTTP/1.1\r\nHost: x\r\n\r\n', '不支持这种请求方法'],
    ['a bad Content-Length', 'POST /api/consents HTTP/1.1\r\nHost: x\r\nContent-Length: abc\r\n\r\n', '请求内容的长度有误，请重新提交'],
    ['two Content-Lengths', 'POST /api/consents HTTP/1.1\r\nHost: x\r\nContent-Length: 1\r\nContent-Length: 2\r\n\r\n{}', '请求内容的长度有误，请重新提交'],
    ['bad chunk framing', 'POST /api/consents HTTP/1.1\r\nHost: x\r\nTransfer-Encoding: chunked\r\n\r\nzz\r\n{}\r\n0\r\n\r\n', '请求内容的分段格式有误，请重新提交'],
    ['a malformed header', 'GET /api/health HTTP/1.1\r\nHost x\r\n\r\n', '请求格式有误，请检查后重试'],
  ])('answers 400 in Chinese for %s', async (_name, request, message) => {
    const { text } = await rawExchange(port, [request]);
    const answer = parseRaw(text);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({ error: { code: 'VALIDATION_FAILED', message } });
    expect(answer.headers).toContain('cache-control: no-store');
  });

  it('still serves a well-formed request on the same server', async () => {
    const response = await fetch(`http://127.0.0.1:${port}/api/health`);
    expect(response.status).toBe(200);
  });
});

describe('request bodies', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  afterAll(() => t.close());

  const postConsent = (payload: string) =>
    t.app.inject({ method: 'POST', url: '/api/consents', headers: { 'content-type': 'application/json' }, payload });

  it('refuses a megabyte of nested arrays before parsing it, as fast as a flat body of the same size', async () => {
    const deep = `${'['.repeat(500_000)}${']'.repeat(500_000)}`;
    const flat = JSON.stringify({ version: '1', deviceId: 'device-abcdef123', pad: 'x'.repeat(1_000_000 - 60) });
    await postConsent(flat); // warm-up
    const timed = async (body: string) => {
      const started = process.hrtime.bigint();
      const response = await postConsent(body);
      return { response, ms: Number(process.hrtime.bigint() - started) / 1e6 };
    };
    const flatRun = await timed(flat);
    const deepRun = await timed(deep);
    expect(deepRun.response.statusCode).toBe(400);
    expect(deepRun.response.json()).toEqual({ error: { code: 'VALIDATION_FAILED', message: '提交的内容层级太多，请检查后重试' } });
    // Generous: a parse-then-walk of 500,000 levels costs tens of times more than a flat body.
    expect(deepRun.ms).toBeLessThan(Math.max(3 * flatRun.ms, 100));
  });

  it('accepts ordinary nesting', async () => {
    const response = await postConsent(JSON.stringify({ version: '2026-11-28', deviceId: 'device-abcdef123' }));
    expect(response.statusCode).toBe(201);
  });

  it('says that valid JSON was refused for a forbidden key, not that it is invalid', async () => {
    const proto = await postConsent('{"version":"1","deviceId":"device-abcdef123","__proto__":{"admin":true}}');
    expect(proto.statusCode).toBe(400);
    expect(proto.json().error.message).toBe('提交的内容含有不允许的字段名（__proto__ 或 constructor），请去掉后重试');
    const broken = await postConsent('{"version":');
    expect(broken.statusCode).toBe(400);
    expect(broken.json().error.message).toBe('请求内容不是有效的 JSON');
  });
});

describe('security headers', () => {
  let t: TestApp;
  const inlineScript = 'document.documentElement.style.fontSize = "16px";';
  let staticDir: string;
  beforeAll(async () => {
    staticDir = mkdtempSync(join(tmpdir(), 'linjiang-h5-'));
    writeFileSync(join(staticDir, 'index.html'), `<!doctype html><title>临江</title><script>${inlineScript}</script><script src="/js/app.js"></script>`);
    t = await createTestApp({ env: { STATIC_DIR: staticDir } });
  });
  afterAll(async () => {
    await t.close();
    rmSync(staticDir, { recursive: true, force: true });
  });

  it('gives the app a CSP that allows exactly its own inline script, and forbids framing', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/' });
    expect(response.statusCode).toBe(200);
    const hash = createHash('sha256').update(inlineScript).digest('base64');
    const csp = response.headers['content-security-policy'] as string;
    expect(csp).toContain(`script-src 'self' 'sha256-${hash}'`);
    expect(csp).toContain("frame-ancestors 'none'");
    expect(csp).toContain("connect-src 'self'");
    expect(response.headers['x-content-type-options']).toBe('nosniff');
    expect(response.headers['referrer-policy']).toBe('no-referrer');
    expect(response.headers['x-frame-options']).toBe('DENY');
    // helmet's other defaults come with it
    expect(response.headers['cross-origin-opener-policy']).toBe('same-origin');
    expect(response.headers['x-permitted-cross-domain-policies']).toBe('none');
  });

  it('gives API answers a CSP that loads nothing, and no-store — with a token, with personal data, and for errors', async () => {
    const login = await t.app.inject({ method: 'POST', url: '/api/auth/demo', payload: { account: 'resident' } });
    const me = await t.app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${login.json().token}` } });
    const missing = await t.app.inject({ method: 'GET', url: '/api/nothing-here' });
    for (const response of [login, me, missing]) {
      expect(response.headers['cache-control']).toBe('no-store');
      expect(response.headers['content-security-policy']).toBe("default-src 'none';frame-ancestors 'none';base-uri 'none';form-action 'none'");
      expect(response.headers['x-content-type-options']).toBe('nosniff');
    }
  });
});

describe('sign-in rate limit across routes', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '3' } });
  });
  afterAll(() => t.close());

  it('counts every sign-in route together per address', async () => {
    const demo = () => t.app.inject({ method: 'POST', url: '/api/auth/demo', payload: { account: 'resident' } });
    const wechat = () => t.app.inject({ method: 'POST', url: '/api/auth/wechat', payload: { code: 'abc' } });
    expect((await demo()).statusCode).toBe(200);
    expect((await demo()).statusCode).toBe(200);
    expect((await wechat()).statusCode).not.toBe(429);
    const limited = [await wechat(), await demo()];
    for (const response of limited) expect(response.statusCode).toBe(429);
    // Consent is not a sign-in: it keeps its own count.
    const consent = await t.app.inject({ method: 'POST', url: '/api/consents', payload: { version: '2026-11-28', deviceId: 'device-abcdef123' } });
    expect(consent.statusCode).toBe(201);
  });
});
