import type { DemoAccountKey } from '@contract/auth';
import type { PlanningResult, TrendResult } from '@contract/planning';
import type { VisitPage } from '@contract/care';
import type { RatingStats } from '@contract/ratings';
import { authUserOf, canSeeCommunity } from '../../lib/auth';
import { createTestApp, type TestApp } from '../../testing/app';

// A fresh database per file (PostgreSQL: created, migrated and seeded) takes seconds on a busy machine.
jest.setTimeout(60_000);

let t: TestApp;
const headers: Partial<Record<DemoAccountKey, { authorization: string }>> = {};
const accounts = ['resident', 'volunteer', 'worker', 'street', 'provider', 'city'] as const;

beforeAll(async () => {
  t = await createTestApp();
  for (const account of accounts) headers[account] = await t.signIn(account);
});
afterAll(() => t.close());

const get = (url: string, account: DemoAccountKey) => t.app.inject({ method: 'GET', url, headers: headers[account] });

describe('规划监测 scopes', () => {
  it.each(['resident', 'volunteer', 'provider'] as const)('refuses a %s (403)', async (account) => {
    expect((await get('/api/planning/communities', account)).statusCode).toBe(403);
    expect((await get('/api/planning/trend?community=xinshi&indicator=visits', account)).statusCode).toBe(403);
    expect((await get('/api/planning/export', account)).statusCode).toBe(403);
  });

  it('refuses a 社区-level worker, who has the 社区 pages instead', async () => {
    const response = await get('/api/planning/communities', 'worker');
    expect(response.statusCode).toBe(403);
    expect(response.json().error.message).toContain('街道');
  });

  it('refuses the signed-out (401)', async () => {
    expect((await t.app.inject({ method: 'GET', url: '/api/planning/communities' })).statusCode).toBe(401);
  });

  it('gives a 街道 officer their street only', async () => {
    const own: PlanningResult = (await get('/api/planning/communities?month=2026-11', 'street')).json();
    expect(own.streets.map((s) => s.code)).toEqual(['220681002']);
    expect(own.streets[0].communities.map((c) => c.communityId).sort()).toEqual(['xinshi', 'xinshi-xinghua', 'yanjiang']);
    expect((await get('/api/planning/communities?street=220681001', 'street')).statusCode).toBe(403);
    expect((await get('/api/planning/trend?community=jianguo-wenhua&indicator=visits', 'street')).statusCode).toBe(403);
  });

  it('gives a city officer every street, or the one asked for', async () => {
    const all: PlanningResult = (await get('/api/planning/communities', 'city')).json();
    expect(all.streets.length).toBeGreaterThan(1);
    expect(all.streets.map((s) => s.code)).toContain('220681001');
    const one: PlanningResult = (await get('/api/planning/communities?street=220681001', 'city')).json();
    expect(one.streets.map((s) => s.code)).toEqual(['220681001']);
    expect((await get('/api/planning/trend?community=jianguo-wenhua&indicator=coverage', 'city')).statusCode).toBe(200);
  });

  it('gives the city officer every 社区 to read every 社区 and acts on none', async () => {
    const row = await t.app.db.selectFrom('users').selectAll().where('demo_key', '=', 'city').executeTakeFirstOrThrow();
    expect(row).toMatchObject({ role: 'city', scope_community_id: null, scope_town_code: null });
    const user = await authUserOf(t.app.db, row, 0);
    const communities = await t.app.db.selectFrom('communities').select('id').execute();
    expect(user.scopeCommunityIds.sort()).toEqual(communities.map((c) => c.id).sort());
    expect(canSeeCommunity(user, 'xinshi')).toBe(false);
    // The demo city officer is refused the worker routes that act on a 社区.
    expect((await get('/api/work-orders?state=open', 'city')).statusCode).toBe(403);
    expect((await get('/api/visits', 'city')).statusCode).toBe(403);
  });

  it('answers bad input with 400 naming the field in Chinese', async () => {
    const month = await get('/api/planning/communities?month=2026-13', 'street');
    expect(month.statusCode).toBe(400);
    expect(month.json().error.message).toContain('月份');
    const street = await get('/api/planning/communities?street=999999999', 'city');
    expect(street.statusCode).toBe(400);
    expect(street.json().error.message).toContain('街道');
    const indicator = await get('/api/planning/trend?community=xinshi&indicator=happiness', 'street');
    expect(indicator.statusCode).toBe(400);
    expect(indicator.json().error.message).toContain('指标');
    const community = await get('/api/planning/trend?community=nowhere&indicator=visits', 'street');
    expect(community.statusCode).toBe(400);
    expect(community.json().error.message).toContain('社区');
  });
});

describe('规划监测 figures', () => {
  let result: PlanningResult;
  beforeAll(async () => {
    result = (await get('/api/planning/communities?month=2026-11', 'street')).json();
  });
  const row = (id: string) => result.streets[0].communities.find((c) => c.communityId === id)!;
  const indicator = (id: string, which: string) => row(id).indicators.find((i) => i.id === which)!;

  it('counts 月探访 exactly as the visits page does', async () => {
    const visits: VisitPage = (await get('/api/visits?month=2026-11', 'street')).json();
    for (const rate of visits.communities) {
      const figure = row(rate.communityId);
      expect(figure.details.visits).toMatchObject({ due: rate.due, visited: rate.visited });
      expect(indicator(rate.communityId, 'visits').value).toBe(rate.due === 0 ? null : rate.ratePercent);
    }
  });

  it('counts 好差评 exactly as the published figures do', async () => {
    const stats: RatingStats = (await get('/api/stats/ratings?community=xinshi&month=2026-11', 'street')).json();
    const figures = stats.months[0].figures;
    expect(row('xinshi').details.ratings).toMatchObject({ n: figures.n, badCount: figures.badCount, satisfiedRate: figures.satisfiedRate, onTimeRate: figures.onTimeRate });
  });

  it('sets each figure beside its target, ranks the 社区 furthest behind first, and adds the street up', () => {
    const ranked = result.streets[0].communities;
    expect(ranked.map((c) => c.score)).toEqual([...ranked.map((c) => c.score)].sort((a, b) => b - a));
    // 兴华社区 has no party team and no rating this month: behind on both, the furthest behind.
    expect(ranked[0].communityId).toBe('xinshi-xinghua');
    expect(indicator('xinshi-xinghua', 'volunteers')).toMatchObject({ value: 0, target: 1, status: 'behind' });
    expect(indicator('xinshi-xinghua', 'ratings')).toMatchObject({ value: 0, status: 'behind' });
    expect(indicator('xinshi', 'volunteers')).toMatchObject({ value: 1, status: 'met' });
    const total = result.streets[0].total;
    const sum = (pick: (c: (typeof ranked)[number]) => number) => ranked.reduce((s, c) => s + pick(c), 0);
    expect(total.details.visits.due).toBe(sum((c) => c.details.visits.due));
    expect(total.details.coverage.total).toBe(sum((c) => c.details.coverage.total));
    expect(total.indicators.find((i) => i.id === 'volunteers')).toMatchObject({ value: 2, target: 3, status: 'behind' });
  });

  it('finds the 15-minute coverage of each basic service from the 社区 centre', () => {
    const coverage = row('xinshi').details.coverage;
    expect(coverage.total).toBe(coverage.items.length);
    expect(coverage.met).toBe(coverage.items.filter((i) => i.meetsTarget).length);
    for (const item of coverage.items) {
      if (item.walkingMinutes === null) expect(item.layer).toBeNull();
      else expect(item.walkingMinutes).toBeLessThanOrEqual(15);
    }
  });

  it('reports each basic service from the 社区’s grid cells too, weighted by population where the data has it', () => {
    const xinshi = row('xinshi').details.coverage;
    expect(xinshi.cells).toMatchObject({ count: 4, population: 6870, weighting: 'population' });
    for (const item of xinshi.items) {
      expect(item.cellsReached).toBeGreaterThanOrEqual(0);
      expect(item.cellsReached).toBeLessThanOrEqual(4);
      // All cells reached → 100 %, none → 0 %, otherwise in between (weighted by their populations).
      if (item.cellsReached === 4) expect(item.cellShare).toBe(100);
      else if (item.cellsReached === 0) expect(item.cellShare).toBe(0);
      else expect(item.cellShare).toBeGreaterThan(0);
    }
    const mean = xinshi.items.reduce((sum, i) => sum + i.cellShare!, 0) / xinshi.items.length;
    expect(xinshi.cells.share).toBe(Math.round(mean * 10) / 10);
    // 沿江社区's cells have no population: they weigh alike.
    expect(row('yanjiang').details.coverage.cells).toMatchObject({ count: 3, population: null, weighting: 'equal' });
    // 兴华社区 has a cell over a kilometre out: its residents reach fewer services in time than its centre does.
    const xinghua = row('xinshi-xinghua').details.coverage;
    expect(xinghua.items.some((i) => i.meetsTarget && i.cellsReached < 5)).toBe(true);
    // The street: its 社区's cells together, weighted by cell count as one 社区 has no populations.
    expect(result.streets[0].total.details.coverage.cells).toMatchObject({ count: 12, weighting: 'equal', population: null });
  });

  it('judges a cell by the same rule as the centre, and a 社区 without cells by its centre only', async () => {
    const centre = await t.app.db.selectFrom('communities').select(['lat', 'lng']).where('id', '=', 'jianguo-wenhua').executeTakeFirstOrThrow();
    const before: PlanningResult = (await get('/api/planning/communities?month=2026-11&street=220681001', 'city')).json();
    const wenhuaBefore = before.streets[0].communities.find((c) => c.communityId === 'jianguo-wenhua')!.details.coverage;
    expect(wenhuaBefore.cells).toEqual({ count: 0, population: null, weighting: 'none', share: null });
    expect(wenhuaBefore.items.every((i) => i.cellShare === null && i.cellsReached === 0)).toBe(true);

    await t.app.db.insertInto('planning_cells').values({ id: 'test-wenhua-1', community_id: 'jianguo-wenhua', name: '第一网格', lat: centre.lat, lng: centre.lng, population: 800 }).execute();
    try {
      const after: PlanningResult = (await get('/api/planning/communities?month=2026-11&street=220681001', 'city')).json();
      const wenhua = after.streets[0].communities.find((c) => c.communityId === 'jianguo-wenhua')!.details.coverage;
      for (const item of wenhua.items) expect(item.cellShare).toBe(item.meetsTarget ? 100 : 0);
      expect(wenhua.cells).toMatchObject({ count: 1, population: 800, weighting: 'population' });
      expect(wenhua.cells.share).toBeCloseTo((wenhua.met * 100) / wenhua.total, 1);
    } finally {
      await t.app.db.deleteFrom('planning_cells').where('id', '=', 'test-wenhua-1').execute();
    }
  });

  it('leaves a point closed after residents\' reports out of every figure', async () => {
    const before = row('xinshi').details.verification.points;
    const point = await t.app.db.selectFrom('service_points').select('id').where('community_id', '=', 'xinshi').where('closed_at', 'is', null).executeTakeFirstOrThrow();
    await t.app.db.updateTable('service_points').set({ closed_at: '2026-11-20T02:00:00.000Z' }).where('id', '=', point.id).execute();
    try {
      const after: PlanningResult = (await get('/api/planning/communities?month=2026-11', 'street')).json();
      const xinshi = after.streets[0].communities.find((c) => c.communityId === 'xinshi')!;
      expect(xinshi.details.verification.points).toBe(before - 1);
    } finally {
      await t.app.db.updateTable('service_points').set({ closed_at: null }).where('id', '=', point.id).execute();
    }
  });

  it('counts overdue visits once the month is over', async () => {
    const october: PlanningResult = (await get('/api/planning/communities?month=2026-10', 'street')).json();
    const xinshi = october.streets[0].communities.find((c) => c.communityId === 'xinshi')!;
    expect(xinshi.details.visits.monthOver).toBe(true);
    expect(xinshi.details.visits.overdue).toBe(xinshi.details.visits.due - xinshi.details.visits.visited);
  });

  it('draws a 12-month trend of one figure, oldest first, with the demo history in it', async () => {
    const trend: TrendResult = (await get('/api/planning/trend?community=yanjiang&indicator=visits&month=2026-11', 'street')).json();
    expect(trend.months.map((m) => m.month)).toHaveLength(12);
    expect(trend.months[0].month).toBe('2025-12');
    expect(trend.months[11].month).toBe('2026-11');
    // 沿江社区 missed visits a year ago and none in the last four months.
    expect(trend.months.slice(0, 7).some((m) => m.indicator.status === 'behind')).toBe(true);
    expect(trend.months.slice(7).every((m) => m.indicator.status === 'met')).toBe(true);
  });
});

describe('规划监测 export', () => {
  it('gives the month’s table as CSV with a BOM, a line per street and per 社区', async () => {
    const response = await get('/api/planning/export?month=2026-11', 'street');
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(response.body.startsWith('\uFEFF')).toBe(true);
    const lines = response.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines).toHaveLength(1 + 1 + 3);
    expect(lines[0]).toContain('"月探访率目标"');
    expect(lines[1]).toContain('"（全街道）"');
    expect(lines[2]).toContain('"兴华社区（演示）"');
    expect(lines[0]).toContain('"网格计算方式"');
    expect(lines.find((l) => l.includes('"新市社区"'))).toContain('"按人口加权（4 个网格，共 6870 人）"');
    expect(lines.find((l) => l.includes('"沿江社区"'))).toContain('按网格数平均计');
  });
});
