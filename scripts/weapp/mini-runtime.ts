/**
 * A minimal WeChat runtime in Node for the built weapp bundle (used by headless-run.ts and headless-services.ts):
 * stubs `wx`, `App`, `Page`, `Component`, `getApp`, `getCurrentPages`, loads dist/app.js and pages with plain
 * CommonJS `require` as WeChat does, runs their lifecycle, rebuilds each page's tree from the `setData` payloads
 * Taro sends, and taps elements through the page's event handler (`eh`).
 *
 * What a scenario decides: how wx.request is answered and how wx.getLocation answers. Every other async wx.*
 * call succeeds with `{errMsg: 'x:ok'}` and is recorded in `calls` (navigateTo, makePhoneCall, …).
 */
import fs from 'node:fs';
import path from 'node:path';
import { createRequire } from 'node:module';
import type { FastifyInstance } from 'fastify';

export type Json = Record<string, unknown>;
type Callbacks = { success?: (r: unknown) => void; fail?: (r: unknown) => void; complete?: (r: unknown) => void };
export interface TaroNode { uid?: string; sid?: string; v?: string; cn?: TaroNode[] }

export interface RequestOptions { url: string; method?: string; header?: Record<string, string>; data?: unknown }
export interface RequestAnswer { statusCode: number; header: Record<string, string>; data: string }
/** Answers one wx.request; a rejection becomes `fail` with its message (like a phone without signal). */
export type RequestHandler = (options: RequestOptions) => Promise<RequestAnswer>;

export interface RuntimeOptions {
  distDir: string;
  request: RequestHandler;
  /** What wx.getLocation succeeds with; without it, it fails like a phone whose location is off. */
  location?: { latitude: number; longitude: number };
}

export interface WxCall { api: string; options: Json }

export interface PageHandle {
  route: string;
  root(): TaroNode;
  /** All the page's text, spaces collapsed. */
  text(): string;
  find(id: string): TaroNode | undefined;
  /** Taps the element with this id (throws when it is not on the page), then waits for the page to settle. */
  tap(id: string): Promise<void>;
  hide(): void;
}

export interface MiniRuntime {
  /** Every async wx.* call with its options, in order (requests included, with `url`). */
  calls: WxCall[];
  /** Uncaught errors and unhandled rejections. */
  errors: string[];
  launch(route: string): void;
  openPage(route: string, query?: Record<string, string>): Promise<PageHandle>;
  /**
   * Attaches a component of the bundle as WeChat does (e.g. 'custom-tab-bar/index', which WeChat places under the
   * tab pages) and renders it from its `setData` payloads; the handle taps through its own event handler.
   */
  openComponent(route: string): Promise<PageHandle>;
  /** Waits until no wx.request is in flight and the app has been quiet for 300 ms (no wx call, no setData; at most 10 s). */
  settle(): Promise<void>;
}

/**
 * Taro builds `Taro.navigateTo` & co. only for the keys it finds on `wx` (Object.keys): the async APIs the app calls
 * through Taro must be listed here, or Taro.x is "not a function". Direct `wx.x` calls need no listing.
 */
const LISTED_APIS = [
  'navigateTo', 'redirectTo', 'switchTab', 'navigateBack', 'reLaunch',
  'makePhoneCall', 'openLocation', 'setNavigationBarTitle', 'showToast', 'hideToast', 'showModal', 'showLoading',
  'hideLoading', 'stopPullDownRefresh', 'pageScrollTo', 'getSetting', 'openSetting', 'authorize', 'setClipboardData',
];

type Instance = Json & { data: Json; setData: (payload: Json, cb?: () => void) => void };

/** Applies one setData key such as `root.cn.[0].cn.[1].v` to the page data. */
function setPath(data: Json, keyPath: string, value: unknown) {
  const keys = keyPath.split('.').map((k) => (/^\[\d+\]$/.test(k) ? Number(k.slice(1, -1)) : k));
  let node = data as Record<string | number, unknown>;
  keys.slice(0, -1).forEach((key, i) => {
    if (node[key] == null) node[key] = typeof keys[i + 1] === 'number' ? [] : {};
    node = node[key] as Record<string | number, unknown>;
  });
  node[keys[keys.length - 1]] = value;
}

export function texts(node: TaroNode | undefined): string[] {
  if (!node) return [];
  return [...(node.v ? [node.v] : []), ...(node.cn ?? []).flatMap(texts)];
}

export const textOf = (node: TaroNode | undefined) => texts(node).join(' ').replace(/\s+/g, ' ').trim();

/** The node whose element id (`uid` in Taro's payload) is `id`. */
export function findById(node: TaroNode | undefined, id: string): TaroNode | undefined {
  if (!node) return undefined;
  if (node.uid === id) return node;
  for (const child of node.cn ?? []) {
    const found = findById(child, id);
    if (found) return found;
  }
  return undefined;
}

/** Nodes whose element id starts with `prefix`, in page order. */
export function findAllByIdPrefix(node: TaroNode | undefined, prefix: string): TaroNode[] {
  if (!node) return [];
  const own = node.uid?.startsWith(prefix) ? [node] : [];
  return [...own, ...(node.cn ?? []).flatMap((child) => findAllByIdPrefix(child, prefix))];
}

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** No layout headless: a selector query answers null for every element, as WeChat does for one not on the page. */
function selectorQuery() {
  const callbacks: Array<((rect: null) => void) | undefined> = [];
  const nodes = {
    boundingClientRect: (cb?: (rect: null) => void) => (callbacks.push(cb), query),
    scrollOffset: (cb?: (rect: null) => void) => (callbacks.push(cb), query),
    fields: (_fields: unknown, cb?: (rect: null) => void) => (callbacks.push(cb), query),
  };
  const query = {
    in: () => query,
    select: () => nodes,
    selectAll: () => nodes,
    selectViewport: () => nodes,
    exec: (cb?: (results: null[]) => void) =>
      setTimeout(() => {
        callbacks.forEach((each) => each?.(null));
        cb?.(callbacks.map(() => null));
      }, 0),
  };
  return query;
}

export function createMiniRuntime({ distDir, request, location }: RuntimeOptions): MiniRuntime {
  const loadBundleFile = createRequire(__filename);
  const appJson = JSON.parse(fs.readFileSync(path.join(distDir, 'app.json'), 'utf8')) as { requiredPrivateInfos?: string[] };
  const calls: WxCall[] = [];
  const errors: string[] = [];
  const storage = new Map<string, unknown>();
  let inFlight = 0;
  /** When the app last called wx, got an answer or sent setData: the page has settled once this stays quiet. */
  let lastActivity = Date.now();
  const record = (api: string, options: Json) => {
    calls.push({ api, options });
    lastActivity = Date.now();
  };

  function answer(o: Callbacks | undefined, ok: boolean, result: Json) {
    setTimeout(() => {
      (ok ? o?.success : o?.fail)?.(result);
      o?.complete?.(result);
    }, 0);
  }

  /** The wx APIs the app reads values from or whose answer matters; see the file comment for the rest. */
  const wxApis: Json = {
    getAppBaseInfo: () => ({ SDKVersion: '3.7.0', language: 'zh_CN', theme: 'light', fontSizeSetting: 16 }),
    getWindowInfo: () => ({ windowWidth: 390, windowHeight: 844, screenWidth: 390, screenHeight: 844, pixelRatio: 3 }),
    getDeviceInfo: () => ({ platform: 'android', system: 'Android 14', brand: 'headless', model: 'node' }),
    getSystemInfoSync: () => ({ platform: 'android', SDKVersion: '3.7.0', windowWidth: 390, windowHeight: 844, pixelRatio: 3, fontSizeSetting: 16 }),
    getStorageSync: (key: string) => (storage.has(key) ? storage.get(key) : ''),
    setStorageSync: (key: string, value: unknown) => void storage.set(key, value),
    removeStorageSync: (key: string) => void storage.delete(key),
    getStorage: (o: Callbacks & { key: string }) =>
      answer(o, storage.has(o.key), storage.has(o.key) ? { data: storage.get(o.key) } : { errMsg: 'getStorage:fail data not found' }),
    setStorage: (o: Callbacks & { key: string; data: unknown }) => (storage.set(o.key, o.data), answer(o, true, { errMsg: 'setStorage:ok' })),
    getPrivacySetting: (o: Callbacks) => answer(o, true, { needAuthorization: false, privacyContractName: '隐私保护指引' }),
    createSelectorQuery: selectorQuery,
    getLocation: (o: Callbacks & Json) => {
      record('getLocation', o);
      // WeChat refuses getLocation unless app.json declares it (since 2022-07).
      if (!appJson.requiredPrivateInfos?.includes('getLocation')) {
        return answer(o, false, { errMsg: 'getLocation:fail the api need to be declared in the requiredPrivateInfos field in app.json' });
      }
      if (!location) return answer(o, false, { errMsg: 'getLocation:fail system permission denied' });
      answer(o, true, { ...location, accuracy: 30, errMsg: 'getLocation:ok' });
    },
    request: (o: Callbacks & RequestOptions & Json) => {
      record('request', o);
      inFlight += 1;
      const { url, method, header, data } = o;
      request({ url, method, header, data }).then(
        (result) => answer(o, true, { ...result, errMsg: 'request:ok' }),
        (error: unknown) => answer(o, false, { errMsg: `request:fail ${error instanceof Error ? error.message : String(error)}` }),
      ).finally(() => {
        inFlight -= 1;
        lastActivity = Date.now();
      });
      return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} };
    },
  };
  const succeeds = (api: string) => (o?: Callbacks & Json) => {
    record(api, o ?? {});
    answer(o, true, { errMsg: `${api}:ok` });
  };
  for (const api of LISTED_APIS) wxApis[api] ??= succeeds(api);
  const wx = new Proxy(wxApis, {
    get(target, key) {
      if (typeof key !== 'string' || key in target || key.startsWith('webpack')) return target[key as string];
      return succeeds(key);
    },
  });

  let appConfig: Json = {};
  let pageConfig: Json = {};
  /** The last Component() registered: Taro's own (comp, custom-wrapper) or one opened with openComponent. */
  let componentConfig: Json = {};
  const pageStack: Instance[] = [];
  process.on('unhandledRejection', (e) => errors.push(`unhandled rejection: ${e instanceof Error ? e.message : JSON.stringify(e)}`));
  process.on('uncaughtException', (e) => errors.push(`uncaught: ${e.message}`));
  // React and Taro report an error thrown in an effect or event handler with console.error, then carry on.
  const consoleError = console.error.bind(console);
  console.error = (...args: unknown[]) => {
    errors.push(`console.error: ${args.map((a) => (a instanceof Error ? a.message : String(a))).join(' ').slice(0, 200)}`);
    consoleError(...args);
  };
  Object.assign(globalThis, {
    wx,
    App: (c: Json) => void (appConfig = c),
    Page: (c: Json) => void (pageConfig = c),
    // Taro's own template components (comp, custom-wrapper) hold no app logic; openComponent uses the last one.
    Component: (c: Json) => void (componentConfig = c),
    getApp: () => appConfig,
    getCurrentPages: () => pageStack,
  });

  async function settle() {
    const started = Date.now();
    await pause(50);
    while (Date.now() - started < 10_000 && (inFlight > 0 || Date.now() - lastActivity < 300)) await pause(50);
    await pause(100); // React commits and Taro's setData after the last answer.
  }

  function launch(route: string) {
    loadBundleFile(path.join(distDir, 'app.js'));
    const options = { path: route, query: {}, scene: 1001 };
    (appConfig.onLaunch as (o: unknown) => void).call(appConfig, options);
    (appConfig.onShow as (o: unknown) => void).call(appConfig, options);
  }

  async function openPage(route: string, query: Record<string, string> = {}): Promise<PageHandle> {
    loadBundleFile(path.join(distDir, `${route}.js`));
    const page = Object.create(pageConfig) as Instance;
    Object.assign(page, { route, __route__: route, options: query });
    page.data = structuredClone(pageConfig.data ?? {}) as Json;
    page.setData = (payload, cb) => {
      for (const [key, value] of Object.entries(payload)) setPath(page.data, key, value);
      lastActivity = Date.now();
      if (cb) setTimeout(cb, 0);
    };
    pageStack.push(page);
    for (const hook of ['onLoad', 'onShow', 'onReady'] as const) {
      (page[hook] as (q?: unknown) => void).call(page, hook === 'onLoad' ? query : undefined);
      await settle();
    }
    return handle(route, page, page.eh as EventHandler, () => (page.onHide as () => void).call(page));
  }

  type EventHandler = (e: unknown) => void;

  /** What a scenario does with a rendered page or component: read its tree, tap through its event handler. */
  function handle(route: string, instance: Instance, eventHandler: EventHandler, hide: () => void): PageHandle {
    const root = () => instance.data.root as TaroNode;
    return {
      route,
      root,
      text: () => textOf(root()),
      find: (id) => findById(root(), id),
      async tap(id) {
        const node = findById(root(), id);
        if (!node) throw new Error(`#${id} is not on ${route}`);
        // A tap as WeChat reports it: a `tap` event to the event handler with the node's sid.
        const target = { id: node.sid, dataset: { sid: node.sid } };
        eventHandler.call(instance, { type: 'tap', timeStamp: Date.now(), target, currentTarget: target, detail: { x: 0, y: 0 } });
        await settle();
      },
      hide,
    };
  }

  async function openComponent(route: string): Promise<PageHandle> {
    loadBundleFile(path.join(distDir, `${route}.js`));
    const config = componentConfig;
    const instance = { data: structuredClone(config.data ?? {}) } as Instance;
    instance.setData = (payload, cb) => {
      for (const [key, value] of Object.entries(payload)) setPath(instance.data, key, value);
      lastActivity = Date.now();
      if (cb) setTimeout(cb, 0);
    };
    const lifetimes = (config.lifetimes ?? {}) as Json;
    const attached = (lifetimes.attached ?? config.attached) as (() => void) | undefined;
    if (!attached) throw new Error(`${route} registered no component (no attached lifetime)`);
    attached.call(instance);
    await settle();
    const methods = (config.methods ?? {}) as Json;
    return handle(route, instance, methods.eh as EventHandler, () => undefined);
  }

  return { calls, errors, launch, openPage, openComponent, settle };
}

/**
 * A wx.request handler answered by the real server in-process (`app.inject`): same method, path + query, headers
 * and body; the answer as WeChat gives it. `apiBase` is the origin the bundle was built with.
 */
export function injectInto(app: FastifyInstance, apiBase: string): RequestHandler {
  return async ({ url, method, header, data }) => {
    if (!url.startsWith(`${apiBase}/`)) throw new Error(`not the API base: ${url}`);
    const response = await app.inject({
      method: (method ?? 'GET') as 'GET',
      url: url.slice(apiBase.length),
      headers: header,
      payload: data === undefined ? undefined : typeof data === 'string' ? data : JSON.stringify(data),
    });
    const headers = Object.fromEntries(Object.entries(response.headers).map(([k, v]) => [k, String(v)]));
    return { statusCode: response.statusCode, header: headers, data: response.body };
  };
}

export interface AnsweredRequest { method: string; url: string; status: number }

/** `injectInto`, noting every answer in `answered` (what a run's checks and `finish` read). */
export function injectNoting(app: FastifyInstance, apiBase: string, answered: AnsweredRequest[]): RequestHandler {
  const forward = injectInto(app, apiBase);
  return async (options) => {
    const result = await forward(options);
    answered.push({ method: options.method ?? 'GET', url: options.url, status: result.statusCode });
    return result;
  };
}

/** One headless run's checks, printed together at the end: the run passes only if every one did. */
export function createChecklist() {
  const checks: Array<[string, boolean, string]> = [];
  const check = (name: string, ok: boolean, detail: string): void => {
    checks.push([name, ok, detail.slice(0, 200)]);
  };
  /**
   * Adds what every run against the API must also hold — each answer 2xx, no uncaught error in the bundle —,
   * prints every check, and answers the process's exit code.
   */
  const finish = (answered: ReadonlyArray<{ url: string; status: number }>, errors: readonly string[]): number => {
    const failed = answered.filter((a) => a.status >= 400);
    check(`every API answer 2xx 接口都成功 (${answered.length})`, answered.length > 0 && failed.length === 0, failed.map((a) => `${a.status} ${a.url}`).join(', ') || 'all 2xx');
    check('no uncaught error 无未捕获错误', errors.length === 0, errors.join('; ') || 'none');
    for (const [name, ok, detail] of checks) console.log(`${ok ? '  ok ' : '  FAIL'} ${name} — ${detail}`);
    return checks.every(([, ok]) => ok) ? 0 : 1;
  };
  return { check, finish };
}

/** Runs a headless run as the process: exits with its code, or with 1 and `failure` if it throws. */
export function runAsProcess(run: () => Promise<number>, failure: string): void {
  run().then(
    (code) => process.exit(code),
    (error: unknown) => {
      console.error(`  FAIL ${failure}:`, error);
      process.exit(1);
    },
  );
}
