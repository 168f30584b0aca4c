/**
 * Babel for the Taro build (babel-preset-taro), NutUI imported per component (config/nutui-imports.js).
 * jest uses its own inline options (jest.client.config.js).
 */
const nutuiImports = require('./config/nutui-imports');

module.exports = {
  presets: [
    [
      'taro',
      {
        framework: 'react',
        ts: true,
        compiler: 'webpack5',
        useBuiltIns: process.env.TARO_ENV === 'h5' ? 'usage' : false,
      },
    ],
  ],
  plugins: nutuiImports({ withStyles: true }),
};
