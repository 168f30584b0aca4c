/**
 * GET /api/services/:id/ratings — what anyone may read about a point's ratings: counts per level, 好评率,
 * 满意率 and the mean (not below 5 ratings), recent public comments under masked names, and what was done
 * about past 差评 without saying who gave them. Ratings removed by an upheld appeal are left out.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  pageQuerySchema,
  pointParamsSchema,
  pointRatingsSchema,
  ratingSummariesQuerySchema,
  ratingSummaryListSchema,
  type PointRatings,
  type RatingSummaryList,
} from '@contract/ratings';
import { maskName } from '@contract/rules/mask';
import { enoughForRates, progressWords, ratingConfig, ratingFigures, resolutionWords } from '@contract/rules/rating';
import { notFound } from '../../lib/errors';
import { decodeCursor, encodeCursor } from './cursor';
import { figureRows } from '../../lib/rating-figure-rows';
import { levelWord, parseTags } from './rows';

/** How many past 差评 the public 整改情况 lists. */
const RECTIFICATIONS_SHOWN = 5;

export const pointRatingRoutes: FastifyPluginAsyncZod = async (app) => {
  // The directory's cards: one query for a whole page of points, never one request per card.
  app.get(
    '/ratings/summaries',
    { schema: { tags: ['ratings'], querystring: ratingSummariesQuerySchema, response: { 200: ratingSummaryListSchema } } },
    async (request): Promise<RatingSummaryList> => {
      const ids = request.query.points;
      const rows = await app.db
        .selectFrom('ratings')
        .select(['service_point_id', 'level'])
        .where('service_point_id', 'in', ids)
        .where('excluded', '=', 0)
        .execute();
      return {
        items: ids.map((id) => {
          const figures = ratingFigures(
            rows.filter((r) => r.service_point_id === id).map((r) => ({ level: r.level, excluded: false })),
          );
          const enough = enoughForRates(figures.n);
          return { servicePointId: id, n: figures.n, goodRate: enough ? figures.goodRate : null, mean: enough ? figures.mean : null };
        }),
      };
    },
  );

  app.get(
    '/services/:id/ratings',
    { schema: { tags: ['ratings'], params: pointParamsSchema, querystring: pageQuerySchema, response: { 200: pointRatingsSchema } } },
    async (request): Promise<PointRatings> => {
      const pointId = request.params.id;
      const { limit, cursor } = request.query;
      const point = await app.db.selectFrom('service_points').select(['id', 'name']).where('id', '=', pointId).executeTakeFirst();
      if (!point) throw notFound('没有找到这个服务点，它可能已经下线');

      const figures = ratingFigures(await figureRows(app.db, (q) => q.where('ratings.service_point_id', '=', pointId)));
      const enough = enoughForRates(figures.n);

      let comments = app.db
        .selectFrom('ratings')
        .innerJoin('users', 'users.id', 'ratings.user_id')
        .select(['ratings.id', 'users.display_name', 'ratings.level', 'ratings.tags_json', 'ratings.comment', 'ratings.comment_status', 'ratings.created_at'])
        .where('ratings.service_point_id', '=', pointId)
        .where('ratings.excluded', '=', 0)
        .orderBy('ratings.id', 'desc')
        .limit(limit + 1);
      if (cursor) comments = comments.where('ratings.id', '<', decodeCursor(cursor, { id: 'number' }).id);
      const rows = await comments.execute();
      const items = rows.slice(0, limit).map((r) => ({
        id: r.id,
        maskedName: maskName(r.display_name),
        level: r.level,
        levelWord: levelWord(r.level),
        tags: parseTags(r.tags_json),
        // A comment that did not pass the content check stays with its author.
        comment: r.comment_status === 'public' ? r.comment : null,
        createdAt: r.created_at,
      }));

      const bad = await app.db
        .selectFrom('rating_work_orders')
        .innerJoin('ratings', 'ratings.id', 'rating_work_orders.rating_id')
        .select(['ratings.month', 'ratings.tags_json', 'rating_work_orders.resolution', 'rating_work_orders.status'])
        .where('rating_work_orders.service_point_id', '=', pointId)
        .where('ratings.excluded', '=', 0)
        .orderBy('rating_work_orders.id', 'desc')
        .limit(RECTIFICATIONS_SHOWN)
        .execute();

      return {
        servicePointId: pointId,
        servicePointName: point.name,
        figures: enough ? figures : { ...figures, goodRate: null, satisfiedRate: null, mean: null, fixedRate: null, onTimeRate: null },
        enoughForRates: enough,
        note: enough ? null : `评价不足 ${ratingConfig.minRatingsForRates} 条（目前 ${figures.n} 条），暂不计算好评率和满意率`,
        rectifications: bad.map((b) => ({
          month: b.month,
          tags: parseTags(b.tags_json),
          resolutionWord: b.resolution ? resolutionWords[b.resolution] : null,
          statusWord: progressWords[b.status],
        })),
        items,
        nextCursor: rows.length > limit ? encodeCursor({ id: items[items.length - 1].id }) : null,
      };
    },
  );
};
