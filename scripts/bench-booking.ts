/**
 * `npm run bench:booking` — how many bookings a second the real server takes when 200 connections book at once
 * across 1,000 slots, and proof that none is ever overbooked: on SQLite (one process) and on PostgreSQL with
 * 2 worker processes, in one run.
 *
 * 1. Each database is migrated and seeded, then gets a bench service with 1,000 slots of 2 places (13 days of
 *    ten-minute windows that never overlap, so one elder may hold several) and 200 relatives, each signed in
 *    and bound to 10 elders of their own (2,000 elders). PostgreSQL uses a new database `bench_<random>` on BENCH_DATABASE_URL's server (default
 *    postgres://postgres@127.0.0.1:5432/test), dropped at the end.
 * 2. The real server (`tsx server/main.ts`; WEB_CONCURRENCY=2 on PostgreSQL) runs at a fixed start time.
 * 3. After a warm-up (one booking per relative, all at once, which also opens the connections), 200 keep-alive connections, one per relative, each POST /api/bookings in a loop for 10 s: one of its
 *    elders and a random slot, a fresh Idempotency-Key per request. 201 = booked; 409 = refused (已约满, or that elder already holds that slot).
 * 4. Counted afterwards in the database: slots holding more active bookings than places (must be 0).
 * 5. server CPU / db CPU: the CPU milliseconds the server's processes and PostgreSQL's backends of the bench
 *    database spent during the 10 s, per request (scripts/process-cpu.ts; SQLite runs inside the server). Requests
 *    per second fall when other work shares the cores; these change much less, so they compare across runs.
 *    PROFILE_DIR=/tmp/prof writes V8 CPU profiles of the server processes there (server/testing/processes.ts).
 * Prints one table; exits 1 if anything was overbooked or any answer was neither 201 nor 409.
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { Agent, request } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'kysely';
import { openDatabase, prepareDatabase, type DatabaseTarget } from '../server/db';
import { features } from '../server/features';
import { newSessionToken } from '../server/lib/auth';
import { createPrivacy } from '../server/lib/privacy/crypto';
import { benchPostgresUrl, createTestDatabase } from '../server/testing/databases';
import { spawnServer } from '../server/testing/processes';
import { newUserRow } from '../server/lib/user-row';
import { cpuMs, cpuSpent, processTree } from './process-cpu';

const CONNECTIONS = 200;
const DURATION_MS = 10_000;
const SLOTS = 1_000;
/** BENCH_PLACES=0 measures refusals only, BENCH_PLACES=100 bookings only (README, Performance → bookings). */
const PLACES_PER_SLOT = Number(process.env.BENCH_PLACES ?? 2);
const ELDERS_PER_RELATIVE = 10;
/** 10:00 China time on a Thursday: the slots from the day after tomorrow on are all before their cut-off. */
const NOW = '2026-11-26T02:00:00.000Z';
const SERVICE = 'cs-bench-cleaning';

interface BenchDatabase {
  label: string;
  env: Record<string, string>;
  target: DatabaseTarget;
  drop(): Promise<void>;
}

async function createDatabase(kind: 'sqlite' | 'postgres', dir: string): Promise<BenchDatabase> {
  const database = await createTestDatabase(dir, kind, { serverUrl: benchPostgresUrl(), prefix: 'bench' });
  return kind === 'sqlite'
    ? { ...database, label: 'SQLite, 1 process' }
    : { ...database, label: 'PostgreSQL, 2 processes', env: { ...database.env, WEB_CONCURRENCY: '2' } };
}

interface Relative {
  token: string;
  elderIds: number[];
}

/** Migrates and seeds, then adds the bench service, its 1,000 slots, and 200 signed-in relatives with 10 elders each. */
async function fill(database: BenchDatabase, dataKey: string): Promise<{ slotIds: string[]; relatives: Relative[] }> {
  const db = openDatabase(database.target);
  const privacy = createPrivacy(Buffer.from(dataKey, 'hex'));
  try {
    await prepareDatabase(db, features, { privacy, now: new Date(NOW) });
    await db
      .insertInto('care_services')
      .values({
        id: SERVICE,
        service_point_id: 'sp-220681002-home-care-station-0073',
        kind: 'cleaning',
        name: '压测助洁',
        description: '压测用',
        place: 'home',
        price_fen: 5000,
        delivery_fee_fen: null,
        slot_template_json: '[]',
        weekly_menu_json: null,
        position: 999,
      })
      .execute();
    const slots = Array.from({ length: SLOTS }, (_, i) => {
      const date = new Date(Date.parse('2026-11-28T00:00:00Z') + Math.floor(i / 80) * 86_400_000).toISOString().slice(0, 10);
      const minutes = 7 * 60 + (i % 80) * 10;
      const time = (m: number) => `${String(Math.floor(m / 60)).padStart(2, '0')}:${String(m % 60).padStart(2, '0')}`;
      return {
        id: `${SERVICE}:${date}:${time(minutes).replace(':', '')}`,
        service_id: SERVICE,
        date,
        start_time: time(minutes),
        end_time: time(minutes + 10),
        capacity: PLACES_PER_SLOT,
        booked: 0,
        menu: null,
      };
    });
    for (let i = 0; i < slots.length; i += 100) await db.insertInto('care_slots').values(slots.slice(i, i + 100)).execute();

    const contacts = privacy.encrypt('[]');
    const relatives: Relative[] = [];
    for (let r = 0; r < CONNECTIONS; r += 1) {
      const user = await db
        .insertInto('users')
        .values(newUserRow({
          display_name: `压测家属${r}`,
          community_id: 'xinshi',
          created_at: NOW,
        }))
        .returning('id')
        .executeTakeFirstOrThrow();
      const { token, tokenHash } = newSessionToken();
      await db
        .insertInto('sessions')
        .values({ token_hash: tokenHash, user_id: user.id, created_at: NOW, expires_at: '2099-01-01T00:00:00.000Z', revoked_at: null })
        .execute();
      const elders = await db
        .insertInto('elder_profiles')
        .values(
          Array.from({ length: ELDERS_PER_RELATIVE }, (_, k) => ({
            user_id: null,
            name: `压测老人${r}-${k}`,
            id_number_encrypted: privacy.encrypt(`bench-${r}-${k}`),
            id_number_hash: privacy.keyedHash(`bench-elder-${r}-${k}`),
            birth_date: '1945-01-01',
            phone_encrypted: null,
            address: '临江市新市街道新市社区',
            community_id: 'xinshi',
            grid: null,
            living_situation: 'alone',
            emergency_contacts_encrypted: contacts,
            health_notes: '',
            diet: '',
            classes_json: '[]',
            dibao: 0,
            bath_assessed_on: null,
            booking_seq: 0,
            created_by: user.id,
            created_at: NOW,
          })),
        )
        .returning('id')
        .execute();
      await db
        .insertInto('elder_bindings')
        .values(
          elders.map(({ id }) => ({
            elder_id: id,
            user_id: user.id,
            relation: '子女',
            status: 'active' as const,
            code_hash: null,
            code_expires_at: null,
            code_attempts: 0,
            requested_at: NOW,
            confirmed_at: NOW,
            confirmed_by: 'worker' as const,
          })),
        )
        .execute();
      relatives.push({ token, elderIds: elders.map(({ id }) => Number(id)) });
    }
    if (database.target.kind === 'postgres') await sql`analyze`.execute(db);
    return { slotIds: slots.map((slot) => slot.id), relatives };
  } finally {
    await db.destroy();
  }
}

interface LoadResult {
  booked: number;
  refused: number;
  other: number;
  /** Status → count of the answers that were neither 201 nor 409 (0 = no answer). */
  otherStatuses: Record<number, number>;
  latencies: number[];
}

type Post = (token: string, body: string, key: string) => Promise<number>;

/** POST /api/bookings on the agent's keep-alive connections; resolves with the status (0 = no answer). */
function poster(base: string, agent: Agent): Post {
  const url = new URL(base);
  return (token, body, key) =>
    new Promise<number>((resolve) => {
      const req = request(
        {
          agent,
          host: url.hostname,
          port: url.port,
          method: 'POST',
          path: '/api/bookings',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body), 'idempotency-key': key },
        },
        (response) => {
          response.resume();
          response.on('end', () => resolve(response.statusCode ?? 0));
        },
      );
      req.on('error', () => resolve(0));
      req.end(body);
    });
}

/** 200 connections, one per relative, each booking in a loop until the time is up. */
async function load(post: Post, relatives: Relative[], slotIds: string[]): Promise<LoadResult> {
  const result: LoadResult = { booked: 0, refused: 0, other: 0, otherStatuses: {}, latencies: [] };
  const deadline = Date.now() + DURATION_MS;
  let sequence = 0;
  await Promise.all(
    relatives.map(async ({ token, elderIds }) => {
      while (Date.now() < deadline) {
        sequence += 1;
        const elderId = elderIds[Math.floor(Math.random() * elderIds.length)];
        const slotId = slotIds[Math.floor(Math.random() * slotIds.length)];
        const started = performance.now();
        const status = await post(token, JSON.stringify({ elderId, slotId }), `bench-${sequence.toString().padStart(8, '0')}`);
        result.latencies.push(performance.now() - started);
        if (status === 201) result.booked += 1;
        else if (status === 409) result.refused += 1;
        else {
          result.other += 1;
          result.otherStatuses[status] = (result.otherStatuses[status] ?? 0) + 1;
        }
      }
    }),
  );
  return result;
}

/** Slots holding more active bookings than places, and places counted wrongly: both must be 0. */
async function overCapacity(target: DatabaseTarget): Promise<{ over: number; miscounted: number; bookings: number }> {
  const db = openDatabase(target);
  try {
    const rows = await db
      .selectFrom('care_slots')
      .leftJoin('bookings', (join) => join.onRef('bookings.slot_id', '=', 'care_slots.id').on('bookings.status', 'in', ['booked', 'confirmed']))
      .select(['care_slots.id', 'care_slots.capacity', 'care_slots.booked', (eb) => eb.fn.count<number>('bookings.id').as('active')])
      .where('care_slots.service_id', '=', SERVICE)
      .groupBy(['care_slots.id', 'care_slots.capacity', 'care_slots.booked'])
      .execute();
    return {
      over: rows.filter((r) => Number(r.active) > r.capacity || r.booked > r.capacity).length,
      miscounted: rows.filter((r) => Number(r.active) !== r.booked).length,
      bookings: rows.reduce((sum, r) => sum + Number(r.active), 0),
    };
  } finally {
    await db.destroy();
  }
}

/** The database's server processes serving this database (PostgreSQL's backends; none for SQLite, which runs inside the server). */
async function backendPids(target: DatabaseTarget): Promise<number[]> {
  if (target.kind !== 'postgres') return [];
  const db = openDatabase(target);
  try {
    const { rows } = await sql<{ pid: number }>`select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()`.execute(db);
    return rows.map((r) => Number(r.pid));
  } finally {
    await db.destroy();
  }
}

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((sorted.length * p) / 100))] ?? 0;

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'linjiang-bench-booking-'));
  const dataKey = randomBytes(32).toString('hex');
  const lines: string[] = [];
  let failed = false;
  try {
    // BENCH_ONLY=sqlite|postgres runs one of the two (to look into one); the default runs both.
    const kinds = (['sqlite', 'postgres'] as const).filter((k) => !process.env.BENCH_ONLY || process.env.BENCH_ONLY === k);
    for (const kind of kinds) {
      const database = await createDatabase(kind, dir);
      try {
        console.log(`${database.label}: building ${SLOTS} slots of ${PLACES_PER_SLOT} places, ${CONNECTIONS} relatives with ${ELDERS_PER_RELATIVE} elders each …`);
        const { slotIds, relatives } = await fill(database, dataKey);
        const server = await spawnServer({ ...database.env, DATA_KEY: dataKey, STATIC_DIR: join(dir, 'none'), CLOCK_START: NOW });
        try {
          // Warm-up: one booking per relative, all at once, on the connections the load then uses. Every pooled
          // database connection is then open and has prepared the statements (one at a time would warm one per
          // process), the code paths are compiled, and the 200 HTTP connections are accepted: a busy Node server
          // accepts one new connection per turn of its event loop (libuv#3696), so opening them during the 10 s
          // measured that wait instead of bookings (README, Performance → bookings).
          const agent = new Agent({ keepAlive: true, maxSockets: CONNECTIONS });
          const post = poster(server.url, agent);
          const warmUps = await Promise.all(
            relatives.map((relative, i) =>
              post(relative.token, JSON.stringify({ elderId: relative.elderIds[0], slotId: slotIds[i % slotIds.length] }), `warm-up-${String(i).padStart(4, '0')}`),
            ),
          );
          const warmed = warmUps.filter((status) => status === 201).length;
          console.log(`  warm-up: ${warmed} bookings at once; then ${CONNECTIONS} connections booking for ${DURATION_MS / 1000} s …`);
          const serverPids = processTree(server.child.pid!);
          const serverBefore = cpuMs(serverPids);
          const databaseBefore = cpuMs(await backendPids(database.target));
          const result = await load(post, relatives, slotIds);
          agent.destroy();
          const serverCpu = cpuSpent(serverBefore, cpuMs(serverPids));
          const databaseCpu = cpuSpent(databaseBefore, cpuMs(await backendPids(database.target)));
          const check = await overCapacity(database.target);
          if (result.other > 0) console.log(`  answers other than 201/409 (status: count): ${JSON.stringify(result.otherStatuses)}`);
          if (result.other > 0) console.log(server.output().split('\n').filter((l) => l.includes('"level":50') || l.includes('"level":40')).slice(0, 5).join('\n'));
          const sorted = [...result.latencies].sort((a, b) => a - b);
          const perRequest = (ms: number) => (ms / result.latencies.length).toFixed(2);
          const seconds = DURATION_MS / 1000;
          lines.push(
            `| ${database.label.padEnd(24)} | ${(result.latencies.length / seconds).toFixed(0).padStart(6)} | ${(result.booked / seconds).toFixed(0).padStart(10)} | ${percentile(sorted, 50).toFixed(0).padStart(6)} | ${percentile(sorted, 99).toFixed(0).padStart(6)} | ${String(result.booked).padStart(6)} | ${String(result.refused).padStart(7)} | ${String(result.other).padStart(5)} | ${String(check.over).padStart(13)} | ${perRequest(serverCpu).padStart(10)} | ${(database.target.kind === 'postgres' ? perRequest(databaseCpu) : '–').padStart(8)} |`,
          );
          if (check.over > 0 || check.miscounted > 0 || result.other > 0 || check.bookings !== result.booked + warmed) failed = true;
        } finally {
          await server.stop();
        }
      } finally {
        await database.drop();
      }
    }
    console.log('');
    console.log(`${SLOTS} slots × ${PLACES_PER_SLOT} places, ${CONNECTIONS} relatives × ${ELDERS_PER_RELATIVE} elders, ${CONNECTIONS} connections, ${DURATION_MS / 1000} s each; latency in ms, CPU in ms per request`);
    console.log(`| ${'server'.padEnd(24)} | ${'req/s'.padStart(6)} | ${'bookings/s'.padStart(10)} | ${'p50'.padStart(6)} | ${'p99'.padStart(6)} | ${'booked'.padStart(6)} | ${'refused'.padStart(7)} | ${'other'.padStart(5)} | ${'over capacity'.padStart(13)} | ${'server CPU'.padStart(10)} | ${'db CPU'.padStart(8)} |`);
    console.log(`|${'-'.repeat(26)}|${'-'.repeat(8)}|${'-'.repeat(12)}|${'-'.repeat(8)}|${'-'.repeat(8)}|${'-'.repeat(8)}|${'-'.repeat(9)}|${'-'.repeat(7)}|${'-'.repeat(15)}|${'-'.repeat(12)}|${'-'.repeat(10)}|`);
    for (const line of lines) console.log(line);
    console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1 / 5 / 15 min)`);
    if (failed) {
      console.error('FAILED: a slot was overbooked, places were miscounted, or an answer was neither 201 nor 409');
      process.exitCode = 1;
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
