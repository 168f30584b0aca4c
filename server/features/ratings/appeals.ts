/**
 * 申诉复核: a provider appeals a rating of its own point as 误评 or 恶意 with a reason; a worker of the point's
 * 街道 decides. Upheld: the rating leaves the figures (ratings.excluded), never the record, and its open work
 * order is closed. Both sides see the outcome (the provider here and on the order, the rater in 我的评价).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  appealBodySchema,
  appealDecisionBodySchema,
  appealKindWords,
  appealListQuerySchema,
  appealPageSchema,
  appealSchema,
  appealStatusWords,
  idParamsSchema,
  type Appeal,
} from '@contract/ratings';
import { inTransaction, isUniqueViolation } from '../../db/portable';
import { requireRole, requireUser } from '../../lib/auth';
import { conflict, forbidden, notFound } from '../../lib/errors';
import { inScope, isStreetWorkerOf, scopeFilter } from './access';
import { decodeCursor, encodeCursor } from './cursor';
import { levelWord, parseTags } from './rows';

export const appealRoutes: FastifyPluginAsyncZod = async (app) => {
  function selectAppeals() {
    return app.db
      .selectFrom('rating_appeals')
      .innerJoin('ratings', 'ratings.id', 'rating_appeals.rating_id')
      .innerJoin('service_points', 'service_points.id', 'ratings.service_point_id')
      .select([
        'rating_appeals.id',
        'rating_appeals.rating_id',
        'rating_appeals.kind',
        'rating_appeals.reason',
        'rating_appeals.status',
        'rating_appeals.decision_note',
        'rating_appeals.created_at',
        'rating_appeals.decided_at',
        'ratings.service_point_id',
        'ratings.community_id',
        'ratings.town_code',
        'ratings.level',
        'ratings.tags_json',
        'ratings.comment',
        'ratings.comment_status',
        'service_points.name as point_name',
      ]);
  }
  type AppealRow = Awaited<ReturnType<ReturnType<typeof selectAppeals>['executeTakeFirstOrThrow']>>;

  const toAppeal = (r: AppealRow): Appeal => ({
    id: r.id,
    ratingId: r.rating_id,
    servicePointId: r.service_point_id,
    servicePointName: r.point_name,
    level: r.level,
    levelWord: levelWord(r.level),
    tags: parseTags(r.tags_json),
    comment: r.comment_status === 'public' ? r.comment : null,
    kind: r.kind,
    kindWord: appealKindWords[r.kind],
    reason: r.reason,
    status: r.status,
    statusWord: appealStatusWords[r.status],
    decisionNote: r.decision_note,
    createdAt: r.created_at,
    decidedAt: r.decided_at,
  });

  app.post(
    '/ratings/:id/appeal',
    {
      preHandler: requireRole('provider'),
      schema: { tags: ['ratings'], params: idParamsSchema, body: appealBodySchema, response: { 201: appealSchema } },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const rating = await app.db
        .selectFrom('ratings')
        .leftJoin('rating_work_orders', 'rating_work_orders.rating_id', 'ratings.id')
        .select(['ratings.id', 'ratings.service_point_id', 'ratings.community_id', 'ratings.town_code', 'rating_work_orders.id as order_id'])
        .where('ratings.id', '=', request.params.id)
        .executeTakeFirst();
      if (!rating || !inScope(user, rating)) throw notFound('没有找到这条评价，它可能不是对本服务点的评价');
      const now = app.now().toISOString();
      let id: number;
      try {
        id = await inTransaction(app.db, async (trx) => {
          const appeal = await trx
            .insertInto('rating_appeals')
            .values({
              rating_id: rating.id,
              provider_id: user.id,
              kind: request.body.appealKind,
              reason: request.body.reason,
              status: 'pending',
              decided_by: null,
              decision_note: null,
              created_at: now,
              decided_at: null,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          if (rating.order_id !== null) {
            await trx
              .insertInto('rating_work_order_events')
              .values({ work_order_id: rating.order_id, kind: 'appeal_filed', actor_id: user.id, note: request.body.reason, public_text: null, created_at: now })
              .execute();
          }
          return appeal.id;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict('这条评价已经申诉过了，每条评价只能申诉一次');
        throw error;
      }
      reply.code(201);
      return toAppeal(await selectAppeals().where('rating_appeals.id', '=', id).executeTakeFirstOrThrow());
    },
  );

  app.get(
    '/appeals',
    {
      preHandler: requireRole('worker', 'provider'),
      schema: { tags: ['ratings'], querystring: appealListQuerySchema, response: { 200: appealPageSchema } },
    },
    async (request) => {
      const user = requireUser(request);
      const { status, limit, cursor } = request.query;
      let query = selectAppeals()
        .where('rating_appeals.status', status === 'pending' ? '=' : '!=', 'pending')
        .orderBy('rating_appeals.id', 'desc');
      // Street workers see the appeals of their street, a community worker those of its 社区, a provider its point's.
      const filter = scopeFilter(user);
      if (!filter) throw forbidden('您的账号还没有负责的社区或服务点');
      query = query.where(`ratings.${filter.column}`, 'in', filter.values);
      if (cursor) query = query.where('rating_appeals.id', '<', decodeCursor(cursor, { id: 'number' }).id);
      const rows = await query.limit(limit + 1).execute();
      const items = rows.slice(0, limit).map(toAppeal);
      return { items, nextCursor: rows.length > limit ? encodeCursor({ id: items[items.length - 1].id }) : null };
    },
  );

  app.post(
    '/appeals/:id/decision',
    {
      preHandler: requireRole('worker'),
      schema: { tags: ['ratings'], params: idParamsSchema, body: appealDecisionBodySchema, response: { 200: appealSchema } },
    },
    async (request) => {
      const user = requireUser(request);
      const appeal = await selectAppeals().where('rating_appeals.id', '=', request.params.id).executeTakeFirst();
      if (!appeal || !inScope(user, appeal)) throw notFound('没有找到这条申诉');
      if (!isStreetWorkerOf(user, appeal.town_code)) throw forbidden('申诉由街道工作人员复核，社区工作人员不能决定');
      const { decision, note } = request.body;
      const now = app.now().toISOString();
      const decided = await inTransaction(app.db, async (trx) => {
        const result = await trx
          .updateTable('rating_appeals')
          .set({ status: decision, decided_by: user.id, decision_note: note, decided_at: now })
          .where('id', '=', appeal.id)
          .where('status', '=', 'pending')
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) return false;
        const order = await trx.selectFrom('rating_work_orders').select(['id', 'status']).where('rating_id', '=', appeal.rating_id).executeTakeFirst();
        if (decision === 'upheld') {
          // Out of the figures, never out of the record.
          await trx.updateTable('ratings').set({ excluded: 1 }).where('id', '=', appeal.rating_id).execute();
          if (order && order.status !== 'closed') {
            await trx.updateTable('rating_work_orders').set({ status: 'closed', closed_at: now, due_on: null }).where('id', '=', order.id).execute();
          }
        }
        if (order) {
          await trx
            .insertInto('rating_work_order_events')
            .values({
              work_order_id: order.id,
              kind: decision === 'upheld' ? 'appeal_upheld' : 'appeal_rejected',
              actor_id: user.id,
              note,
              public_text: decision === 'upheld' ? '经街道复核，这条评价不计入服务点的统计' : '经街道复核，服务点的申诉未通过，您的评价照常计入',
              created_at: now,
            })
            .execute();
        }
        return true;
      });
      if (!decided) throw conflict('这条申诉已经复核过了');
      return toAppeal(await selectAppeals().where('rating_appeals.id', '=', appeal.id).executeTakeFirstOrThrow());
    },
  );
};
