/// <reference lib="dom" />
/**
 * One load of the 服务 tab in Chromium as a returning user, measured — shared by `npm run bench:client`
 * (scripts/bench-client.ts) and the size check of the first route's JavaScript (scripts/h5/size-check.ts).
 *
 * The user is made "returning" the way a person does it (e2e/directory-steps.ts): first launch, consent, 找服务,
 * location allowed, a 社区 chosen. Each measured load then opens a new tab with the HTTP cache emptied (or kept,
 * for a warm load) and the browser's storage kept — consent, the 社区, the location's permission, whatever the
 * app remembers.
 * Times are read inside the page from its navigation start, so the round trips of the driver do not count.
 */
import fs from 'node:fs';
import path from 'node:path';
// Renamed: a journey step, not a React hook (the hook lint rule goes by the name).
import { firstLaunch, GPS, useMyLocation as allowMyLocation } from '../../e2e/directory-steps';
import { ROOT, startApp, type App } from '../../e2e/harness';

export const DIST = path.join(ROOT, 'dist-h5');
export const SERVICES_PATH = '/#/pages/services/index';
const CARD = '[id^="service-card-"]';

export interface Throttle {
  /** Chromium's CPU slowdown factor (1 = none). */
  cpu: number;
  /** null = no network emulation; otherwise added round-trip latency and bandwidth in bits per second. */
  network: { latencyMs: number; bitsPerSecond: number } | null;
}

export interface Load {
  /** First contentful paint (the inline skeleton when there is one, else the app's first text). */
  firstPaintMs: number;
  /** The app's page drawn (its #page-root). */
  appMs: number;
  /** First service card on screen. */
  firstCardMs: number;
  requests: number;
  /** Bytes received (headers and bodies, as encoded on the wire). */
  wireBytes: number;
  servicesRequests: number;
  /** Paths of the JavaScript files the load fetched from our origin (from the network or the cache). */
  scripts: string[];
}

/**
 * Runs in the page before its own scripts: notes when the app and the first card are first drawn (the frame
 * after the DOM change is when it is on screen) and the first contentful paint. Kept as text: tsx would wrap
 * a compiled function's inner functions in a helper the page does not have.
 */
const RECORD_TIMINGS = `
  const marks = (window.__benchMarks = {});
  const markAtNextFrame = (name) => requestAnimationFrame(() => { if (!(name in marks)) marks[name] = performance.now(); });
  new MutationObserver(() => {
    if (!('app' in marks) && document.querySelector('#page-root')) markAtNextFrame('app');
    if (!('card' in marks) && document.querySelector('${CARD}')) markAtNextFrame('card');
  }).observe(document, { childList: true, subtree: true });
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) if (entry.name === 'first-contentful-paint') marks.paint = entry.startTime;
  }).observe({ type: 'paint', buffered: true });
`;

/** How the returning user's distances are measured: from the 社区 they chose, or from their own position. */
export type ReturningUser = 'community' | 'location';

/**
 * Starts the real server (serving the build in `dist`) and Chromium, and makes its user a returning one on the
 * 服务 tab with location granted and — the 社区 user — 新市社区 chosen, or — the location user — measuring from
 * where they are (the most common user: consent given, 使用我的位置 tapped once).
 */
export async function startReturningUser(dist = DIST, user: ReturningUser = 'community'): Promise<App> {
  const app = await startApp({ geolocation: { latitude: GPS.lat, longitude: GPS.lng }, serverEnv: { STATIC_DIR: dist } });
  try {
    await firstLaunch(app, false);
    await allowMyLocation(app);
    if (user === 'community') {
      // And a 社区 of their own (更换 → 选择社区 → 新市街道 → 新市社区): both remembered, as issue 12 found the
      // returning user whose list was fetched twice.
      await app.tap('origin-change');
      await app.tap('origin-choose-community');
      await app.tap('town-220681002');
      await app.tap('community-xinshi');
    }
    await app.page.locator(CARD).first().waitFor({ timeout: 90_000 });
    await app.context.addInitScript({ content: RECORD_TIMINGS });
    // Out of the way of the measured tabs.
    await app.page.goto('about:blank');
    return app;
  } catch (error) {
    await app.close();
    throw error;
  }
}

/**
 * Opens the 服务 tab once under `throttle` in a new tab (so with the browser's storage but nothing of the tab
 * before, as when a user comes back another day) and measures it. `cold`: with the HTTP cache emptied first.
 */
export async function loadServices(app: App, throttle: Throttle, cold: boolean): Promise<Load> {
  const page = await app.context.newPage();
  const cdp = await app.context.newCDPSession(page);
  await cdp.send('Network.enable');
  if (cold) await cdp.send('Network.clearBrowserCache');
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: throttle.cpu });
  const bytesPerSecond = throttle.network ? throttle.network.bitsPerSecond / 8 : -1;
  await cdp.send('Network.emulateNetworkConditions', {
    offline: false,
    latency: throttle.network?.latencyMs ?? 0,
    downloadThroughput: bytesPerSecond,
    uploadThroughput: bytesPerSecond,
  });

  const origin = new URL(app.url).origin;
  const sent = new Map<string, { url: string; type?: string }>();
  const inFlight = new Set<string>();
  let wireBytes = 0;
  let lastActivity = Date.now();
  const onSent = (event: { requestId: string; request: { url: string }; type?: string }) => {
    if (!event.request.url.startsWith('http')) return;
    sent.set(event.requestId, { url: event.request.url, type: event.type });
    inFlight.add(event.requestId);
    lastActivity = Date.now();
  };
  const onDone = (event: { requestId: string; encodedDataLength?: number }) => {
    if (!inFlight.delete(event.requestId)) return;
    wireBytes += event.encodedDataLength ?? 0;
    lastActivity = Date.now();
  };
  cdp.on('Network.requestWillBeSent', onSent);
  cdp.on('Network.loadingFinished', onDone);
  cdp.on('Network.loadingFailed', onDone);
  try {
    await page.goto(`${app.url}${SERVICES_PATH}`, { waitUntil: 'commit' });
    await page.waitForFunction(() => (window as unknown as { __benchMarks: Record<string, number> }).__benchMarks?.card !== undefined, undefined, {
      timeout: 120_000,
      polling: 100,
    });
    // What follows the first card at once (the ratings of the page) belongs to the load: wait for 1 s of quiet.
    const deadline = Date.now() + 60_000;
    while ((inFlight.size > 0 || Date.now() - lastActivity < 1000) && Date.now() < deadline) await page.waitForTimeout(100);
    const marks = await page.evaluate(() => (window as unknown as { __benchMarks: Record<string, number> }).__benchMarks);
    const requests = [...sent.values()];
    return {
      firstPaintMs: marks.paint ?? NaN,
      appMs: marks.app ?? NaN,
      firstCardMs: marks.card,
      requests: requests.length,
      wireBytes,
      servicesRequests: requests.filter((r) => /^\/api\/services(\?|$)/.test(new URL(r.url).pathname + new URL(r.url).search)).length,
      scripts: [...new Set(requests.filter((r) => r.type === 'Script' && r.url.startsWith(origin)).map((r) => new URL(r.url).pathname))],
    };
  } finally {
    cdp.off('Network.requestWillBeSent', onSent);
    cdp.off('Network.loadingFinished', onDone);
    cdp.off('Network.loadingFailed', onDone);
    await cdp.detach();
    await page.close();
  }
}

export interface ScriptSizes {
  files: number;
  raw: number;
  gzip: number;
  br: number;
}

/** Sizes on disk of these built files, plain and as their precompressed twins (the plain size where there is none). */
export function scriptSizes(scripts: string[], dist = DIST): ScriptSizes {
  const size = (file: string) => (fs.existsSync(file) ? fs.statSync(file).size : NaN);
  const sizes = { files: scripts.length, raw: 0, gzip: 0, br: 0 };
  for (const script of scripts) {
    const file = path.join(dist, script);
    const raw = size(file);
    sizes.raw += raw;
    sizes.gzip += fs.existsSync(`${file}.gz`) ? size(`${file}.gz`) : raw;
    sizes.br += fs.existsSync(`${file}.br`) ? size(`${file}.br`) : raw;
  }
  return sizes;
}

/** Says how to build when dist-h5 is missing (this measures the build there is, it builds nothing). */
export function requireBuild(dist = DIST): void {
  if (!fs.existsSync(path.join(dist, 'index.html'))) {
    console.error('dist-h5/ 不存在：请先运行 npm run build:h5（这里只测量已有的构建，不会自己构建）');
    process.exit(1);
  }
}

export const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
