/**
 * `npm run build:server`: the server and the operator command as plain JavaScript in dist-server/ (one bundle
 * each: our code and contract/ inlined, with the seed JSON; packages in node_modules stay outside), so
 * production runs `node dist-server/main.js` with no TypeScript compiler in the process.
 */
import { build } from 'esbuild';
import { rmSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '..');
rmSync(join(root, 'dist-server'), { recursive: true, force: true });
void build({
  absWorkingDir: root,
  entryPoints: { main: 'server/main.ts', admin: 'server/cli/admin.ts' },
  outdir: 'dist-server',
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  packages: 'external',
  sourcemap: true,
  tsconfig: 'tsconfig.server.json',
  logLevel: 'warning',
}).then(
  () => console.log('服务端已编译到 dist-server/'),
  () => process.exit(1),
);
