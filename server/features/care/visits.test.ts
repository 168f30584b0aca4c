import type { ElderPage, Visit, VisitPage } from '@contract/care';
import type { DemoAccountKey } from '@contract/auth';
import { createTestApp, type TestApp } from '../../testing/app';

// A fresh database per file (PostgreSQL: created, migrated and seeded) takes seconds on a busy machine.
jest.setTimeout(30_000);

let t: TestApp;
const headers: Partial<Record<DemoAccountKey, { authorization: string }>> = {};
const as = (account: DemoAccountKey) => headers[account]!;

beforeAll(async () => {
  t = await createTestApp();
  for (const account of ['resident', 'worker', 'street', 'provider'] as const) headers[account] = await t.signIn(account);
});
afterAll(() => t.close());

const get = (url: string, account: DemoAccountKey) => t.app.inject({ method: 'GET', url, headers: as(account) });
const post = (url: string, account: DemoAccountKey, payload: object) => t.app.inject({ method: 'POST', url, headers: as(account), payload });
const elderNamed = async (name: string) =>
  ((await get(`/api/elders?q=${encodeURIComponent(name)}`, 'street')).json() as ElderPage).items[0];

describe('monthly visits (月探访)', () => {
  it('shows a worker the elders of the eight classes in their 社区 and the month’s visit rate', async () => {
    const page: VisitPage = (await get('/api/visits', 'worker')).json();
    expect(page.month).toBe('2026-11');
    // 张桂芝 (visited 3 days ago), 李文华, 赵淑兰 have classes.
    expect(page.communities).toEqual([{ communityId: 'xinshi', communityName: '新市社区', due: 3, visited: 1, ratePercent: 33 }]);
    expect(page.items.map((i) => [i.elder.name, i.visitedThisMonth])).toEqual(
      expect.arrayContaining([
        ['张桂芝', true],
        ['李文华', false],
        ['赵淑兰', false],
      ]),
    );
    const zhang = page.items.find((i) => i.elder.name === '张桂芝')!;
    expect(zhang.lastVisit).toMatchObject({ method: 'home', visitedOn: '2026-11-23', workerName: '张*' });
    const due: VisitPage = (await get('/api/visits?status=due', 'worker')).json();
    expect(due.items.map((i) => i.elder.name).sort()).toEqual(['李文华', '赵淑兰'].sort());
  });

  it('records a visit and the rate follows', async () => {
    const li = await elderNamed('李文华');
    const response = await post('/api/visits', 'worker', {
      elderId: li.id,
      method: 'phone',
      health: '血糖偏高，已提醒复查',
      economy: '低保按时发放',
      safety: '',
      needsReferred: '需要助医陪诊',
    });
    expect(response.statusCode).toBe(201);
    const visit: Visit = response.json();
    expect(visit).toMatchObject({ elderId: li.id, method: 'phone', visitedOn: '2026-11-26', needsReferred: '需要助医陪诊', workerName: '张*' });
    const page: VisitPage = (await get('/api/visits', 'worker')).json();
    expect(page.communities[0]).toMatchObject({ due: 3, visited: 2, ratePercent: 66 });
    const audit = await t.app.db.selectFrom('audit_log').select('action').where('action', '=', 'visit.record').execute();
    expect(audit).toHaveLength(1);
  });

  it('gives a street worker every 社区 of the street; a 社区 worker only theirs', async () => {
    const street: VisitPage = (await get('/api/visits', 'street')).json();
    expect(street.communities.map((c) => c.communityId).sort()).toEqual(['xinshi', 'xinshi-xinghua', 'yanjiang']);
    expect(street.communities.find((c) => c.communityId === 'yanjiang')).toMatchObject({ due: 1, visited: 1, ratePercent: 100 });
    expect((await get('/api/visits?community=yanjiang', 'worker')).statusCode).toBe(403);
    const qian = await elderNamed('钱玉梅');
    expect((await post('/api/visits', 'worker', { elderId: qian.id, method: 'home' })).statusCode).toBe(404);
    expect((await post('/api/visits', 'street', { elderId: qian.id, method: 'video' })).statusCode).toBe(201);
  });

  it('looks back at another month', async () => {
    // Before the planner's demo history (server/features/planning/seed.ts: the eleven months before this one).
    const before: VisitPage = (await get('/api/visits?month=2025-11', 'worker')).json();
    expect(before.communities[0]).toMatchObject({ due: 3, visited: 0, ratePercent: 0 });
    expect(before.items.every((i) => i.lastVisit === null)).toBe(true);
    const october: VisitPage = (await get('/api/visits?month=2026-10', 'worker')).json();
    expect(october.communities[0]).toMatchObject({ due: 3, visited: 3, ratePercent: 100 });
  });

  it('is for workers only, and refuses bad input naming the field', async () => {
    expect((await get('/api/visits', 'resident')).statusCode).toBe(403);
    expect((await get('/api/visits', 'provider')).statusCode).toBe(403);
    expect((await post('/api/visits', 'resident', { elderId: 1, method: 'home' })).statusCode).toBe(403);
    const li = await elderNamed('李文华');
    const method = await post('/api/visits', 'worker', { elderId: li.id, method: 'letter' });
    expect(method.json().error.fields.method).toBe('探访方式：请选择上门、电话或视频');
    const future = await post('/api/visits', 'worker', { elderId: li.id, method: 'home', visitedOn: '2026-11-27' });
    expect(future.json().error.fields.visitedOn).toBe('探访日期：不能晚于今天');
    const unreal = await post('/api/visits', 'worker', { elderId: li.id, method: 'home', visitedOn: '2026-02-30' });
    expect(unreal.json().error.fields.visitedOn).toBe('探访日期：没有这一天，请核对');
    expect((await get('/api/visits?month=2026-13', 'worker')).json().error.fields.month).toMatch(/^月份：/);
  });
});
