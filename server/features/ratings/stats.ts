/**
 * GET /api/stats/ratings?community=&point=&month= — the published figures (n, 好评率, 满意率, mean, 差评整改率,
 * 按期整改率) by month, for workers (their 社区 or street) and providers (their point). Without `month`: the last
 * six months up to the current one. Ratings removed by an upheld appeal are not counted.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { statsQuerySchema, statsSchema, type RatingStats } from '@contract/ratings';
import { monthsEndingWith } from '@contract/rules/calendar';
import { ratingFigures, ratingMonth } from '@contract/rules/rating';
import { requireRole, requireUser } from '../../lib/auth';
import { fieldError, forbidden } from '../../lib/errors';
import { inScope, scopeFilter, type ScopeFilter } from './access';
import { figureRows } from '../../lib/rating-figure-rows';

const MONTHS_SHOWN = 6;

export const statsRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/stats/ratings',
    { preHandler: requireRole('worker', 'provider'), schema: { tags: ['ratings'], querystring: statsQuerySchema, response: { 200: statsSchema } } },
    async (request): Promise<RatingStats> => {
      const user = requireUser(request);
      const { community, point, month } = request.query;
      const own = scopeFilter(user);
      if (!own) throw forbidden('您的账号还没有负责的社区或服务点');

      let filter: ScopeFilter = own;
      let scopeName: string;
      if (point) {
        const row = await app.db
          .selectFrom('service_points')
          .select(['id', 'name', 'community_id', 'town_code'])
          .where('id', '=', point)
          .executeTakeFirst();
        if (!row) throw fieldError('point', '没有这个服务点');
        if (!inScope(user, { ...row, service_point_id: row.id })) throw forbidden('您只能查看本社区或本服务点的统计');
        filter = { column: 'service_point_id', values: [row.id] };
        scopeName = row.name;
      } else if (community) {
        const row = await app.db.selectFrom('communities').select(['id', 'name', 'town_code']).where('id', '=', community).executeTakeFirst();
        if (!row) throw fieldError('community', '没有这个社区');
        if (user.role !== 'worker' || !user.scopeCommunityIds.includes(row.id)) throw forbidden('您只能查看本社区的统计');
        filter = { column: 'community_id', values: [row.id] };
        scopeName = row.name;
      } else scopeName = await ownScopeName(own);

      const months = month ? [month] : monthsEndingWith(ratingMonth(app.now()), MONTHS_SHOWN);
      const rows = await figureRows(app.db, (q) =>
        q.where(`ratings.${filter.column}`, 'in', filter.values).where('ratings.month', 'in', months),
      );
      return {
        scopeName,
        months: months.map((m) => ({ month: m, figures: ratingFigures(rows.filter((r) => r.month === m)) })),
        total: ratingFigures(rows),
      };
    },
  );

  async function ownScopeName(filter: ScopeFilter): Promise<string> {
    if (filter.column === 'town_code') {
      const town = await app.db.selectFrom('towns').select('name').where('code', '=', filter.values[0]).executeTakeFirst();
      return town?.name ?? '本街道';
    }
    if (filter.column === 'service_point_id') {
      const row = await app.db.selectFrom('service_points').select('name').where('id', '=', filter.values[0]).executeTakeFirst();
      return row?.name ?? '本服务点';
    }
    const rows = await app.db.selectFrom('communities').select('name').where('id', 'in', filter.values).execute();
    return rows.map((r) => r.name).join('、') || '本社区';
  }
};
