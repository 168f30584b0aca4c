// The functions passed to page.evaluate/waitForFunction run in the browser: they need the DOM types. (This adds
// them to the tsconfig.server.json program; eslint's no-restricted-globals keeps server/ off the DOM globals.)
/// <reference lib="dom" />
/// <reference lib="dom.iterable" />
/**
 * Browser-journey harness: the real server as a user runs it (`tsx server/main.ts`, child process) on a free
 * port with a fresh database in a temp folder, and Chromium (playwright-core, /usr/bin/chromium) as a phone:
 * 390×844, touch, zh-CN, China time. Builds nothing: `npm run test:e2e` builds dist-h5 first.
 *
 *   const app = await startApp();          // in before(); always `await app.close()` in after()
 *   await app.openApp('/pages/home/index');
 *   await app.tap('entry-find-service');   // by element id (Taro's <taro-*-core> host element)
 *   await app.fontSize('#page-root');      // computed font size in CSS px
 *   await app.screenshot('home');          // .artifacts/screenshots/home.png
 */
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { chromium, type BrowserContext, type Locator, type Page } from 'playwright-core';
import { spawnServer, type ServerProcess } from '../server/testing/processes';

export const ROOT = path.resolve(__dirname, '..');
const SCREENSHOTS = path.join(ROOT, '.artifacts/screenshots');
const CHROMIUM = process.env.CHROMIUM_PATH || '/usr/bin/chromium';
const CHROMIUM_ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

export interface AppOptions {
  /** Grants location and places the phone there (e.g. a point in 临江). */
  geolocation?: { latitude: number; longitude: number };
  /** Extra environment for the server (e.g. AUTH_RATE_LIMIT_PER_MINUTE). */
  serverEnv?: Record<string, string>;
}

export interface App {
  /** The server's origin, e.g. http://127.0.0.1:40123 */
  url: string;
  page: Page;
  context: BrowserContext;
  /** Opens an app path through the hash router and waits until the page has rendered. */
  openApp(appPath: string): Promise<void>;
  /**
   * Taro's h5 router keeps earlier pages in the DOM (hidden) and slides pages in and out: this is the first
   * element matching the selector on the page that is shown, never one on a hidden page.
   */
  visible(selector: string): Locator;
  /** Waits until an element is visible and the page transition, if any, has finished. */
  waitForVisible(selector: string): Promise<void>;
  /** Waits until exactly one page is shown and no page is sliding (tapping mid-transition confuses Taro's router). */
  settle(): Promise<void>;
  /** Taps the element with this id (the Taro host element, e.g. <taro-button-core id=…>). */
  tap(id: string): Promise<void>;
  /** Taps a tab of the tab bar by its label (首页, 服务, 我的). */
  tapTab(label: string): Promise<void>;
  /**
   * Runs one step of a journey; when it fails, saves a screenshot `failed-<name>` and adds the browser's
   * errors and the end of the server's output to the error, so a CI log alone explains the failure.
   */
  step<T>(name: string, run: () => Promise<T>): Promise<T>;
  /** Computed font size in CSS px of the first visible element matching the selector. */
  fontSize(selector: string): Promise<number>;
  /** Bounding box height in CSS px of the first visible element matching the selector. */
  boxHeight(selector: string): Promise<number>;
  screenshot(name: string): Promise<string>;
  /**
   * Runs axe-core on the page that is shown and fails, listing them, on serious or critical violations
   * (what a screen reader (读屏) user or a user with poor eyesight would trip over). `name` says which page.
   */
  assertAccessible(name: string): Promise<void>;
  /** Calls the API directly (same origin), e.g. to check what the server recorded. */
  api<T>(method: string, apiPath: string, body?: unknown, token?: string): Promise<{ status: number; body: T }>;
  /** Browser console errors and page errors seen so far (for assertions and debugging). */
  browserErrors: string[];
  /** The server's output so far. */
  serverOutput(): string;
  close(): Promise<void>;
}

export async function startApp(options: AppOptions = {}): Promise<App> {
  if (!fs.existsSync(path.join(ROOT, 'dist-h5/index.html'))) throw new Error('dist-h5/ is missing: run `npm run build:h5` first');
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'linjiang-e2e-'));
  const server: ServerProcess = await spawnServer({
    DATABASE_PATH: path.join(tmp, 'e2e.sqlite'),
    DATA_KEY: randomBytes(32).toString('hex'),
    STATIC_DIR: path.join(ROOT, 'dist-h5'),
    ...options.serverEnv,
  }).catch((error: unknown) => {
    fs.rmSync(tmp, { recursive: true, force: true });
    throw error;
  });
  const { url } = server;
  const output = server.output;

  let context: BrowserContext | undefined;
  const close = async () => {
    await context?.close().catch(() => undefined);
    await server.stop();
    fs.rmSync(tmp, { recursive: true, force: true });
  };

  try {
    context = await chromium.launchPersistentContext(path.join(tmp, 'chromium-profile'), {
      executablePath: CHROMIUM,
      headless: true,
      args: CHROMIUM_ARGS,
      viewport: { width: 390, height: 844 },
      deviceScaleFactor: 2,
      isMobile: true,
      hasTouch: true,
      locale: 'zh-CN',
      timezoneId: 'Asia/Shanghai',
      ...(options.geolocation ? { geolocation: options.geolocation, permissions: ['geolocation'] } : {}),
    });
  } catch (error) {
    await close();
    throw error;
  }

  const page = context.pages()[0] ?? (await context.newPage());
  const browserErrors: string[] = [];
  page.on('pageerror', (error) => browserErrors.push(`pageerror: ${error.message}`));
  page.on('console', (message) => {
    if (message.type() === 'error') browserErrors.push(`console: ${message.text()}`);
  });

  const visible = (selector: string) => page.locator(selector).filter({ visible: true }).first();
  const settle = async () => {
    await page.waitForFunction(() => {
      const shown = [...document.querySelectorAll('.taro_page')].filter((p) => getComputedStyle(p).display !== 'none');
      const sliding = document.getAnimations().some((a) => {
        const target = (a.effect as KeyframeEffect | null)?.target;
        return target instanceof Element && target.classList.contains('taro_page');
      });
      return shown.length === 1 && !sliding;
    });
  };
  const waitForVisible = async (selector: string) => {
    await visible(selector).waitFor({ state: 'visible' });
    await settle();
  };
  const screenshot = async (name: string) => {
    fs.mkdirSync(SCREENSHOTS, { recursive: true });
    const file = path.join(SCREENSHOTS, `${name}.png`);
    await page.screenshot({ path: file, fullPage: true });
    return file;
  };

  return {
    url,
    page,
    context,
    browserErrors,
    serverOutput: output,
    close,
    visible,
    settle,
    waitForVisible,
    async openApp(appPath) {
      await page.goto(`${url}/#${appPath.startsWith('/') ? appPath : `/${appPath}`}`);
      await waitForVisible('#page-root');
    },
    async tap(id) {
      await waitForVisible(`[id="${id}"]`);
      await visible(`[id="${id}"]`).tap();
    },
    async tapTab(label) {
      await settle();
      // The app draws its own tab bar (src/lib/ui/AppTabBar.tsx) inside each tab page: the one on screen.
      await visible('#app-tab-bar').getByText(label, { exact: true }).tap();
    },
    async step(name, run) {
      try {
        return await run();
      } catch (error) {
        const shot = await screenshot(`failed-${name}`).catch(() => 'none');
        const context = `\n  screenshot: ${shot}\n  browser errors: ${browserErrors.join(' | ') || 'none'}\n  server output (end): ${output().slice(-1500) || 'none'}`;
        if (error instanceof Error) error.message += context;
        throw error;
      }
    },
    async fontSize(selector) {
      await waitForVisible(selector);
      return visible(selector).evaluate((el) => parseFloat(getComputedStyle(el).fontSize));
    },
    async boxHeight(selector) {
      await waitForVisible(selector);
      const box = await visible(selector).boundingBox();
      if (!box) throw new Error(`${selector} is not visible`);
      return box.height;
    },
    screenshot,
    async assertAccessible(name) {
      await settle();
      const { violations } = await new AxeBuilder({ page }).analyze();
      const blocking = violations.filter((v) => v.impact === 'serious' || v.impact === 'critical');
      if (blocking.length > 0) {
        const list = blocking.map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
        throw new Error(`axe-core on ${name}: ${blocking.length} serious/critical violation(s)\n  ${list.join('\n  ')}`);
      }
    },
    async api(method, apiPath, body, token) {
      const res = await fetch(`${url}${apiPath}`, {
        method,
        headers: { ...(body === undefined ? {} : { 'content-type': 'application/json' }), ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: body === undefined ? undefined : JSON.stringify(body),
      });
      const text = await res.text();
      return { status: res.status, body: (text ? JSON.parse(text) : null) as never };
    },
  };
}
