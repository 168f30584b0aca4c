/**
 * Taro build configuration (both targets). Domain numbers do NOT live here: see config/domain/*.json.
 *
 * Outputs: `taro build --type weapp` → dist/ (opened by WeChat DevTools through the root project.config.json),
 * `taro build --type h5` → dist-h5/ (served by the API server at /, hash router, same-origin /api).
 *
 * API base for mini-program builds: the shell variable TARO_APP_API_BASE at build time
 * (e.g. `TARO_APP_API_BASE=https://api.example.cn npm run build:weapp`), default http://127.0.0.1:3000.
 * The h5 build always calls its own origin ('' + /api/...), so it needs no setting.
 */
import path from 'node:path';
import { defineConfig, type UserConfigExport } from '@tarojs/cli';
import webpack from 'webpack';
import type Chain from 'webpack-chain';
import devConfig from './dev';
import prodConfig from './prod';

const root = path.resolve(__dirname, '..');
const contractDir = path.resolve(root, 'contract');
const isH5 = process.env.TARO_ENV === 'h5';
const DEFAULT_MINI_API_BASE = 'http://127.0.0.1:3000';

/**
 * NutUI is drawn at 375 px; our own styles at 750 rpx. pxtransform asks per file.
 * The argument is a postcss input ({ file }) for styles, undefined when Taro asks for the app-wide default.
 */
/**
 * webpack's size hints (244 KiB per asset) measure plain bytes of every file, which says nothing here: the project
 * checks what WeChat and a weak signal care about instead — each weapp package against its budget
 * (scripts/weapp/check.ts) and the 服务 route's JavaScript as sent, brotli (scripts/h5/size-check.ts).
 */
function quietSizeHints(chain: Chain): void {
  chain.performance.hints(false);
}

/**
 * axios imports all of its adapters, though a build can run only some: mini-programs send through our
 * Taro.request adapter (src/lib/api/taroAdapter.ts; WeChat has neither XHR nor fetch), and h5 keeps axios's own XHR
 * adapter (the fetch one adds nothing there, and Chrome 73 / iOS 12 have XHR). Those that cannot run are swapped for
 * an empty stand-in, as axios's own package does for its Node adapter in browsers: about 20 KB less in the weapp
 * main package, 3 KB brotli less on h5's first route.
 */
function withoutAxiosAdapters(chain: Chain, adapters: Array<'xhr' | 'fetch'>): void {
  const unused = new RegExp(`axios[\\\\/]lib[\\\\/]adapters[\\\\/](${adapters.join('|')})\\.js$`);
  chain.plugin('axios-without-unused-adapters').use(webpack.NormalModuleReplacementPlugin, [unused, path.resolve(__dirname, 'axios-no-browser-adapter.js')]);
}

/**
 * One copy of dayjs (and src/lib/date.ts with its plugins and zh-cn) for every h5 page that shows a date: below
 * webpack's 20 KB floor it would otherwise be copied into each lazily loaded page. (weapp: Taro's common chunk.)
 */
const DATES_CHUNK = { name: 'dates', test: /[\\/](node_modules[\\/]dayjs|src[\\/]lib[\\/]date\.ts)/, chunks: 'all', enforce: true, priority: 30 };

/**
 * The browser build draws its own tab bar (src/lib/ui/AppTabBar.tsx; app.config's tabBar is `custom`), so Taro's
 * router never draws its own, yet bundles it (the taro-tabbar element and its styles: 3 KB brotli of the first
 * script). Swapped for a stand-in that does what the router does with a custom tab bar: nothing.
 */
function withoutTaroTabBar(chain: Chain): void {
  const routerTabBar = /@tarojs[\\/]router[\\/]dist[\\/]tabbar\.js$/;
  chain.plugin('taro-router-without-tabbar').use(webpack.NormalModuleReplacementPlugin, [routerTabBar, path.resolve(__dirname, 'taro-router-without-tabbar.js')]);
}

function designWidth(input?: { file?: string } | number | string): number {
  if (typeof input === 'object' && input?.file && input.file.replace(/\\+/g, '/').includes('@nutui')) {
    return 375;
  }
  return 750;
}

export default defineConfig<'webpack5'>(async (merge) => {
  const baseConfig: UserConfigExport<'webpack5'> = {
    projectName: 'linjiang-community',
    date: '2026-11-28',
    designWidth,
    // WeChat cannot nest a template in itself, so Taro writes one copy of every element's template per level of
    // nesting into base.wxml (≈ 3 KB a level); deeper elements go through its recursive comp component. 10
    // levels instead of Taro's 16 hold the 服务 tab's cards and keep 18 KB out of the main package.
    baseLevel: 10,
    deviceRatio: {
      640: 2.34 / 2,
      750: 1,
      375: 2,
      828: 1.81 / 2,
    },
    sourceRoot: 'src',
    outputRoot: isH5 ? 'dist-h5' : 'dist',
    plugins: [],
    env: {
      TARO_APP_API_BASE: JSON.stringify(process.env.TARO_APP_API_BASE || DEFAULT_MINI_API_BASE),
    },
    alias: {
      '@': path.resolve(root, 'src'),
      '@contract': contractDir,
    },
    framework: 'react',
    compiler: 'webpack5',
    cache: { enable: false },
    mini: {
      // contract/ (shared with the server) lives outside src/: compile its TypeScript too.
      compile: { include: [contractDir] },
      webpackChain(chain) {
        quietSizeHints(chain);
        withoutAxiosAdapters(chain, ['xhr', 'fetch']);
      },
      // Overrides of NutUI win by specificity (.page-root .x), not by source order, so chunk CSS order does not matter.
      miniCssExtractPluginOption: { ignoreOrder: true },
      postcss: {
        pxtransform: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
    h5: {
      publicPath: '/',
      staticDirectory: 'static',
      router: { mode: 'hash' },
      compile: { include: [contractDir] },
      // Taro splits only initial chunks, so every lazily loaded page carried its own copy of NutUI and src/lib.
      // Taro's minSize 0 then cut a shared chunk for every 1 KB helper: 13 of the 18 JavaScript files of the 服务 tab
      // were under 10 KB, a round trip each on a weak signal. webpack's own 20 KB floor leaves such helpers in the
      // pages that use them (measured: 7 files, 175.7 → 168.3 KB gzip, 151.3 → 144.8 KB brotli).
      webpackChain(chain) {
        quietSizeHints(chain);
        withoutAxiosAdapters(chain, ['fetch']);
        withoutTaroTabBar(chain);
        const splitChunks = chain.optimization.get('splitChunks');
        if (splitChunks) {
          const cacheGroups = { ...splitChunks.cacheGroups, dates: DATES_CHUNK };
          chain.optimization.splitChunks({ ...splitChunks, chunks: 'all', minSize: 20_000, cacheGroups });
        }
      },
      output: {
        filename: 'js/[name].[contenthash:8].js',
        chunkFilename: 'js/[name].[contenthash:8].js',
      },
      miniCssExtractPluginOption: {
        ignoreOrder: true,
        filename: 'css/[name].[contenthash:8].css',
        chunkFilename: 'css/[name].[contenthash:8].css',
      },
      postcss: {
        pxtransform: { enable: true, config: {} },
        autoprefixer: { enable: true, config: {} },
        cssModules: { enable: false },
      },
    },
  };

  if (process.env.NODE_ENV === 'development') {
    return merge({}, baseConfig, devConfig);
  }
  return merge({}, baseConfig, prodConfig);
});
