/**
 * Page-file checks on the weapp build: every page of app.json has the files WeChat needs, and what a page's
 * .wxml imports and .json `usingComponents` points to exists (Taro pages import ../../base.wxml and use its
 * `comp` component). A missing .wxss is only a note: WeChat does not require one and Taro emits none for a page
 * without styles.
 */
import fs from 'node:fs';
import path from 'node:path';

export interface AppJson {
  pages: string[];
  subPackages?: Array<{ root: string; pages: string[] }>;
  tabBar?: { list: Array<{ pagePath: string }> };
}

export interface Problem { required: boolean; message: string }

export function readAppJson(dist: string): AppJson {
  return JSON.parse(fs.readFileSync(path.join(dist, 'app.json'), 'utf8')) as AppJson;
}

export function allPages(app: AppJson): string[] {
  const sub = (app.subPackages ?? []).flatMap((p) => p.pages.map((page) => path.posix.join(p.root, page)));
  return [...app.pages, ...sub];
}

/** Checks a page or component (path without extension, relative to dist); follows its components once. */
function checkUnit(dist: string, unit: string, kind: string, seen: Set<string>, problems: Problem[]) {
  if (seen.has(unit)) return;
  seen.add(unit);
  const exists = (ext: string) => fs.existsSync(path.join(dist, `${unit}${ext}`));
  for (const ext of ['.js', '.json', '.wxml']) {
    if (!exists(ext)) problems.push({ required: true, message: `${kind} ${unit}: missing ${unit}${ext}` });
  }
  if (kind === 'page' && !exists('.wxss')) problems.push({ required: false, message: `page ${unit}: no .wxss (no styles)` });

  if (exists('.wxml')) {
    const wxml = fs.readFileSync(path.join(dist, `${unit}.wxml`), 'utf8');
    for (const [, src] of wxml.matchAll(/<(?:import|include)\s+src="([^"]+)"/g)) {
      const target = src.startsWith('/') ? src.slice(1) : path.posix.join(path.posix.dirname(unit), src);
      if (!fs.existsSync(path.join(dist, target))) problems.push({ required: true, message: `${kind} ${unit}: its .wxml imports ${src}, which does not exist` });
    }
  }
  if (exists('.json')) {
    const json = JSON.parse(fs.readFileSync(path.join(dist, `${unit}.json`), 'utf8')) as { usingComponents?: Record<string, string> };
    for (const ref of Object.values(json.usingComponents ?? {})) {
      if (ref.startsWith('plugin://')) continue;
      const target = ref.startsWith('/') ? ref.slice(1) : path.posix.join(path.posix.dirname(unit), ref);
      checkUnit(dist, target, 'component', seen, problems);
    }
  }
}

export function missingPageFiles(dist: string, app: AppJson): Problem[] {
  const problems: Problem[] = [];
  const seen = new Set<string>();
  for (const file of ['app.js', 'app.json']) {
    if (!fs.existsSync(path.join(dist, file))) problems.push({ required: true, message: `missing ${file}` });
  }
  for (const page of allPages(app)) checkUnit(dist, page, 'page', seen, problems);
  for (const { pagePath } of app.tabBar?.list ?? []) {
    if (!app.pages.includes(pagePath)) problems.push({ required: true, message: `tabBar page ${pagePath} is not in the main package's pages` });
  }
  return problems;
}
