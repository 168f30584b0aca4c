/**
 * Babel for the Taro build (babel-preset-taro), NutUI imported per component (config/nutui-imports.js).
 * jest uses its own inline options (jest.client.config.js).
 *
 * Both targets are compiled for the engines they run on (TARGETS) and ship no polyfills. Taro's default
 * (package.json's browserslist down to Android 4.1 and iOS 8, with core-js polyfills through
 * @babel/runtime-corejs3) cost the 服务 route about 40 KB of its gzipped JavaScript on h5, and below Chrome 54 /
 * iOS 10.3 Taro's h5 components (custom elements) never ran anyway. On weapp the same down-compiling (async
 * functions to generators, classes, spread) cost about 20 KB of the 500 KB main package: WeChat itself needs iOS 12
 * (JavaScriptCore of Safari 12) and runs mini-programs on its own V8 on Android.
 */
const nutuiImports = require('./config/nutui-imports');

/**
 * Chrome 73 and iOS 12.2: the newest built-ins our code calls are Array.prototype.flatMap/flat and
 * Object.fromEntries. WeChat's in-app browser (XWeb) and the phone makers' browsers are newer Chromium; every
 * iPhone that ran iOS 11 or 12 can update to 12.5.
 */
const TARGETS = { chrome: '73', ios: '12.2' };

module.exports = {
  targets: TARGETS,
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
