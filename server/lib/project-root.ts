import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';

/**
 * The project's folder (where package.json is), from wherever this code runs: server/lib/ under tsx, or the
 * bundle in dist-server/. Data files that are read rather than imported (seeds/) are found from here.
 */
export function projectRoot(): string {
  let dir = __dirname;
  while (!existsSync(join(dir, 'package.json'))) {
    const parent = dirname(dir);
    if (parent === dir) throw new Error('package.json not found above ' + __dirname);
    dir = parent;
  }
  return dir;
}
