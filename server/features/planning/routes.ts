/**
 * 规划监测 (issue 19), read-only, for 街道 officers (their street) and city officers (every street):
 *   GET /api/planning/communities?month=&street=  per 社区 the month's figures beside the plan's targets, ranked
 *   GET /api/planning/trend?community=&indicator=&month=  one 社区's figure over the last 12 months
 *   GET /api/planning/export?month=&street=  the month's table as CSV (UTF-8 with BOM) for the street's report
 * A 社区-level worker gets 403: the view compares 社区, and theirs has its own pages (探访, 工单, 评价统计).
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FastifyRequest } from 'fastify';
import { planningQuerySchema, planningResultSchema, trendQuerySchema, trendResultSchema, type PlanningResult, type PlanningRow, type TrendResult } from '@contract/planning';
import { chinaLocal, monthsEndingWith } from '@contract/rules/calendar';
import { planningSettings, rankByBehind } from '@contract/rules/planning';
import { requireRole, requireUser, type AuthUser } from '../../lib/auth';
import { serverCalendar } from '../../lib/calendar';
import { fieldError, forbidden } from '../../lib/errors';
import { planningCsv } from './csv';
import { combine, monthCounts } from './month-figures';
import { toRow } from './rows';

/** The streets a user may see: a street officer its own, a city officer all; anyone else is refused. */
function streetsOf(user: AuthUser): 'all' | string[] {
  if (user.role === 'city') return 'all';
  if (user.role === 'worker' && user.scope.townCode && !user.scope.communityId) return [user.scope.townCode];
  throw forbidden('规划监测面向街道和市民政局的工作人员；本社区的情况请看月探访、工单和评价统计');
}

export const planningRoutes: FastifyPluginAsyncZod = async (app) => {
  const calendar = serverCalendar(app.log);
  const currentMonth = () => chinaLocal(app.now()).date.slice(0, 7);

  async function streetTables(request: FastifyRequest, street: string | undefined, month: string): Promise<PlanningResult> {
    const user = requireUser(request);
    const allowed = streetsOf(user);
    let towns = app.db.selectFrom('towns').select(['code', 'name']).orderBy('sort_order');
    if (street) {
      const town = await app.db.selectFrom('towns').select('code').where('code', '=', street).executeTakeFirst();
      if (!town) throw fieldError('street', '没有这个街道');
      if (allowed !== 'all' && !allowed.includes(street)) throw forbidden('您只能查看本街道的规划监测');
      towns = towns.where('code', '=', street);
    } else if (allowed !== 'all') towns = towns.where('code', 'in', allowed);
    const streets = await towns.execute();
    const communities = streets.length
      ? await app.db.selectFrom('communities').select(['id', 'name', 'town_code', 'is_demo', 'lat', 'lng']).where('town_code', 'in', streets.map((s) => s.code)).orderBy('sort_order').execute()
      : [];
    const counts = await monthCounts(app.db, communities, month, app.now(), calendar);
    return {
      month,
      streets: streets
        .map((town) => {
          const own = communities.filter((c) => c.town_code === town.code);
          const rows: PlanningRow[] = own.map((c) => toRow({ communityId: c.id, name: c.name, isDemo: c.is_demo === 1 }, counts.get(c.id)!));
          return {
            code: town.code,
            name: town.name,
            total: toRow({ communityId: null, name: town.name, isDemo: false }, combine(own.map((c) => counts.get(c.id)!))),
            communities: rankByBehind(rows),
          };
        })
        .filter((s) => s.communities.length > 0),
    };
  }

  app.get(
    '/planning/communities',
    { preHandler: requireRole('worker', 'city'), schema: { tags: ['planning'], querystring: planningQuerySchema, response: { 200: planningResultSchema } } },
    async (request) => streetTables(request, request.query.street, request.query.month ?? currentMonth()),
  );

  app.get(
    '/planning/export',
    { preHandler: requireRole('worker', 'city'), schema: { tags: ['planning'], querystring: planningQuerySchema } },
    async (request, reply) => {
      const month = request.query.month ?? currentMonth();
      const result = await streetTables(request, request.query.street, month);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="planning-${month}.csv"`)
        .send(planningCsv(result));
    },
  );

  app.get(
    '/planning/trend',
    { preHandler: requireRole('worker', 'city'), schema: { tags: ['planning'], querystring: trendQuerySchema, response: { 200: trendResultSchema } } },
    async (request): Promise<TrendResult> => {
      const user = requireUser(request);
      const allowed = streetsOf(user);
      const { community, indicator } = request.query;
      const place = await app.db.selectFrom('communities').select(['id', 'name', 'town_code', 'is_demo', 'lat', 'lng']).where('id', '=', community).executeTakeFirst();
      if (!place) throw fieldError('community', '没有这个社区');
      if (allowed !== 'all' && !allowed.includes(place.town_code)) throw forbidden('您只能查看本街道的社区');
      const months = monthsEndingWith(request.query.month ?? currentMonth(), planningSettings.trendMonths);
      const points = [];
      for (const month of months) {
        const counts = (await monthCounts(app.db, [place], month, app.now(), calendar)).get(place.id)!;
        const row = toRow({ communityId: place.id, name: place.name, isDemo: place.is_demo === 1 }, counts);
        points.push({ month, indicator: row.indicators.find((i) => i.id === indicator)! });
      }
      return { communityId: place.id, communityName: place.name, indicator, months: points };
    },
  );
};
