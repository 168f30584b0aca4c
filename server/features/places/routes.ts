import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { townListSchema, type Town } from '@contract/places';

/** GET /api/towns — public: the 13 乡镇（街）with their communities, for pickers and 电话求助. */
export const placesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get('/towns', { schema: { tags: ['places'], response: { 200: townListSchema } } }, async () => {
    const towns = await app.db.selectFrom('towns').selectAll().orderBy('sort_order').execute();
    const communities = await app.db.selectFrom('communities').selectAll().orderBy('sort_order').execute();
    const byTown = new Map<string, Town>(
      towns.map((t) => [t.code, { code: t.code, name: t.name, kind: t.kind, lat: t.lat, lng: t.lng, communities: [] }]),
    );
    for (const c of communities) {
      byTown.get(c.town_code)?.communities.push({
        id: c.id,
        name: c.name,
        townCode: c.town_code,
        isDemo: c.is_demo === 1,
        lat: c.lat,
        lng: c.lng,
        phone: c.phone,
      });
    }
    return { towns: [...byTown.values()] };
  });
};
