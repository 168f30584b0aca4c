import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { missingPageFiles, type AppJson } from './pages';
import { packageSizes } from './sizes';

const made: string[] = [];
afterAll(() => made.forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

/** Writes a small fake weapp build: `files` maps paths to contents. */
function fakeDist(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'weapp-check-'));
  made.push(dir);
  for (const [file, content] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), content);
  }
  return dir;
}

const app: AppJson = {
  pages: ['pages/home/index'],
  subPackages: [{ root: 'features/account', pages: ['pages/login/index'] }],
  tabBar: { list: [{ pagePath: 'pages/home/index' }] },
};

/** A Taro-like page: imports base.wxml and uses the `comp` component. */
function page(unit: string, depth: number): Record<string, string> {
  const up = '../'.repeat(depth);
  return {
    [`${unit}.js`]: 'Page({})',
    [`${unit}.json`]: JSON.stringify({ usingComponents: { comp: `${up}comp` } }),
    [`${unit}.wxml`]: `<import src="${up}base.wxml"/>`,
    [`${unit}.wxss`]: '',
  };
}

const complete = {
  'app.js': 'App({})',
  'app.json': JSON.stringify(app),
  'base.wxml': '<template name="taro_tmpl"></template>',
  'comp.js': 'Component({})',
  'comp.json': '{"component":true}',
  'comp.wxml': '',
  ...page('pages/home/index', 2),
  ...page('features/account/pages/login/index', 4),
};

describe('weapp page files', () => {
  it('accepts a complete build', () => {
    expect(missingPageFiles(fakeDist(complete), app)).toEqual([]);
  });

  it('names a subpackage page without its .js, a missing imported base.wxml and a missing component', () => {
    const files: Record<string, string> = { ...complete };
    delete files['features/account/pages/login/index.js'];
    delete files['base.wxml'];
    delete files['comp.wxml'];
    const messages = missingPageFiles(fakeDist(files), app).filter((p) => p.required).map((p) => p.message);
    expect(messages).toEqual(
      expect.arrayContaining([
        'page features/account/pages/login/index: missing features/account/pages/login/index.js',
        'page pages/home/index: its .wxml imports ../../base.wxml, which does not exist',
        'component comp: missing comp.wxml',
      ]),
    );
  });

  it('only notes a page without styles, and refuses a tab page outside the main package', () => {
    const files: Record<string, string> = { ...complete };
    delete files['pages/home/index.wxss'];
    const problems = missingPageFiles(fakeDist(files), { ...app, tabBar: { list: [{ pagePath: 'features/account/pages/login/index' }] } });
    expect(problems).toEqual([
      { required: false, message: 'page pages/home/index: no .wxss (no styles)' },
      { required: true, message: "tabBar page features/account/pages/login/index is not in the main package's pages" },
    ]);
  });
});

describe('weapp package sizes', () => {
  it('counts files under a subpackage root to it, the rest to main, and skips what WeChat does not upload', () => {
    const dist = fakeDist({
      'app.js': 'x'.repeat(1000),
      'pages/home/index.wxss': 'x'.repeat(10),
      'features/account/pages/login/index.js': 'x'.repeat(300),
      'features/accountant/other.js': 'x'.repeat(7), // same prefix, different folder: main package
      'vendors.js.LICENSE.txt': 'x'.repeat(5000),
      'project.config.json': 'x'.repeat(5000),
    });
    expect(packageSizes(dist, app)).toEqual([
      { root: '', files: 3, bytes: 1017 },
      { root: 'features/account/', files: 1, bytes: 300 },
    ]);
  });
});
