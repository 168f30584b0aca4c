/**
 * The list near a place is served from each process's memory (memory.ts): a change made elsewhere — the admin
 * CLI's import through its own connection, another server process, hand-written SQL — must reach it. On SQLite the
 * next request sees it; on PostgreSQL it arrives by NOTIFY, so the test waits for it (a few milliseconds).
 */
import type { Kysely } from 'kysely';
import type { ServicePointPage } from '@contract/directory';
import { openDatabase } from '../../db';
import type { Database } from '../../db/schema';
import { createTestApp, type TestApp } from '../../testing/app';
import { POINT_COLUMNS, importServicePoints } from '../../cli/import-points';

const row = [
  'sp-fresh-canteen', '新市社区第三长者食堂', 'elder-canteen', '220681002', 'xinshi', '临江市新市街道新市街302号', '41.8121', '126.9271',
  '0439-5384001', '06:30-18:30', '06:30-18:30', '', '午餐:800:餐:400', '临江市新市颐康养老服务中心', '无障碍坡道', '为老人提供午餐', '2026-11-20',
].join(',');
const near = '/api/services?lat=41.8121&lng=126.9271&radius=300&limit=50';

let t: TestApp;
let second: TestApp;
/** Another connection to the same database, as the admin CLI (another process) has. */
let other: Kysely<Database>;
beforeAll(async () => {
  t = await createTestApp();
  second = await createTestApp({ database: t.database, dir: t.dir });
  other = openDatabase(t.config.database);
});
afterAll(async () => {
  await other.destroy();
  await second.close();
  await t.close();
});

async function list(app: TestApp): Promise<ServicePointPage> {
  const response = await app.app.inject({ method: 'GET', url: near });
  expect(response.statusCode).toBe(200);
  return response.json();
}

/** Asks until `seen` holds (up to 3 s); returns how many answers that took. */
async function answersUntil(app: TestApp, seen: (page: ServicePointPage) => boolean): Promise<number> {
  for (let asked = 1; ; asked += 1) {
    if (seen(await list(app))) return asked;
    if (asked >= 60) throw new Error('the change never reached the list');
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

const itemOf = (page: ServicePointPage) => page.items.find((i) => i.id === 'sp-fresh-canteen');
const onSqlite = () => t.config.database.kind === 'sqlite';

it('an import, an edit, a renamed community and a deletion reach every process', async () => {
  // Both processes hold the directory before the change.
  for (const app of [t, second]) expect(itemOf(await list(app))).toBeUndefined();

  expect(await importServicePoints(other, `${POINT_COLUMNS.join(',')}\n${row}\n`)).toEqual({ imported: 1, errors: [] });
  for (const app of [t, second]) {
    const asked = await answersUntil(app, (page) => itemOf(page) !== undefined);
    if (onSqlite()) expect(asked).toBe(1);
    expect(itemOf(await list(app))).toMatchObject({ name: '新市社区第三长者食堂', communityName: '新市社区', distanceMeters: 0, isDemo: false });
  }

  await other.updateTable('service_points').set({ name: '新市社区第三助餐点' }).where('id', '=', 'sp-fresh-canteen').execute();
  for (const app of [t, second]) await answersUntil(app, (page) => itemOf(page)?.name === '新市社区第三助餐点');

  await other.updateTable('communities').set({ name: '新市社区（新）' }).where('id', '=', 'xinshi').execute();
  for (const app of [t, second]) await answersUntil(app, (page) => itemOf(page)?.communityName === '新市社区（新）');

  await other.deleteFrom('service_point_terms').where('point_id', '=', 'sp-fresh-canteen').execute();
  await other.deleteFrom('service_point_services').where('service_point_id', '=', 'sp-fresh-canteen').execute();
  await other.deleteFrom('service_points').where('id', '=', 'sp-fresh-canteen').execute();
  for (const app of [t, second]) {
    const asked = await answersUntil(app, (page) => itemOf(page) === undefined);
    if (onSqlite()) expect(asked).toBe(1);
  }
});

it('answers from memory the same as a process that reads the directory afresh', async () => {
  const fresh = await createTestApp({ database: t.database, dir: t.dir });
  try {
    const url = '/api/services?lat=41.811&lng=126.925&radius=2000&limit=50';
    expect((await t.app.inject({ method: 'GET', url })).body).toBe((await fresh.app.inject({ method: 'GET', url })).body);
  } finally {
    await fresh.close();
  }
});
