/**
 * Whether a build is older than its sources: the newest modification time of any file under the source
 * folders against the build's marker file. Plain CommonJS, so it runs before anything is compiled.
 */
const { existsSync, readdirSync, statSync } = require('node:fs');
const { join } = require('node:path');

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = 0;
  for (const entry of readdirSync(path)) {
    if (entry === 'node_modules' || entry.startsWith('.')) continue;
    newest = Math.max(newest, newestMtime(join(path, entry)));
  }
  return newest;
}

/** True when `marker` is missing or any file under `sources` changed after it was written. */
function isStale(root, marker, sources) {
  const markerPath = join(root, marker);
  if (!existsSync(markerPath)) return true;
  const built = statSync(markerPath).mtimeMs;
  return sources.some((source) => newestMtime(join(root, source)) > built);
}

module.exports = { isStale };
