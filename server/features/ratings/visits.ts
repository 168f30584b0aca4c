/**
 * 我去过: the resident declares a visit to a service point, the interaction a rating of the point hangs on.
 * At most one declaration per point per 7 days per resident, enforced on one row per (resident, point) with a
 * conditional update, so declarations racing from several processes still make one visit.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { latestVisitSchema, pointParamsSchema, visitSchema, type LatestVisit, type Visit } from '@contract/ratings';
import { chinaLocal } from '@contract/rules/calendar';
import { mayDeclareVisit, nextVisitAllowedAt, ratingConfig } from '@contract/rules/rating';
import { inTransaction } from '../../db/portable';
import { requireRole, requireUser } from '../../lib/auth';
import { DAY_MS } from '../../lib/clock';
import { conflict, notFound } from '../../lib/errors';
import { dayText } from './notify';

export const visitRoutes: FastifyPluginAsyncZod = async (app) => {
  async function latestVisit(userId: number, pointId: string): Promise<Visit | null> {
    const row = await app.db
      .selectFrom('rating_visits')
      .leftJoin('ratings', (join) =>
        join.on('ratings.interaction_kind', '=', 'visit').onRef('ratings.interaction_id', '=', (eb) => eb.cast('rating_visits.id', 'text')),
      )
      .select(['rating_visits.id', 'rating_visits.service_point_id', 'rating_visits.visited_at', 'ratings.id as rating_id'])
      .where('rating_visits.user_id', '=', userId)
      .where('rating_visits.service_point_id', '=', pointId)
      .orderBy('rating_visits.id', 'desc')
      .executeTakeFirst();
    return row ? { id: row.id, servicePointId: row.service_point_id, visitedAt: row.visited_at, ratingId: row.rating_id ?? null } : null;
  }

  async function assertPointExists(pointId: string): Promise<void> {
    const point = await app.db.selectFrom('service_points').select('id').where('id', '=', pointId).executeTakeFirst();
    if (!point) throw notFound('没有找到这个服务点，它可能已经下线');
  }

  app.get(
    '/services/:id/visits/latest',
    { preHandler: requireRole('resident'), schema: { tags: ['ratings'], params: pointParamsSchema, response: { 200: latestVisitSchema } } },
    async (request): Promise<LatestVisit> => {
      const user = requireUser(request);
      await assertPointExists(request.params.id);
      const visit = await latestVisit(user.id, request.params.id);
      const now = app.now();
      const last = visit ? new Date(visit.visitedAt) : null;
      return { visit, nextAllowedAt: last && !mayDeclareVisit(last, now) ? nextVisitAllowedAt(last).toISOString() : null };
    },
  );

  app.post(
    '/services/:id/visits',
    { preHandler: requireRole('resident'), schema: { tags: ['ratings'], params: pointParamsSchema, response: { 201: visitSchema } } },
    async (request, reply): Promise<Visit> => {
      const user = requireUser(request);
      const pointId = request.params.id;
      await assertPointExists(pointId);
      const now = app.now();
      const nowText = now.toISOString();
      // A declaration at or before this instant is 7 days old: the window may move.
      const windowStart = new Date(now.getTime() - ratingConfig.visitWindowDays * DAY_MS).toISOString();
      const id = await inTransaction(app.db, async (trx) => {
        // Move the window only if the last declaration is at least 7 days old; else insert the first one.
        const moved = await trx
          .updateTable('rating_visit_windows')
          .set({ last_visit_at: nowText })
          .where('user_id', '=', user.id)
          .where('service_point_id', '=', pointId)
          .where('last_visit_at', '<=', windowStart)
          .executeTakeFirst();
        if (Number(moved.numUpdatedRows) === 0) {
          const inserted = await trx
            .insertInto('rating_visit_windows')
            .values({ user_id: user.id, service_point_id: pointId, last_visit_at: nowText })
            .onConflict((oc) => oc.columns(['user_id', 'service_point_id']).doNothing())
            .executeTakeFirst();
          if (Number(inserted.numInsertedOrUpdatedRows ?? 0) === 0) return null;
        }
        const visit = await trx
          .insertInto('rating_visits')
          .values({ user_id: user.id, service_point_id: pointId, visited_at: nowText })
          .returning('id')
          .executeTakeFirstOrThrow();
        return visit.id;
      });
      if (id === null) {
        const last = await latestVisit(user.id, pointId);
        const next = last ? dayText(chinaLocal(nextVisitAllowedAt(new Date(last.visitedAt))).date) : '7 天后';
        throw conflict(
          last?.ratingId
            ? `您 7 天内已登记过到访这里并评价过了，${next}起可以再次登记`
            : `您 7 天内已登记过到访这里，可以直接评价那次到访；${next}起可以再次登记`,
        );
      }
      reply.code(201);
      return { id, servicePointId: pointId, visitedAt: nowText, ratingId: null };
    },
  );
};

