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
type Chain = Parameters<NonNullable<NonNullable<UserConfigExport<'webpack5'>['mini']>['webpackChain']>>[0];
function quietSizeHints(chain: Chain): void {
  chain.performance.hints(false);
}

/**
 * axios on mini-programs sends through our Taro.request adapter (src/lib/api/taroAdapter.ts); its XHR and fetch
 * adapters can never run there (WeChat has neither) but axios imports them all. Swapped for an empty stand-in, as
 * axios's own package does for its Node adapter in browsers: about 20 KB less in the 500 KB main package.
 */
function withoutBrowserAdapters(chain: Chain): void {
  const empty = path.resolve(__dirname, 'axios-no-browser-adapter.js');
  chain.plugin('axios-without-browser-adapters').use(webpack.NormalModuleReplacementPlugin, [/axios[\\/]lib[\\/]adapters[\\/](xhr|fetch)\.js$/, empty]);
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
        withoutBrowserAdapters(chain);
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
        const splitChunks = chain.optimization.get('splitChunks');
        if (splitChunks) chain.optimization.splitChunks({ ...splitChunks, chunks: 'all', minSize: 20_000 });
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
