/**
 * Runs the built weapp bundle headless in Node (mini-runtime.ts), the way WeChat would start it: requires
 * dist/app.js and the first page of app.json, runs the lifecycle and rebuilds the page's tree from the `setData`
 * payloads Taro sends. Proves the bundle runs: React + Taro runtime + stores + the API adapter reaching wx.request.
 *
 * Network is offline on purpose: every wx.request fails like a phone without signal, so the page must still
 * render. Usage: tsx scripts/weapp/headless-run.ts [distDir] — exit code 0 when every assertion holds.
 */
import path from 'node:path';
import fs from 'node:fs';
import { createMiniRuntime } from './mini-runtime';

const distDir = path.resolve(process.argv[2] ?? 'dist');
/** Any one of these on the home page proves it rendered its own content (app name or the time-of-day greeting). */
const HOME_TEXT = /临江社区服务|您好|早上好|中午好|下午好|晚上好/;
/** Element ids of the client (src/lib/consent/FirstLaunch.tsx, src/lib/homeEntries.ts). */
const CONSENT_AGREE_ID = 'consent-agree';
const HOME_ENTRY_ID = 'entry-find-service';
/** The mini-program build's default API base (config/index.ts, TARO_APP_API_BASE). */
const API_BASE = process.env.TARO_APP_API_BASE || 'http://127.0.0.1:3000';

async function main(): Promise<number> {
  const runtime = createMiniRuntime({ distDir, request: () => Promise.reject(new Error('offline (headless run)')) });
  const requests = () => runtime.calls.filter((c) => c.api === 'request').map((c) => String(c.options.url));
  const appJson = JSON.parse(fs.readFileSync(path.join(distDir, 'app.json'), 'utf8')) as { pages: string[] };
  const route = appJson.pages[0];
  runtime.launch(route);
  const page = await runtime.openPage(route);

  const firstScreen = page.text();
  const checks: Array<[string, boolean, string]> = [
    [`home page ${route} rendered its text 首页已渲染`, HOME_TEXT.test(firstScreen), firstScreen.slice(0, 120)],
  ];
  // On a first launch the home page shows the privacy notice: agree, as a user would, to reach the home itself.
  if (page.find(CONSENT_AGREE_ID)) {
    await page.tap(CONSENT_AGREE_ID);
    const home = page.text();
    const entry = page.find(HOME_ENTRY_ID);
    checks.push([`tap ${CONSENT_AGREE_ID} opens the home with #${HOME_ENTRY_ID} 同意后显示首页`, Boolean(entry) && HOME_TEXT.test(home), home.slice(0, 120)]);
    // Agreeing records the consent with the server: through the API adapter, down to wx.request.
    checks.push([`the consent reached wx.request 同意记录已发送`, requests().some((url) => url.startsWith(`${API_BASE}/api/`)), requests().join(', ') || 'no request']);
  }
  const badRequests = requests().filter((url) => !url.startsWith(`${API_BASE}/api/`));
  checks.push(
    [`wx.request calls go to ${API_BASE}/api/ 请求地址正确`, badRequests.length === 0, requests().join(', ') || 'no request'],
    ['no uncaught error 无未捕获错误', runtime.errors.length === 0, runtime.errors.join('; ') || 'none'],
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
