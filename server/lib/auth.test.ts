import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { z } from 'zod';
import type { FeatureModule } from '../lib/feature';
import { createTestApp, type TestApp } from '../testing/app';
import { assertCanSeeCommunity, assertCanServePoint, requireRole, requireUser } from './auth';

/** A feature that exists only in this test, declared like a real one, to exercise the guards. */
const guardedRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/test/workers-only', { preHandler: requireRole('worker') }, async () => ({ ok: true }));
  app.get('/test/staff', { preHandler: requireRole('worker', 'provider') }, async () => ({ ok: true }));
  app.get(
    '/test/communities/:communityId',
    { schema: { params: z.object({ communityId: z.string() }) } },
    async (request) => {
      const user = requireUser(request);
      assertCanSeeCommunity(user, request.params.communityId);
      return { ok: true };
    },
  );
  app.get(
    '/test/points/:pointId',
    { schema: { params: z.object({ pointId: z.string() }) } },
    async (request) => {
      assertCanServePoint(requireUser(request), request.params.pointId);
      return { ok: true };
    },
  );
};
const guardTestFeature: FeatureModule = { name: 'guard-test', migrations: {}, routes: guardedRoutes };

describe('roles and scopes', () => {
  let t: TestApp;
  const headers: Record<string, { authorization: string }> = {};
  beforeAll(async () => {
    t = await createTestApp({ extraFeatures: [guardTestFeature] });
    for (const key of ['resident', 'volunteer', 'worker', 'street', 'provider'] as const) headers[key] = await t.signIn(key);
  });
  afterAll(() => t.close());

  const status = async (url: string, who?: string) =>
    (await t.app.inject({ method: 'GET', url, headers: who ? headers[who] : {} })).statusCode;

  it('lets only the named roles through, 401 when signed out', async () => {
    expect(await status('/api/test/workers-only')).toBe(401);
    expect(await status('/api/test/workers-only', 'resident')).toBe(403);
    expect(await status('/api/test/workers-only', 'volunteer')).toBe(403);
    expect(await status('/api/test/workers-only', 'provider')).toBe(403);
    expect(await status('/api/test/workers-only', 'worker')).toBe(200);
    expect(await status('/api/test/workers-only', 'street')).toBe(200);
    expect(await status('/api/test/staff', 'provider')).toBe(200);
    expect(await status('/api/test/staff', 'resident')).toBe(403);
    const forbidden = await t.app.inject({ method: 'GET', url: '/api/test/workers-only', headers: headers.resident });
    expect(forbidden.json()).toEqual({ error: { code: 'FORBIDDEN', message: '您没有权限进行此操作' } });
  });

  it('limits a community worker to its community, a street worker to its 街道', async () => {
    expect(await status('/api/test/communities/xinshi', 'worker')).toBe(200);
    expect(await status('/api/test/communities/yanjiang', 'worker')).toBe(403);
    expect(await status('/api/test/communities/xinshi', 'street')).toBe(200);
    expect(await status('/api/test/communities/yanjiang', 'street')).toBe(200);
    expect(await status('/api/test/communities/xinshi-xinghua', 'street')).toBe(200);
    // 文化社区 belongs to 建国街道, not 新市街道.
    expect(await status('/api/test/communities/jianguo-wenhua', 'street')).toBe(403);
    expect(await status('/api/test/communities/xinshi', 'resident')).toBe(403);
  });

  it('limits a provider to its own service point', async () => {
    expect(await status('/api/test/points/sp-xinshi-elder-canteen', 'provider')).toBe(200);
    expect(await status('/api/test/points/sp-other', 'provider')).toBe(403);
    expect(await status('/api/test/points/sp-xinshi-elder-canteen', 'worker')).toBe(403);
  });
});
