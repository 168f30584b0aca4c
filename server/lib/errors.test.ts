import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FeatureModule } from '../lib/feature';
import { createTestApp, type TestApp } from '../testing/app';
import { conflict } from './errors';

// A fresh PostgreSQL database per test file takes a few seconds on a busy machine.
jest.setTimeout(30_000);

const probeRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/test/nearby',
    {
      schema: {
        querystring: z.object({
          lat: z.coerce.number().min(-90).max(90),
          lng: z.coerce.number().min(-180).max(180),
          radius: z.coerce.number().int().positive().optional(),
        }),
      },
    },
    async () => ({ ok: true }),
  );
  app.post(
    '/test/items',
    { schema: { body: z.object({ items: z.array(z.object({ name: z.string().min(1) })).min(1) }) } },
    async () => ({ ok: true }),
  );
  app.get('/test/conflict', async () => {
    throw conflict('名额已满');
  });
  app.get('/test/out-of-range', async () => {
    throw Object.assign(new Error('value "9007199254740991" is out of range for type integer'), { code: '22003' });
  });
  app.get('/test/bug', async () => {
    throw new Error('secret internal detail at /srv/app.ts:42');
  });
};
const probeFeature: FeatureModule = { name: 'error-probe', migrations: {}, routes: probeRoutes };

describe('error responses', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ extraFeatures: [probeFeature] });
  });
  afterAll(() => t.close());

  it('400 names each bad field in Chinese', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/test/nearby?lat=100&lng=abc&radius=-5' });
    expect(response.statusCode).toBe(400);
    const { error } = response.json();
    expect(error.code).toBe('VALIDATION_FAILED');
    expect(error.fields).toEqual({ lat: '纬度：不能大于 90', lng: '经度：应为数字', radius: '范围：应大于 0' });
    expect(error.message).toContain('纬度：不能大于 90');
  });

  it('400 for nested fields uses the path as key and the last name as label', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/test/items', payload: { items: [{ name: '' }] } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({ 'items.0.name': '姓名：不能为空' });
  });

  it('400 for a wrong enum value', async () => {
    const response = await t.app.inject({ method: 'POST', url: '/api/auth/demo', payload: { account: 'admin' } });
    expect(response.statusCode).toBe(400);
    expect(response.json().error.fields).toEqual({ account: '演示账号：不是可选的值' });
  });

  it('400 for malformed JSON, never a 500', async () => {
    const response = await t.app.inject({
      method: 'POST',
      url: '/api/auth/demo',
      headers: { 'content-type': 'application/json' },
      payload: '{"account": ',
    });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({ error: { code: 'VALIDATION_FAILED', message: '请求内容不是有效的 JSON' } });
  });

  it('404 in Chinese for an unknown API path', async () => {
    const response = await t.app.inject({ method: 'DELETE', url: '/api/no/such/thing' });
    expect(response.statusCode).toBe(404);
    expect(response.json()).toEqual({ error: { code: 'NOT_FOUND', message: '没有这个接口，请检查地址' } });
  });

  it('answers a path parameter that is too long or badly encoded in the API shape, before any route runs', async () => {
    const tooLong = await t.app.inject({ method: 'GET', url: `/api/services/${'x'.repeat(150)}` });
    expect(tooLong.statusCode).toBe(414);
    expect(tooLong.json()).toEqual({ error: { code: 'VALIDATION_FAILED', message: '地址太长了，请检查后重试' } });
    const badlyEncoded = await t.app.inject({ method: 'GET', url: '/api/services/%E0%A4%A' });
    expect(badlyEncoded.statusCode).toBe(400);
    expect(badlyEncoded.json()).toEqual({ error: { code: 'VALIDATION_FAILED', message: '地址有误，请检查后重试' } });
  });

  it('409 passes through from an ApiError', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/test/conflict' });
    expect(response.statusCode).toBe(409);
    expect(response.json()).toEqual({ error: { code: 'CONFLICT', message: '名额已满' } });
  });

  it('400, not 500, for a value the database cannot hold (PostgreSQL data exceptions), without its English detail', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/test/out-of-range' });
    expect(response.statusCode).toBe(400);
    expect(response.json()).toEqual({
      error: { code: 'VALIDATION_FAILED', message: '请检查填写的内容：有的值超出了允许的范围，或含有无法识别的字符' },
    });
    // The real case: an id past PostgreSQL's 32-bit integer column, accepted by the schema.
    const headers = await t.signIn('worker');
    const real = await t.app.inject({ method: 'GET', url: '/api/activities/9007199254740991', headers });
    expect(real.statusCode).toBeGreaterThanOrEqual(400);
    expect(real.statusCode).toBeLessThan(500);
  });

  it('500 is generic: no stack, no internal message', async () => {
    const response = await t.app.inject({ method: 'GET', url: '/api/test/bug' });
    expect(response.statusCode).toBe(500);
    expect(response.json()).toEqual({ error: { code: 'INTERNAL', message: '服务出了点问题，请稍后再试' } });
    expect(response.body).not.toMatch(/secret|srv|at /);
  });
});

describe('rate limit on sign-in', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ env: { AUTH_RATE_LIMIT_PER_MINUTE: '2' } });
  });
  afterAll(() => t.close());

  it('answers 429 in Chinese once the per-minute limit is used up, without limiting browsing', async () => {
    const attempt = () => t.app.inject({ method: 'POST', url: '/api/auth/demo', payload: { account: 'resident' } });
    expect((await attempt()).statusCode).toBe(200);
    expect((await attempt()).statusCode).toBe(200);
    const limited = await attempt();
    expect(limited.statusCode).toBe(429);
    expect(limited.json()).toEqual({ error: { code: 'RATE_LIMITED', message: '操作太频繁了，请稍等一分钟再试' } });
    expect((await t.app.inject({ method: 'GET', url: '/api/towns' })).statusCode).toBe(200);
  });
});
