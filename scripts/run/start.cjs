/**
 * `npm start`: builds what is missing or older than its sources — the h5 app (dist-h5/) and the server
 * (dist-server/) — then serves. A second start with nothing changed builds nothing.
 * `npm run serve` (this script with --serve-only): the compiled server when dist-server/ is up to date,
 * otherwise the TypeScript sources through tsx (and says so).
 */
const { spawnSync, spawn } = require('node:child_process');
const { join } = require('node:path');
const { isStale } = require('./freshness.cjs');

const root = join(__dirname, '..', '..');
const H5_SOURCES = ['src', 'contract', 'config', 'package.json', 'babel.config.js', 'project.config.json', 'scripts/h5/precompress.ts'];
const SERVER_SOURCES = ['server', 'contract', 'config/domain', 'seeds', 'package.json', 'scripts/build-server.ts'];
const serverStale = () => isStale(root, 'dist-server/main.js', SERVER_SOURCES);

function run(script) {
  const result = spawnSync('npm', ['run', script], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}

if (!process.argv.includes('--serve-only')) {
  if (isStale(root, 'dist-h5/index.html', H5_SOURCES)) run('build:h5');
  else console.log('网页版已是最新构建（dist-h5/），不重新构建');
  if (serverStale()) run('build:server');
}

const compiled = !serverStale();
if (!compiled) console.log('服务端编译结果不存在或不是最新（npm run build:server），这次直接运行 TypeScript 源码');
const [command, args] = compiled
  ? [process.execPath, [join(root, 'dist-server', 'main.js')]]
  : [process.execPath, ['--import', 'tsx', join(root, 'server', 'main.ts')]];
const child = spawn(command, args, { cwd: root, stdio: 'inherit' });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => child.kill(signal));
child.on('exit', (code, signal) => process.exit(code ?? (signal ? 1 : 0)));
