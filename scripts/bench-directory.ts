/**
 * `npm run bench:directory` — how fast GET /api/services answers "what is near here" with a big
 * directory, beside a Fastify route answering a constant page of the same size on the same machine.
 *
 *   npm run bench:directory                                   SQLite and bare node:http
 *   npm run bench:directory -- --db=postgres                  … and PostgreSQL (one server process)
 *   npm run bench:directory -- --db=postgres --workers=2      … and PostgreSQL with 1 and with 2 processes
 *
 * 1. Each database gets 50,000 generated points (spread like a big city, see generateBenchPoints) written
 *    by this process; PostgreSQL uses a new database `bench_<random>` on BENCH_DATABASE_URL's server
 *    (default postgres://postgres@127.0.0.1:5432/test), dropped at the end.
 * 2. The real server (`tsx server/main.ts`, WEB_CONCURRENCY workers on PostgreSQL) serves it on 127.0.0.1.
 * 3. autocannon (in this process) sends 50 concurrent connections for 10 s of
 *    GET /api/services?lat&lng&radius at positions that change with every request.
 * 4. The same against two children answering a constant: a Fastify route sending a real 20-item page of the
 *    run (≈ 10.8 KB, the JSON already serialized: the framework's ceiling for an answer of that size, which
 *    issue 12 measures the directory against), and bare node:http with a 45-byte body (limited by the load
 *    generator on the other core; a reference only).
 * Servers and load generator run in separate processes so they do not share one event loop.
 *
 *   npm run bench:directory -- --profile=DIR                  … each server writes a CPU profile into DIR/<db>-<workers>/
 *   npm run bench:directory -- --plain                        … without the keyword rows
 * Prints one table; stops by itself and removes its temporary files and database.
 */
import autocannon, { type Result } from 'autocannon';
import { sql } from 'kysely';
import Fastify from 'fastify';
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import townsFile from '../seeds/towns.json';
import { openDatabase, prepareDatabase } from '../server/db';
import { features } from '../server/features';
import { insertServicePoints } from '../server/features/directory/seed';
import { createPrivacy } from '../server/lib/privacy/crypto';
import { benchPostgresUrl, createTestDatabase } from '../server/testing/databases';
import { spawnServer } from '../server/testing/processes';
import { createRandom, generateBenchPoints } from './seeds/service-point-generator';

const POINTS = 50_000;
const CONNECTIONS = 50;
const DURATION_SECONDS = 10;
const RADIUS_METRES = 1125;

type ChildMessage = { port: number };

interface BenchDatabase {
  label: string;
  env: Record<string, string>;
  drop(): Promise<void>;
}

/** A database of `kind` holding the migrated schema, the seeds and the generated points; says what it made. */
async function buildDatabase(kind: 'sqlite' | 'postgres', dir: string, dataKey: string): Promise<BenchDatabase> {
  const database = await createTestDatabase(dir, kind, { serverUrl: benchPostgresUrl(), prefix: 'bench' });
  const db = openDatabase(database.target);
  try {
    const started = Date.now();
    await prepareDatabase(db, features, { privacy: createPrivacy(Buffer.from(dataKey, 'hex')), now: new Date() });
    await db.transaction().execute((trx) => insertServicePoints(trx, generateBenchPoints(POINTS)));
    if (kind === 'postgres') await sql`analyze`.execute(db);
    const count = await db.selectFrom('service_points').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    // The shape of findNearby's query (server/features/directory/queries.ts), to show the index it uses.
    const query = sql`select id, subcategory_id, lat, lng from service_points
      where grid_row in (16723, 16724, 16725) and grid_col >= 50766 and grid_col <= 50770
      and lat >= 41.80 and lat <= 41.82 and lng >= 126.91 and lng <= 126.94`;
    const plan =
      kind === 'sqlite'
        ? (await sql<{ detail: string }>`explain query plan ${query}`.execute(db)).rows.map((r) => r.detail)
        : (await sql<{ 'QUERY PLAN': string }>`explain ${query}`.execute(db)).rows.map((r) => r['QUERY PLAN'].trim());
    console.log(`${kind}: ${Number(count.n)} points (loaded in ${((Date.now() - started) / 1000).toFixed(1)} s); plan: ${plan.join(' | ')}`);
    // The keyword index (server/features/directory/search-index.ts): one word's pairs looked up by the primary key.
    const termQuery = sql`select point_id from service_point_terms where term in ('药店', '大药', '药房') group by point_id having count(*) = 1`;
    const termPlan =
      kind === 'sqlite'
        ? (await sql<{ detail: string }>`explain query plan ${termQuery}`.execute(db)).rows.map((r) => r.detail)
        : (await sql<{ 'QUERY PLAN': string }>`explain ${termQuery}`.execute(db)).rows.map((r) => r['QUERY PLAN'].trim());
    const terms = await db.selectFrom('service_point_terms').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
    console.log(`${kind}: ${Number(terms.n)} index terms; keyword plan: ${termPlan.join(' | ')}`);
  } finally {
    await db.destroy();
  }
  return { label: kind === 'sqlite' ? 'SQLite' : 'PostgreSQL', env: database.env, drop: database.drop };
}

/** Child: the reference — node:http answering a 45-byte constant. */
function serveConstant(): void {
  const body = JSON.stringify({ items: [], nextCursor: null, origin: null });
  const server = createServer((_request, response) => {
    response.writeHead(200, { 'content-type': 'application/json; charset=utf-8', 'content-length': Buffer.byteLength(body) });
    response.end(body);
  });
  server.listen(0, '127.0.0.1', () => {
    const address = server.address();
    process.send!({ port: typeof address === 'object' && address ? address.port : 0 } satisfies ChildMessage);
  });
}

/** Child: a Fastify route answering the JSON text in `file` (a real page of the run) as it is. */
function serveFastifyConstant(file: string): void {
  const body = readFileSync(file, 'utf8');
  const app = Fastify({ logger: false });
  app.get('/', (_request, reply) => reply.type('application/json; charset=utf-8').send(body));
  app.listen({ port: 0, host: '127.0.0.1' }).then(
    () => {
      const address = app.server.address();
      process.send!({ port: typeof address === 'object' && address ? address.port : 0 } satisfies ChildMessage);
    },
    (error: unknown) => {
      console.error(error);
      process.exit(1);
    },
  );
}

function startChild(mode: string, ...args: string[]): Promise<{ child: ChildProcess; message: ChildMessage }> {
  const child = fork(__filename, [mode, ...args], { execArgv: process.execArgv, stdio: 'inherit' });
  return new Promise((resolvePromise, reject) => {
    child.once('message', (message) => resolvePromise({ child, message: message as ChildMessage }));
    child.once('exit', (code) => reject(new Error(`${mode} exited early with code ${code}`)));
  });
}

/** Everyday words for the keyword case (see config/domain/search-synonyms.json): each looked up in the term index. */
const KEYWORDS = ['药店', '长者食堂', '超市', '医院', '理发', 'yd', '新市 便利店', '快递'];

/** The same positions, each with a keyword: GET /api/services?lat&lng&radius&q. */
function keywordPaths(paths: string[]): string[] {
  return paths.map((path, i) => `${path}&q=${encodeURIComponent(KEYWORDS[i % KEYWORDS.length])}`);
}

/** Positions near the towns (most) and anywhere in 临江 (some), a fresh one for every request. */
function positions(): string[] {
  const random = createRandom(42);
  return Array.from({ length: 2000 }, () => {
    const town = random.pick(townsFile.towns);
    const nearTown = random.next() < 0.7;
    const lat = nearTown ? town.lat + (random.next() - 0.5) * 0.04 : 41.65 + random.next() * 0.45;
    const lng = nearTown ? town.lng + (random.next() - 0.5) * 0.05 : 126.6 + random.next() * 0.8;
    return `/api/services?lat=${lat.toFixed(5)}&lng=${lng.toFixed(5)}&radius=${RADIUS_METRES}`;
  });
}

async function load(url: string, paths: string[]) {
  let next = 0;
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: DURATION_SECONDS,
    requests: [{ method: 'GET', setupRequest: (request) => ({ ...request, path: paths[next++ % paths.length] }) }],
  });
}

interface Options {
  postgres: boolean;
  workers: number;
  /** A folder for the servers' CPU profiles (node --cpu-prof), or null. */
  profileDir: string | null;
  /** Leave out the keyword rows. */
  plain: boolean;
}

function parseOptions(args: string[]): Options {
  const options: Options = { postgres: false, workers: 1, profileDir: null, plain: false };
  for (const arg of args) {
    const [name, value] = arg.replace(/^--/, '').split('=');
    if (name === 'db' && (value === 'postgres' || value === 'sqlite')) options.postgres = value === 'postgres';
    else if (name === 'workers' && /^[1-8]$/.test(value ?? '')) options.workers = Number(value);
    else if (name === 'profile' && value) options.profileDir = resolve(value);
    else if (name === 'plain' && value === undefined) options.plain = true;
    else throw new Error(`unknown option ${arg} (use --db=postgres, --workers=1…8, --profile=DIR, --plain)`);
  }
  return options;
}

/**
 * A preload script that profiles the process it runs in (node --cpu-prof, which NODE_OPTIONS refuses, through
 * node:inspector) and writes `<pid>.cpuprofile` into `outDir` when it is told to stop or exits; open it in
 * Chrome DevTools.
 */
function profileHook(dir: string, outDir: string): string {
  mkdirSync(outDir, { recursive: true });
  const file = join(dir, `profile-hook-${Date.now()}.cjs`);
  writeFileSync(
    file,
    `const inspector = require('node:inspector');
const session = new inspector.Session();
session.connect();
session.post('Profiler.enable');
session.post('Profiler.start');
let written = false;
function write() {
  if (written) return;
  written = true;
  session.post('Profiler.stop', (error, result) => {
    if (!error) require('node:fs').writeFileSync(${JSON.stringify(outDir)} + '/' + process.pid + '.cpuprofile', JSON.stringify(result.profile));
  });
}
// At the stop signal already: a server that takes long to close may be killed before it exits.
process.prependListener('SIGTERM', write);
process.on('exit', write);
`,
  );
  return file;
}

/** A full page of 20 from the run's positions: the body the Fastify constant row sends. */
async function samplePage(base: string, paths: string[]): Promise<string> {
  for (const path of paths) {
    const body = await (await fetch(base + path)).text();
    if ((JSON.parse(body) as { items: unknown[] }).items.length === 20) return body;
  }
  throw new Error('no full page among the positions');
}

/** Loads one running server with the directory requests, after a warm-up that also says what answers hold. */
async function measure(base: string, paths: string[]): Promise<Result> {
  let items = 0;
  let full = 0;
  for (const path of paths.slice(0, 200)) {
    const page = (await (await fetch(base + path)).json()) as { items: unknown[] };
    items += page.items.length;
    if (page.items.length === 20) full += 1;
  }
  console.log(`  sample of 200 requests: ${(items / 200).toFixed(1)} items per page on average, ${full} full pages of 20`);
  console.log(`  ${paths[0].split('?')[0]}?${paths[0].includes('&q=') ? 'lat&lng&radius&q' : 'lat&lng&radius'} (radius ${RADIUS_METRES}): ${CONNECTIONS} connections, ${DURATION_SECONDS} s …`);
  return load(base, paths);
}

async function main(options: Options): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'linjiang-bench-'));
  const dataKey = randomBytes(32).toString('hex');
  const databases: BenchDatabase[] = [];
  const rows: Array<{ name: string; result: Result }> = [];
  const children: ChildProcess[] = [];
  let page: string | undefined;
  try {
    const paths = positions();
    const kinds: Array<'sqlite' | 'postgres'> = options.postgres ? ['sqlite', 'postgres'] : ['sqlite'];
    for (const kind of kinds) {
      console.log(`Building the ${kind} directory with ${POINTS.toLocaleString('en')} generated points …`);
      const database = await buildDatabase(kind, dir, dataKey);
      databases.push(database);
      const workerCounts = kind === 'postgres' ? [...new Set([1, options.workers])] : [1];
      for (const workers of workerCounts) {
        const server = await spawnServer({
          ...database.env,
          DATA_KEY: dataKey,
          STATIC_DIR: join(dir, 'none'),
          ...(workers > 1 ? { WEB_CONCURRENCY: String(workers) } : {}),
          ...(options.profileDir ? { NODE_OPTIONS: `--require ${profileHook(dir, join(options.profileDir, `${kind}-${workers}`))}` } : {}),
        });
        try {
          const name = `${database.label}${kind === 'postgres' ? `, ${workers} process${workers > 1 ? 'es' : ''}` : ''}`;
          console.log(`${name}:`);
          page ??= await samplePage(server.url, paths);
          rows.push({ name: `GET /api/services, ${name}`, result: await measure(server.url, paths) });
          if (!options.plain) rows.push({ name: `  … with a keyword (q), ${name}`, result: await measure(server.url, keywordPaths(paths)) });
        } finally {
          await server.stop();
        }
      }
    }

    const pageFile = join(dir, 'page.json');
    writeFileSync(pageFile, page!);
    const fastify = await startChild('--serve-fastify-constant', pageFile);
    children.push(fastify.child);
    console.log(`Fastify constant JSON (${(Buffer.byteLength(page!) / 1024).toFixed(1)} KB): ${CONNECTIONS} connections, ${DURATION_SECONDS} s …`);
    const fastifyConstant = await load(`http://127.0.0.1:${fastify.message.port}`, ['/']);
    fastify.child.kill();
    rows.push({ name: `Fastify, constant JSON of ${(Buffer.byteLength(page!) / 1024).toFixed(1)} KB`, result: fastifyConstant });

    const bare = await startChild('--serve-constant');
    children.push(bare.child);
    console.log(`bare node:http constant: ${CONNECTIONS} connections, ${DURATION_SECONDS} s …`);
    const bareResult = await load(`http://127.0.0.1:${bare.message.port}`, ['/']);
    bare.child.kill();
    rows.push({ name: 'bare node:http, constant (45 bytes)', result: bareResult });

    // The goal (issue 12): GET /api/services at ≥ 40 % of the Fastify constant's req/s, p99 ≤ 30 ms.
    const ofFastify = (r: Result) => `${((r.requests.average / fastifyConstant.requests.average) * 100).toFixed(1)} %`;
    const row = (name: string, r: Result) =>
      `| ${name.padEnd(44)} | ${r.requests.average.toFixed(0).padStart(8)} | ${r.latency.p50.toFixed(1).padStart(7)} | ${r.latency.p99.toFixed(1).padStart(7)} | ${String(r.non2xx + r.errors + r.timeouts).padStart(6)} | ${ofFastify(r).padStart(17)} |`;
    console.log('');
    console.log(`${(POINTS / 1000).toFixed(0)}k points, radius ${RADIUS_METRES} m, ${CONNECTIONS} connections, ${DURATION_SECONDS} s each`);
    console.log(`| ${'server'.padEnd(44)} | ${'req/s'.padStart(8)} | ${'p50 ms'.padStart(7)} | ${'p99 ms'.padStart(7)} | ${'errors'.padStart(6)} | ${'of fastify-const'.padStart(17)} |`);
    console.log(`|${'-'.repeat(46)}|${'-'.repeat(10)}|${'-'.repeat(9)}|${'-'.repeat(9)}|${'-'.repeat(8)}|${'-'.repeat(19)}|`);
    for (const { name, result } of rows) console.log(row(name, result));
    // Other work on the machine shifts every row; the ratios are the steadier figures.
    console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1 / 5 / 15 min)`);
    if (rows.some(({ result }) => result.non2xx + result.errors + result.timeouts > 0)) process.exitCode = 1;
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill();
    for (const database of databases) await database.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === '--serve-constant') serveConstant();
else if (process.argv[2] === '--serve-fastify-constant') serveFastifyConstant(process.argv[3]);
else
  main(parseOptions(process.argv.slice(2))).catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
