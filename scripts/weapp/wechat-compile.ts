/**
 * WeChat's own offline compile of the weapp bundle, with miniprogram-ci (installed apart from the app in
 * tools/miniprogram-ci; check.ts installs it when missing).
 *
 * Offline on purpose: the project's attributes are `ci.DefaultProjectAttr` instead of the ones miniprogram-ci
 * would fetch from WeChat's servers, and every outgoing HTTP(S) request from this process is refused (it then
 * falls back to its built-in lists). Fails when the compile throws (JS syntax errors, a page in app.json
 * without files), when a page is missing from the compiled result, or when a code-quality item fails
 * (package size, lazy code loading, main-package code used only by subpackages, …). The three
 * "compression not turned on" items are DevTools upload settings, printed as notes only.
 *
 * Usage: tsx scripts/weapp/wechat-compile.ts [distDir]
 */
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { createRequire } from 'node:module';

interface QualityItem { name: string; success: boolean; text: string; detail?: unknown }
interface MiniprogramCi {
  Project: new (options: Record<string, unknown>) => object;
  DefaultProjectAttr: object;
  getCompiledResult(options: Record<string, unknown>): Promise<Record<string, string | Buffer>>;
  checkCodeQuality(project: object): Promise<QualityItem[]>;
}

export const MINIPROGRAM_CI_DIR = path.resolve(__dirname, '../../tools/miniprogram-ci');
const SETTING_ONLY_ITEMS = new Set(['JS_COMPRESS_OPEN', 'WXML_COMPRESS_OPEN', 'WXSS_COMPRESS_OPEN']);

const blocked: string[] = [];
/** Refuses every request that leaves this machine, so the compile provably never talks to WeChat. */
function refuseNetwork() {
  for (const mod of [http, https]) {
    const original = mod.request;
    const guarded = ((...args: unknown[]) => {
      const first = args[0];
      const host = typeof first === 'string' || first instanceof URL ? new URL(first).hostname : (first as http.RequestOptions)?.hostname ?? (first as http.RequestOptions)?.host;
      if (host && !['127.0.0.1', 'localhost', '::1'].includes(String(host))) {
        blocked.push(String(host));
        throw new Error(`network refused in the offline compile: ${host}`);
      }
      return (original as (...a: unknown[]) => http.ClientRequest)(...args);
    }) as typeof http.request;
    mod.request = guarded;
    mod.get = ((...args: Parameters<typeof http.get>) => {
      const req = guarded(...(args as Parameters<typeof http.request>));
      req.end();
      return req;
    }) as typeof http.get;
  }
}

async function main(): Promise<number> {
  const distDir = path.resolve(process.argv[2] ?? 'dist');
  refuseNetwork();
  const ci = createRequire(path.join(MINIPROGRAM_CI_DIR, 'package.json'))('miniprogram-ci') as MiniprogramCi;
  const project = new ci.Project({
    type: 'miniProgram',
    projectPath: distDir,
    privateKey: 'offline-compile-no-key', // Only preview/upload use the key; they are never called here.
    attr: async () => ci.DefaultProjectAttr,
  });

  let ok = true;
  const started = Date.now();
  // es6: true runs every JS file through WeChat's Babel: that is what catches syntax errors in the bundle.
  const compiled = await ci.getCompiledResult({ project, setting: { es6: true, minify: false } });
  const appJson = JSON.parse(fs.readFileSync(path.join(distDir, 'app.json'), 'utf8')) as {
    pages: string[];
    subPackages?: Array<{ root: string; pages: string[] }>;
  };
  const pages = [...appJson.pages, ...(appJson.subPackages ?? []).flatMap((p) => p.pages.map((page) => path.posix.join(p.root, page)))];
  const missing = pages.filter((page) => !compiled[`${page}.js`] || !compiled[`${page}.wxml`]);
  console.log(`  ${missing.length ? 'FAIL' : 'ok  '} compiled ${Object.keys(compiled).length} files in ${Date.now() - started} ms, ${pages.length} pages 编译通过${missing.length ? `; missing: ${missing.join(', ')}` : ''}`);
  ok &&= missing.length === 0;

  for (const item of await ci.checkCodeQuality(project)) {
    const settingOnly = SETTING_ONLY_ITEMS.has(item.name);
    const mark = item.success ? 'ok  ' : settingOnly ? 'note' : 'FAIL';
    const detail = item.success || !item.detail ? '' : ` ${JSON.stringify(item.detail).slice(0, 300)}`;
    console.log(`  ${mark} quality ${item.name}${item.success ? '' : ` — ${item.text}${detail}`}`);
    ok &&= item.success || settingOnly;
  }
  console.log(`  note requests to WeChat refused (offline): ${blocked.length ? [...new Set(blocked)].join(', ') : 'none attempted'}`);
  return ok ? 0 : 1;
}

if (require.main === module) {
  main().then(
    (code) => process.exit(code), // miniprogram-ci leaves a file watcher running: exit explicitly.
    (error: unknown) => {
      console.error('  FAIL WeChat compile threw 微信编译失败:', error instanceof Error ? error.message : error);
      process.exit(1);
    },
  );
}
