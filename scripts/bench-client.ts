/**
 * `npm run bench:client` — how soon the h5 app shows a returning user the 服务 tab, in Chromium at 390×844 on
 * the real server (e2e/harness.ts) with the build in dist-h5/ (it builds nothing: run `npm run build:h5` first).
 *
 *   npm run bench:client                 5 loads per row, the median printed
 *   npm run bench:client -- --runs=3
 *   npm run bench:client -- --dist=/tmp/old-build     another build folder (e.g. a copy kept from before a change)
 *
 * Rows, for the returning user who measures from a chosen 社区: no throttling; 4× CPU slowdown on localhost (a
 * cheap phone); 400 kbps with 400 ms latency (a weak 4G signal in a 乡镇), with an empty HTTP cache and again with
 * the cache of the load before; then, unthrottled and at 4× CPU, the returning user who measures from their own
 * position (Chromium grants it and answers at once). Columns: first paint
 * (first contentful paint: the skeleton of index.html, or the app's first text), the app's page drawn, the
 * first service card on screen, requests, bytes on the wire, and how many list requests (GET /api/services)
 * one load made. Then the size of the JavaScript the 服务 route loads, as sent (brotli) and plain.
 */
import { loadavg } from 'node:os';
import path from 'node:path';
import { DIST, kb, loadServices, requireBuild, scriptSizes, startReturningUser, type Load, type ReturningUser, type Throttle } from './h5/first-route';

const CHEAP_PHONE: Throttle = { cpu: 4, network: null };
const WEAK_SIGNAL: Throttle = { cpu: 1, network: { latencyMs: 400, bitsPerSecond: 400_000 } };
const ROWS: { label: string; user: ReturningUser; throttle: Throttle; cold: boolean }[] = [
  { label: '社区 user, no throttling, empty cache', user: 'community', throttle: { cpu: 1, network: null }, cold: true },
  { label: '社区 user, 4× CPU, empty cache', user: 'community', throttle: CHEAP_PHONE, cold: true },
  { label: '社区 user, 400 kbps / 400 ms, empty cache', user: 'community', throttle: WEAK_SIGNAL, cold: true },
  { label: '社区 user, 400 kbps / 400 ms, cached', user: 'community', throttle: WEAK_SIGNAL, cold: false },
  { label: 'location user, no throttling, empty cache', user: 'location', throttle: { cpu: 1, network: null }, cold: true },
  { label: 'location user, 4× CPU, empty cache', user: 'location', throttle: CHEAP_PHONE, cold: true },
];

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(2)} s`;

async function main(): Promise<void> {
  const option = (name: string) => process.argv.find((a) => a.startsWith(`--${name}=`))?.slice(name.length + 3);
  const runs = Number(option('runs') ?? 5);
  const dist = path.resolve(option('dist') ?? DIST);
  requireBuild(dist);
  console.log(`bench:client — ${dist}, ${runs} loads per row, medians; load average ${loadavg()[0].toFixed(1)} at the start`);
  // One browser per kind of user, both up for the whole run.
  const apps = { community: await startReturningUser(dist, 'community'), location: await startReturningUser(dist, 'location') };
  const loads = ROWS.map(() => [] as Load[]);
  try {
    // Rows interleaved run by run, so a burst of load on the machine does not fall on one row only.
    for (let run = 0; run < runs; run += 1) {
      for (const [i, row] of ROWS.entries()) loads[i].push(await loadServices(apps[row.user], row.throttle, row.cold));
    }
  } finally {
    await Promise.all(Object.values(apps).map((app) => app.close()));
  }

  const header = ['服务 tab, returning user', 'first paint', 'app drawn', 'first card', 'requests', 'on the wire', 'list requests'];
  const lines = ROWS.map((row, i) => {
    const of = (pick: (load: Load) => number) => median(loads[i].map(pick));
    return [
      row.label,
      seconds(of((l) => l.firstPaintMs)),
      seconds(of((l) => l.appMs)),
      seconds(of((l) => l.firstCardMs)),
      String(of((l) => l.requests)),
      kb(of((l) => l.wireBytes)),
      String(of((l) => l.servicesRequests)),
    ];
  });
  console.log(`\n| ${header.join(' | ')} |\n|${header.map((_, i) => (i ? '---:' : '---')).join('|')}|`);
  for (const line of lines) console.log(`| ${line.join(' | ')} |`);

  const firstRoute = scriptSizes(loads[0][0].scripts, dist);
  console.log(
    `\nJavaScript of the 服务 route: ${firstRoute.files} files, ${kb(firstRoute.br)} as sent (brotli), ` +
      `${kb(firstRoute.gzip)} gzip, ${kb(firstRoute.raw)} plain (goal: ≤ 150 KB as sent)`,
  );
  console.log(`load average ${loadavg()[0].toFixed(1)} at the end`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
