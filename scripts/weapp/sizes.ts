/**
 * Size of each package of the weapp build, counted the way WeChat packs it: a subpackage is every file under
 * its root, the main package everything else; only file types WeChat uploads are counted (its white list, as
 * in miniprogram-ci), so e.g. *.LICENSE.txt is left out, and project.config.json is DevTools' and not uploaded.
 */
import fs from 'node:fs';
import path from 'node:path';
import type { AppJson } from './pages';

export interface PackageSize { root: string; files: number; bytes: number }

const UPLOADED = new Set(['.wxml', '.wxss', '.wxs', '.js', '.json', '.png', '.jpg', '.jpeg', '.gif', '.svg', '.cer', '.mp3', '.aac', '.m4a', '.mp4', '.wav', '.ogg', '.silk', '.wasm', '.br', '.cur', '.ico', '.skel', '.crt', '.cert']);
const NOT_UPLOADED = new Set(['project.config.json', 'project.private.config.json']);

function listFiles(dir: string, prefix = ''): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    return entry.isDirectory() ? listFiles(path.join(dir, entry.name), rel) : [rel];
  });
}

/** Main package first (root ''), then each subpackage in app.json order. */
export function packageSizes(dist: string, app: AppJson): PackageSize[] {
  const roots = (app.subPackages ?? []).map((p) => p.root.replace(/\/?$/, '/'));
  const sizes: PackageSize[] = [{ root: '', files: 0, bytes: 0 }, ...roots.map((root) => ({ root, files: 0, bytes: 0 }))];
  for (const file of listFiles(dist)) {
    if (!UPLOADED.has(path.extname(file)) || NOT_UPLOADED.has(file)) continue;
    const owner = sizes.find((p) => p.root !== '' && file.startsWith(p.root)) ?? sizes[0];
    owner.files += 1;
    owner.bytes += fs.statSync(path.join(dist, file)).size;
  }
  return sizes;
}
