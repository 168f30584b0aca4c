/**
 * Babel for the Taro build (babel-preset-taro), NutUI imported per component (config/nutui-imports.js).
 * jest uses its own inline options (jest.client.config.js).
 *
 * h5 is compiled for the browsers it supports (H5_TARGETS) and ships no polyfills. Taro's default (package.json's
 * browserslist down to Android 4.1 and iOS 8, with core-js polyfills through @babel/runtime-corejs3) cost the 服务
 * route about 40 KB of its gzipped JavaScript (242 → 176 KB with the client without axios and dayjs), and below
 * Chrome 54 / iOS 10.3 Taro's h5 components (custom elements) never ran anyway. Phones older than H5_TARGETS keep
 * the mini-program, whose build keeps the browserslist (WeChat runs it on its own JS engines).
 */
const nutuiImports = require('./config/nutui-imports');

const isH5 = process.env.TARO_ENV === 'h5';

/**
 * Chrome 73 and iOS 12.2: the newest built-ins our code calls are Array.prototype.flatMap/flat and
 * Object.fromEntries. WeChat's in-app browser (XWeb) and the phone makers' browsers are newer Chromium; every
 * iPhone that ran iOS 11 or 12 can update to 12.5.
 */
const H5_TARGETS = { chrome: '73', ios: '12.2' };

module.exports = {
  ...(isH5 ? { targets: H5_TARGETS } : {}),
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        useBuiltIns: false,
      },
    ],
  ],
  plugins: nutuiImports({ withStyles: true }),
};
