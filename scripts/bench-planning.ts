/**
 * `npm run bench:planning` — how long GET /api/planning/communities takes for one street with a big directory
 * (issue 19: ≤ 200 ms per street on SQLite). `TEST_DB=postgres npm run bench:planning` measures PostgreSQL.
 *
 * A test app (server/testing/app.ts: the real app, migrated and seeded, on a fresh database) gets the 50,000
 * generated points of bench:directory (scripts/seeds/service-point-generator.ts); then, signed in as the demo
 * city officer, every street's table for the demo clock's month is asked for RUNS times through inject (no
 * network: the figure is the server's own work). Prints the median and the slowest per street.
 */
import { insertServicePoints } from '../server/features/directory/seed';
import { createTestApp } from '../server/testing/app';
import { generateBenchPoints } from './seeds/service-point-generator';

const POINTS = 50_000;
const RUNS = 7;

async function main(): Promise<void> {
  const t = await createTestApp();
  try {
    await t.app.db.transaction().execute((trx) => insertServicePoints(trx, generateBenchPoints(POINTS)));
    const headers = await t.signIn('city');
    const towns = await t.app.db.selectFrom('towns').select(['code', 'name']).orderBy('sort_order').execute();
    console.log(`${t.database.target.kind}: ${POINTS} generated points; ${RUNS} runs per street (first run included)`);
    const medians: number[] = [];
    for (const town of towns) {
      const points = await t.app.db.selectFrom('service_points').select((eb) => eb.fn.countAll<number>().as('n')).where('town_code', '=', town.code).executeTakeFirstOrThrow();
      const times: number[] = [];
      for (let run = 0; run < RUNS; run += 1) {
        const started = process.hrtime.bigint();
        const response = await t.app.inject({ method: 'GET', url: `/api/planning/communities?street=${town.code}&month=2026-11`, headers });
        times.push(Number(process.hrtime.bigint() - started) / 1e6);
        if (response.statusCode !== 200) throw new Error(`${town.name}: ${response.statusCode} ${response.body}`);
      }
      times.sort((a, b) => a - b);
      medians.push(times[Math.floor(RUNS / 2)]);
      console.log(`${town.name.padEnd(6, '　')} ${String(Number(points.n)).padStart(6)} points  median ${times[Math.floor(RUNS / 2)].toFixed(1).padStart(6)} ms  slowest ${times[RUNS - 1].toFixed(1).padStart(6)} ms`);
    }
    console.log(`slowest street median: ${Math.max(...medians).toFixed(1)} ms`);
  } finally {
    await t.close();
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
