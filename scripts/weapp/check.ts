/**
 * Checks the weapp build in dist/ (run by `npm run test:weapp` after `npm run build:weapp`):
 *   1. every page in app.json (pages + subPackages) has its files, and what its .wxml/.json point to exists;
 *   2. a size report per package, written to .artifacts/size-report.json; fails above the limits;
 *   3. WeChat's offline compile with miniprogram-ci (wechat-compile.ts, own process);
 *   4. a headless run of the bundle that renders the home page, offline (headless-run.ts, own process);
 *   5. the 服务 tab and the directory's detail page on the bundle against the real API (headless-services.ts);
 *   6. one elderly-care booking through the care subpackage against the real API (headless-care.ts);
 *   7. one volunteer sign-up through the volunteers subpackage against the real API (headless-volunteers.ts);
 *   8. 编辑服务点 in the upkeep subpackage: a new position from WeChat's map, saved (headless-upkeep.ts).
 *   9. the planner's trend chart drawn in the planning subpackage against the real API (headless-planning.ts).
 * Ends with "weapp: N passed, M failed" and exits non-zero when anything failed.
 */
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { MINIPROGRAM_CI_DIR } from './wechat-compile';
import { packageSizes, type PackageSize } from './sizes';
import { missingPageFiles, readAppJson } from './pages';

const ROOT = path.resolve(__dirname, '../..');
const DIST = path.resolve(ROOT, process.argv[2] ?? 'dist');
const REPORT = path.join(ROOT, '.artifacts/size-report.json');
const KB = 1024;
const MB = 1024 * KB;
/**
 * Ours, for phones on a weak signal: the main package under 500 KB (what WeChat downloads before the first page),
 * each subpackage under 300 KB. WeChat's own: 2 MB each, 30 MB total (its code-quality panel warns at 1.5 MB).
 */
const LIMITS = { main: 500 * KB, anyPackage: 300 * KB, total: 30 * MB };

const results: Array<{ name: string; ok: boolean }> = [];
function step(name: string, run: () => boolean) {
  const started = Date.now();
  console.log(`\n▶ ${name}`);
  let ok: boolean;
  try {
    ok = run();
  } catch (error) {
    console.log(`  FAIL ${error instanceof Error ? error.message : String(error)}`);
    ok = false;
  }
  console.log(`${ok ? '✔ passed' : '✘ FAILED'}: ${name} (${((Date.now() - started) / 1000).toFixed(1)} s)`);
  results.push({ name, ok });
}

function runTsx(script: string): boolean {
  const tsx = path.join(ROOT, 'node_modules/.bin/tsx');
  const child = spawnSync(tsx, [path.join(__dirname, script), DIST], { cwd: ROOT, encoding: 'utf8', timeout: 5 * 60_000 });
  // miniprogram-ci prints its own progress lines "[…] …"; keep ours.
  const lines = `${child.stdout}${child.stderr}`.split('\n').filter((l) => l.trim() && !/^\[[\w-]+\]/.test(l) && !/^serialize|^Initial scan/.test(l));
  console.log(lines.join('\n'));
  if (child.error) console.log(`  FAIL ${child.error.message}`);
  return child.status === 0;
}

function kb(bytes: number) {
  return `${(bytes / 1024).toFixed(1)} KB`;
}

if (!fs.existsSync(path.join(DIST, 'app.json'))) {
  console.error(`weapp: no build in ${DIST} (run npm run build:weapp first)\nweapp: 0 passed, 1 failed`);
  process.exit(1);
}
const appJson = readAppJson(DIST);

step('page files 页面文件齐全', () => {
  const problems = missingPageFiles(DIST, appJson);
  const pageCount = appJson.pages.length + (appJson.subPackages ?? []).reduce((n, p) => n + p.pages.length, 0);
  for (const p of problems) console.log(`  ${p.required ? 'FAIL' : 'note'} ${p.message}`);
  console.log(`  ${pageCount} pages checked`);
  return problems.every((p) => !p.required);
});

step('package sizes 分包大小', () => {
  const sizes = packageSizes(DIST, appJson);
  const total = sizes.reduce((n, p) => n + p.bytes, 0);
  const limitOf = (p: PackageSize) => (p.root === '' ? LIMITS.main : LIMITS.anyPackage);
  console.log(`  ${'package'.padEnd(28)} ${'files'.padStart(5)} ${'size'.padStart(10)} ${'limit'.padStart(10)}`);
  for (const p of sizes) {
    const mark = p.bytes > limitOf(p) ? '  ✘ over the limit' : '';
    console.log(`  ${(p.root || '(main)').padEnd(28)} ${String(p.files).padStart(5)} ${kb(p.bytes).padStart(10)} ${kb(limitOf(p)).padStart(10)}${mark}`);
  }
  console.log(`  ${'(total)'.padEnd(28)} ${''.padStart(5)} ${kb(total).padStart(10)} ${kb(LIMITS.total).padStart(10)}`);
  fs.mkdirSync(path.dirname(REPORT), { recursive: true });
  fs.writeFileSync(REPORT, JSON.stringify({ limits: LIMITS, total, packages: sizes }, null, 2));
  console.log(`  report: ${path.relative(ROOT, REPORT)}`);
  return sizes.every((p) => p.bytes <= limitOf(p)) && total <= LIMITS.total;
});

step('WeChat offline compile 微信离线编译 (miniprogram-ci)', () => {
  if (!fs.existsSync(path.join(MINIPROGRAM_CI_DIR, 'node_modules/miniprogram-ci'))) {
    console.log('  installing miniprogram-ci into tools/miniprogram-ci (npm ci) …');
    const install = spawnSync('npm', ['ci', '--prefix', MINIPROGRAM_CI_DIR, '--no-audit', '--no-fund'], { stdio: 'inherit' });
    if (install.status !== 0) throw new Error('npm ci --prefix tools/miniprogram-ci failed');
  }
  return runTsx('wechat-compile.ts');
});

step('headless run of the bundle 小程序无界面运行', () => runTsx('headless-run.ts'));
step('服务 tab against the real API 服务页真实接口运行', () => runTsx('headless-services.ts'));
step('a care booking against the real API 助老预约真实接口运行', () => runTsx('headless-care.ts'));
step('a volunteer sign-up against the real API 志愿报名真实接口运行', () => runTsx('headless-volunteers.ts'));
step('编辑服务点 against the real API 编辑服务点真实接口运行', () => runTsx('headless-upkeep.ts'));
step('the planner’s trend chart against the real API 规划监测图表运行', () => runTsx('headless-planning.ts'));

const passed = results.filter((r) => r.ok).length;
console.log(`\nweapp: ${passed} passed, ${results.length - passed} failed`);
process.exit(passed === results.length ? 0 : 1);
