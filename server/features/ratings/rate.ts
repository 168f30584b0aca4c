/**
 * The resident's side: rate an interaction (一次一评), read their own ratings with the follow-up of each 差评,
 * and give one 追评 once feedback has been given.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  appealStatusWords,
  followUpBodySchema,
  idParamsSchema,
  myRatingPageSchema,
  myRatingSchema,
  pageQuerySchema,
  ratingBodySchema,
  type MyRating,
} from '@contract/ratings';
import {
  followUpWords,
  isBadLevel,
  progressWords,
  ratingMonth,
  workOrderDeadlines,
  type RatingLevel,
} from '@contract/rules/rating';
import { inTransaction, isUniqueViolation } from '../../db/portable';
import { requireRole, requireUser } from '../../lib/auth';
import { serverCalendar } from '../../lib/calendar';
import { conflict, notFound } from '../../lib/errors';
import { findRateableBooking } from './booking-interaction';
import { checkComment } from './content-check';
import { decodeCursor, encodeCursor } from './cursor';
import { tellRater } from './notify';
import { levelWord, parseTags, residentTimeline } from './rows';

const ALREADY_RATED = '这次服务您已经评价过了，一次服务只能评价一次；如有新的情况，请在下次到访后再评价';

export const rateRoutes: FastifyPluginAsyncZod = async (app) => {
  const calendar = serverCalendar(app.log);

  /** The point an interaction of this resident was with; 404 when it is not theirs or not there. */
  async function interactionPoint(userId: number, kind: 'visit' | 'booking', id: number): Promise<string> {
    if (kind === 'booking') return (await findRateableBooking(app.db, userId, id)).servicePointId;
    const visit = await app.db
      .selectFrom('rating_visits')
      .select('service_point_id')
      .where('id', '=', id)
      .where('user_id', '=', userId)
      .executeTakeFirst();
    if (!visit) throw notFound('没有找到这次到访记录，请先在服务点页面点“我去过”');
    return visit.service_point_id;
  }

  async function alreadyRated(kind: string, id: number): Promise<boolean> {
    const row = await app.db
      .selectFrom('ratings')
      .select('id')
      .where('interaction_kind', '=', kind as 'visit')
      .where('interaction_id', '=', String(id))
      .executeTakeFirst();
    return row !== undefined;
  }

  async function myRating(userId: number, ratingId: number): Promise<MyRating | null> {
    const page = await myRatings(userId, { ids: [ratingId] });
    return page[0] ?? null;
  }

  async function myRatings(userId: number, by: { ids?: number[]; beforeId?: number; limit?: number }): Promise<MyRating[]> {
    let query = app.db
      .selectFrom('ratings')
      .innerJoin('service_points', 'service_points.id', 'ratings.service_point_id')
      .leftJoin('rating_work_orders', 'rating_work_orders.rating_id', 'ratings.id')
      .leftJoin('rating_appeals', 'rating_appeals.rating_id', 'ratings.id')
      .select([
        'ratings.id',
        'ratings.service_point_id',
        'service_points.name as point_name',
        'ratings.interaction_kind',
        'ratings.level',
        'ratings.tags_json',
        'ratings.comment',
        'ratings.comment_status',
        'ratings.comment_note',
        'ratings.created_at',
        'ratings.follow_up_level',
        'ratings.follow_up_comment',
        'ratings.follow_up_at',
        'rating_work_orders.id as order_id',
        'rating_work_orders.status',
        'rating_work_orders.feedback_due',
        'rating_work_orders.resolution',
        'rating_appeals.status as appeal_status',
      ])
      .where('ratings.user_id', '=', userId)
      .orderBy('ratings.id', 'desc');
    if (by.ids) query = query.where('ratings.id', 'in', by.ids);
    if (by.beforeId !== undefined) query = query.where('ratings.id', '<', by.beforeId);
    if (by.limit !== undefined) query = query.limit(by.limit);
    const rows = await query.execute();
    const orderIds = rows.flatMap((r) => (r.order_id === null ? [] : [r.order_id]));
    const events = orderIds.length
      ? await app.db
          .selectFrom('rating_work_order_events')
          .select(['work_order_id', 'kind', 'note', 'public_text', 'created_at'])
          .where('work_order_id', 'in', orderIds)
          .orderBy('id')
          .execute()
      : [];
    return rows.map((r) => ({
      id: r.id,
      servicePointId: r.service_point_id,
      servicePointName: r.point_name,
      interactionKind: r.interaction_kind,
      level: r.level,
      levelWord: levelWord(r.level),
      tags: parseTags(r.tags_json),
      comment: r.comment,
      commentStatus: r.comment_status,
      commentNote: r.comment_note,
      createdAt: r.created_at,
      progress:
        r.order_id !== null && r.status !== null && r.feedback_due !== null
          ? {
              status: r.status,
              statusWord: progressWords[r.status],
              feedbackDue: r.feedback_due,
              timeline: residentTimeline(
                events.filter((e) => e.work_order_id === r.order_id),
                r.resolution,
              ),
              canFollowUp: r.status === 'feedback_given' && r.follow_up_level === null,
            }
          : null,
      followUp:
        r.follow_up_level && r.follow_up_at
          ? { level: r.follow_up_level, word: followUpWords[r.follow_up_level], comment: r.follow_up_comment, at: r.follow_up_at }
          : null,
      appeal: r.appeal_status ? { status: r.appeal_status, statusWord: appealStatusWords[r.appeal_status] } : null,
    }));
  }

  app.post(
    '/ratings',
    { preHandler: requireRole('resident'), schema: { tags: ['ratings'], body: ratingBodySchema, response: { 201: myRatingSchema } } },
    async (request, reply) => {
      const user = requireUser(request);
      const { interaction, level, tags, comment } = request.body;
      const pointId = await interactionPoint(user.id, interaction.kind, interaction.id);
      // Said early, before the content check calls out; the unique constraint below is what really decides.
      if (await alreadyRated(interaction.kind, interaction.id)) throw conflict(ALREADY_RATED);
      const point = await app.db
        .selectFrom('service_points')
        .select(['name', 'community_id', 'town_code'])
        .where('id', '=', pointId)
        .executeTakeFirstOrThrow();
      const verdict = await checkComment(app, comment);
      const now = app.now();
      let ratingId: number;
      try {
        ratingId = await inTransaction(app.db, async (trx) => {
          const rating = await trx
            .insertInto('ratings')
            .values({
              user_id: user.id,
              interaction_kind: interaction.kind,
              interaction_id: String(interaction.id),
              service_point_id: pointId,
              community_id: point.community_id,
              town_code: point.town_code,
              level,
              tags_json: JSON.stringify(tags),
              comment: comment || null,
              comment_status: verdict.status,
              comment_note: verdict.note,
              month: ratingMonth(now),
              excluded: 0,
              follow_up_level: null,
              follow_up_comment: null,
              follow_up_at: null,
              created_at: now.toISOString(),
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          if (isBadLevel(level)) {
            // Every 差评 opens a work order for the workers of the point's 社区.
            const deadlines = workOrderDeadlines(now, calendar);
            const order = await trx
              .insertInto('rating_work_orders')
              .values({
                rating_id: rating.id,
                service_point_id: pointId,
                community_id: point.community_id,
                town_code: point.town_code,
                status: 'awaiting_callback',
                opened_at: now.toISOString(),
                callback_due: deadlines.callbackDue,
                feedback_due: deadlines.feedbackDue,
                due_on: deadlines.callbackDue,
                handler_id: null,
                resolution: null,
                rectify_by: null,
                callback_at: null,
                feedback_on: null,
                closed_at: null,
              })
              .returning('id')
              .executeTakeFirstOrThrow();
            await trx
              .insertInto('rating_work_order_events')
              .values({
                work_order_id: order.id,
                kind: 'opened',
                actor_id: null,
                note: null,
                public_text: '您的评价已转给社区工作人员处理',
                created_at: now.toISOString(),
              })
              .execute();
            await tellRater(trx, user.id, rating.id, point.name, { step: 'opened', level: level as RatingLevel, ...deadlines }, now);
          }
          return rating.id;
        });
      } catch (error) {
        if (isUniqueViolation(error)) throw conflict(ALREADY_RATED);
        throw error;
      }
      reply.code(201);
      return (await myRating(user.id, ratingId))!;
    },
  );

  app.get(
    '/ratings/mine',
    { preHandler: requireRole('resident'), schema: { tags: ['ratings'], querystring: pageQuerySchema, response: { 200: myRatingPageSchema } } },
    async (request) => {
      const user = requireUser(request);
      const { limit, cursor } = request.query;
      const beforeId = cursor ? decodeCursor(cursor, { id: 'number' }).id : undefined;
      const rows = await myRatings(user.id, { beforeId, limit: limit + 1 });
      const items = rows.slice(0, limit);
      return { items, nextCursor: rows.length > limit ? encodeCursor({ id: items[items.length - 1].id }) : null };
    },
  );

  app.post(
    '/ratings/:id/follow-up',
    {
      preHandler: requireRole('resident'),
      schema: { tags: ['ratings'], params: idParamsSchema, body: followUpBodySchema, response: { 200: myRatingSchema } },
    },
    async (request) => {
      const user = requireUser(request);
      const ratingId = request.params.id;
      const { level, comment } = request.body;
      const found = await app.db
        .selectFrom('ratings')
        .leftJoin('rating_work_orders', 'rating_work_orders.rating_id', 'ratings.id')
        .select(['ratings.follow_up_level', 'rating_work_orders.id as order_id', 'rating_work_orders.status'])
        .where('ratings.id', '=', ratingId)
        .where('ratings.user_id', '=', user.id)
        .executeTakeFirst();
      if (!found) throw notFound('没有找到这条评价');
      if (found.order_id === null) throw conflict('只有“不满意”“非常不满意”的评价在处理后可以追评');
      if (found.follow_up_level !== null) throw conflict('您已经追评过了，每条评价只能追评一次');
      if (found.status !== 'feedback_given') throw conflict('工作人员反馈处理结果后，您才可以追评');
      const now = app.now();
      const done = await inTransaction(app.db, async (trx) => {
        // Both conditions in the update: a repeated or racing 追评 changes nothing the second time.
        const order = await trx
          .updateTable('rating_work_orders')
          .set({ status: 'followed_up' })
          .where('id', '=', found.order_id!)
          .where('status', '=', 'feedback_given')
          .executeTakeFirst();
        if (Number(order.numUpdatedRows) === 0) return false;
        await trx
          .updateTable('ratings')
          .set({ follow_up_level: level, follow_up_comment: comment || null, follow_up_at: now.toISOString() })
          .where('id', '=', ratingId)
          .execute();
        await trx
          .insertInto('rating_work_order_events')
          .values({
            work_order_id: found.order_id!,
            kind: 'follow_up',
            actor_id: user.id,
            note: null,
            public_text: comment ? `${followUpWords[level]}：${comment}` : followUpWords[level],
            created_at: now.toISOString(),
          })
          .execute();
        return true;
      });
      if (!done) throw conflict('您已经追评过了，每条评价只能追评一次');
      return (await myRating(user.id, ratingId))!;
    },
  );
};
