/**
 * Runs the built weapp bundle headless in Node, the way WeChat would start it: stubs `wx`, `App`, `Page`,
 * `Component`, `getApp`, `getCurrentPages`, requires dist/app.js and the first page of app.json, runs the
 * lifecycle (app onLaunch/onShow, page onLoad/onShow/onReady) and rebuilds the page's tree from the `setData`
 * payloads Taro sends. Proves the bundle runs: React + Taro runtime + stores + the API adapter reaching wx.request.
 *
 * Network is offline on purpose: every wx.request fails like a phone without signal, so the page must still
 * render. Usage: tsx scripts/weapp/headless-run.ts [distDir] — exit code 0 when every assertion holds.
 */
import path from 'node:path';
import fs from 'node:fs';
import { createRequire } from 'node:module';

type Json = Record<string, unknown>;
type Callbacks = { success?: (r: unknown) => void; fail?: (r: unknown) => void; complete?: (r: unknown) => void };
interface TaroNode { uid?: string; sid?: string; v?: string; cn?: TaroNode[] }

const distDir = path.resolve(process.argv[2] ?? 'dist');
/** Any one of these on the home page proves it rendered its own content (app name or the time-of-day greeting). */
const HOME_TEXT = /临江社区服务|您好|早上好|中午好|下午好|晚上好/;
/** Element ids of the client (src/lib/consent/FirstLaunch.tsx, src/lib/homeEntries.ts). */
const CONSENT_AGREE_ID = 'consent-agree';
const HOME_ENTRY_ID = 'entry-find-service';
/** The mini-program build's default API base (config/index.ts, TARO_APP_API_BASE). */
const API_BASE = process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000';

/** Loads the bundle's files as WeChat does: plain CommonJS `require` of each file. */
const loadBundleFile = createRequire(__filename);
const requests: string[] = [];
const errors: string[] = [];
const storage = new Map<string, unknown>();

function answer(o: Callbacks | undefined, ok: boolean, result: Json) {
  setTimeout(() => {
    (ok ? o?.success : o?.fail)?.(result);
    o?.complete?.(result);
  }, 0);
}

/** The wx APIs the app reads values from; every other wx.* call succeeds with `{errMsg: 'x:ok'}`. */
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
  request: (o: Callbacks & { url: string }) => {
    requests.push(o.url);
    answer(o, false, { errMsg: 'request:fail offline (headless run)' });
    return { abort() {}, onHeadersReceived() {}, offHeadersReceived() {} };
  },
};
const wx = new Proxy(wxApis, {
  get(target, key) {
    if (typeof key !== 'string' || key in target || key.startsWith('webpack')) return target[key as string];
    return (o?: Callbacks) => answer(o, true, { errMsg: `${key}:ok` });
  },
});

type Instance = Json & { data: Json; setData: (payload: Json, cb?: () => void) => void };
let appConfig: Json = {};
let pageConfig: Json = {};
const pageStack: Instance[] = [];

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

function texts(node: TaroNode | undefined): string[] {
  if (!node) return [];
  return [...(node.v ? [node.v] : []), ...(node.cn ?? []).flatMap(texts)];
}

/** The node whose element id (`uid` in Taro's payload) is `id`. */
function findById(node: TaroNode | undefined, id: string): TaroNode | undefined {
  if (!node) return undefined;
  if (node.uid === id) return node;
  for (const child of node.cn ?? []) {
    const found = findById(child, id);
    if (found) return found;
  }
  return undefined;
}

/** Taps an element the way WeChat reports it: a `tap` event to the page's event handler with the node's sid. */
function tap(page: Json, node: TaroNode) {
  const target = { id: node.sid, dataset: { sid: node.sid } };
  (page.eh as (e: unknown) => void).call(page, { type: 'tap', timeStamp: Date.now(), target, currentTarget: target, detail: { x: 0, y: 0 } });
}

const settle = () => new Promise((resolve) => setTimeout(resolve, 300));

async function main(): Promise<number> {
  process.on('unhandledRejection', (e) => errors.push(`unhandled rejection: ${e instanceof Error ? e.message : JSON.stringify(e)}`));
  Object.assign(globalThis, {
    wx,
    App: (c: Json) => void (appConfig = c),
    Page: (c: Json) => void (pageConfig = c),
    Component: () => undefined, // Taro's own template components (comp, custom-wrapper) hold no app logic.
    getApp: () => appConfig,
    getCurrentPages: () => pageStack,
  });
  const appJson = JSON.parse(fs.readFileSync(path.join(distDir, 'app.json'), 'utf8')) as { pages: string[] };
  const route = appJson.pages[0];

  loadBundleFile(path.join(distDir, 'app.js'));
  const launch = { path: route, query: {}, scene: 1001 };
  (appConfig.onLaunch as (o: unknown) => void).call(appConfig, launch);
  (appConfig.onShow as (o: unknown) => void).call(appConfig, launch);

  loadBundleFile(path.join(distDir, `${route}.js`));
  const page = Object.create(pageConfig) as Instance;
  Object.assign(page, { route, __route__: route, options: {} });
  page.data = structuredClone(pageConfig.data ?? {}) as Json;
  page.setData = (payload, cb) => {
    for (const [key, value] of Object.entries(payload)) setPath(page.data, key, value);
    if (cb) setTimeout(cb, 0);
  };
  pageStack.push(page);
  for (const hook of ['onLoad', 'onShow', 'onReady'] as const) {
    (page[hook] as (q?: unknown) => void).call(page, hook === 'onLoad' ? {} : undefined);
    await settle();
  }

  const root = () => page.data.root as TaroNode;
  const firstScreen = texts(root()).join(' ').replace(/\s+/g, ' ');
  const checks: Array<[string, boolean, string]> = [
    [`home page ${route} rendered its text 首页已渲染`, HOME_TEXT.test(firstScreen), firstScreen.slice(0, 120)],
  ];
  // On a first launch the home page shows the privacy notice: agree, as a user would, to reach the home itself.
  const agree = findById(root(), CONSENT_AGREE_ID);
  if (agree) {
    tap(page, agree);
    await settle();
    const home = texts(root()).join(' ').replace(/\s+/g, ' ');
    const entry = findById(root(), HOME_ENTRY_ID);
    checks.push([`tap ${CONSENT_AGREE_ID} opens the home with #${HOME_ENTRY_ID} 同意后显示首页`, Boolean(entry) && HOME_TEXT.test(home), home.slice(0, 120)]);
    // Agreeing records the consent with the server: through the API adapter, down to wx.request.
    checks.push([`the consent reached wx.request 同意记录已发送`, requests.some((url) => url.startsWith(`${API_BASE}/api/`)), requests.join(', ') || 'no request']);
  }
  const badRequests = requests.filter((url) => !url.startsWith(`${API_BASE}/api/`));
  checks.push(
    [`wx.request calls go to ${API_BASE}/api/ 请求地址正确`, badRequests.length === 0, requests.join(', ') || 'no request'],
    ['no uncaught error 无未捕获错误', errors.length === 0, errors.join('; ') || 'none'],
  );
  for (const [name, ok, detail] of checks) console.log(`${ok ? '  ok ' : '  FAIL'} ${name} — ${detail}`);
  return checks.every(([, ok]) => ok) ? 0 : 1;
}

main().then(
  (code) => process.exit(code),
  (error: unknown) => {
    console.error('  FAIL the bundle threw while starting 小程序启动失败:', error);
    process.exit(1);
  },
);
