/**
 * `npm run bench:directory` — how fast GET /api/services answers "what is near here" with a big
 * directory, beside the ceiling of a bare node:http server on the same machine.
 *
 * 1. A child process builds the real app on a temporary SQLite file, adds 50,000 generated points
 *    (spread like a big city, see generateBenchPoints) and listens on 127.0.0.1:0.
 * 2. autocannon (in this process) sends 50 concurrent connections for 10 s of
 *    GET /api/services?lat&lng&radius at positions that change with every request.
 * 3. The same against a child answering a constant JSON with node:http.
 * Servers and load generator run in separate processes so they do not share one event loop.
 * Prints one table; stops by itself and removes its temporary files.
 */
import autocannon, { type Result } from 'autocannon';
import { fork, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:http';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import townsFile from '../seeds/towns.json';
import { createRandom, generateBenchPoints } from './seeds/service-point-generator';

const POINTS = 50_000;
const CONNECTIONS = 50;
const DURATION_SECONDS = 10;
const RADIUS_METRES = 1125;

type ChildMessage = { port: number; note?: string };

/** Child: the real app with the benchmark data. */
async function serveDirectory(dir: string): Promise<void> {
  const { buildApp } = await import('../server/app');
  const { loadConfig } = await import('../server/config');
  const { insertServicePoints } = await import('../server/features/directory/seed');
  const { sql } = await import('kysely');
  const config = loadConfig(
    { DATABASE_PATH: join(dir, 'bench.sqlite'), DATA_KEY: randomBytes(32).toString('hex'), STATIC_DIR: join(dir, 'none') },
    dir,
  );
  const app = await buildApp({ config, logger: false });
  const started = Date.now();
  await app.db.transaction().execute((trx) => insertServicePoints(trx, generateBenchPoints(POINTS)));
  const count = await app.db.selectFrom('service_points').select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  // The shape of findNearby's query (server/features/directory/queries.ts), to show the index it uses.
  const plan = await sql<{ detail: string }>`explain query plan select id, subcategory_id, lat, lng from service_points
    where grid_row in (16723, 16724, 16725) and grid_col >= 50766 and grid_col <= 50770
    and lat >= 41.80 and lat <= 41.82 and lng >= 126.91 and lng <= 126.94`.execute(app.db);
  await app.listen({ host: '127.0.0.1', port: 0 });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  const note = `${Number(count.n)} points (loaded in ${((Date.now() - started) / 1000).toFixed(1)} s); plan: ${plan.rows.map((r) => r.detail).join(' | ')}`;
  process.send!({ port, note } satisfies ChildMessage);
}

/** Child: the ceiling — node:http answering a constant. */
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

function startChild(mode: string, ...args: string[]): Promise<{ child: ChildProcess; message: ChildMessage }> {
  const child = fork(__filename, [mode, ...args], { execArgv: process.execArgv, stdio: 'inherit' });
  return new Promise((resolvePromise, reject) => {
    child.once('message', (message) => resolvePromise({ child, message: message as ChildMessage }));
    child.once('exit', (code) => reject(new Error(`${mode} exited early with code ${code}`)));
  });
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

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'linjiang-bench-'));
  const children: ChildProcess[] = [];
  try {
    console.log(`Building the directory with ${POINTS.toLocaleString('en')} generated points …`);
    const directory = await startChild('--serve-directory', dir);
    children.push(directory.child);
    console.log(directory.message.note);
    const base = `http://127.0.0.1:${directory.message.port}`;
    const paths = positions();

    // What a typical answer holds (also warms the server up).
    let items = 0;
    let full = 0;
    for (const path of paths.slice(0, 200)) {
      const page = (await (await fetch(base + path)).json()) as { items: unknown[] };
      items += page.items.length;
      if (page.items.length === 20) full += 1;
    }
    console.log(`sample of 200 requests: ${(items / 200).toFixed(1)} items per page on average, ${full} full pages of 20`);

    console.log(`GET /api/services?lat&lng&radius=${RADIUS_METRES}: ${CONNECTIONS} connections, ${DURATION_SECONDS} s …`);
    const api = await load(base, paths);
    directory.child.kill();

    const bare = await startChild('--serve-constant');
    children.push(bare.child);
    console.log(`bare node:http constant: ${CONNECTIONS} connections, ${DURATION_SECONDS} s …`);
    const ceiling = await load(`http://127.0.0.1:${bare.message.port}`, ['/']);
    bare.child.kill();

    const row = (name: string, r: Result) =>
      `| ${name.padEnd(34)} | ${r.requests.average.toFixed(0).padStart(8)} | ${r.latency.p50.toFixed(1).padStart(7)} | ${r.latency.p99.toFixed(1).padStart(7)} | ${String(r.non2xx + r.errors + r.timeouts).padStart(6)} |`;
    console.log('');
    console.log(`| ${'server'.padEnd(34)} | ${'req/s'.padStart(8)} | ${'p50 ms'.padStart(7)} | ${'p99 ms'.padStart(7)} | ${'errors'.padStart(6)} |`);
    console.log(`|${'-'.repeat(36)}|${'-'.repeat(10)}|${'-'.repeat(9)}|${'-'.repeat(9)}|${'-'.repeat(8)}|`);
    console.log(row(`GET /api/services (${POINTS / 1000}k points)`, api));
    console.log(row('bare node:http, constant', ceiling));
    console.log(`\nthroughput ratio directory / bare: ${((api.requests.average / ceiling.requests.average) * 100).toFixed(1)} %`);
    // Other work on the machine shifts both rows; the ratio is the steadier figure.
    console.log(`machine: ${cpus().length} cores, load average ${loadavg().map((l) => l.toFixed(1)).join(' / ')} (1 / 5 / 15 min)`);
    if (api.non2xx + api.errors + api.timeouts > 0) process.exitCode = 1;
  } finally {
    for (const child of children) if (child.exitCode === null) child.kill();
    rmSync(dir, { recursive: true, force: true });
  }
}

const [mode, arg] = process.argv.slice(2);
if (mode === '--serve-directory') void serveDirectory(arg);
else if (mode === '--serve-constant') serveConstant();
else
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
