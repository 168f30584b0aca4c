/**
 * jest for the Taro client (src/**, jsdom). Own inline babel options, not babel-preset-taro. @tarojs/components
 * is Taro's own h5 React build (renders <taro-view-core> …); @tarojs/taro is a hand mock (tests-client/taroMock.ts).
 * NutUI goes through the same babel-plugin-import as the app build: its package main is a UMD bundle that breaks in jsdom.
 */
const nutuiImports = require('./config/nutui-imports');

module.exports = {
  displayName: 'client',
  testEnvironment: 'jsdom',
  roots: ['<rootDir>/src'],
  testMatch: ['**/*.test.ts', '**/*.test.tsx'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'jsx', 'mjs', 'cjs', 'json'],
  setupFiles: ['<rootDir>/tests-client/setup.ts'],
  transform: {
    '^.+\\.(m?[jt]sx?)$': [
      'babel-jest',
      {
        babelrc: false,
        configFile: false,
        presets: [
          ['@babel/preset-env', { targets: { node: 'current' } }],
          ['@babel/preset-react', { runtime: 'automatic' }],
          '@babel/preset-typescript',
        ],
        plugins: nutuiImports({ withStyles: false }),
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(@tarojs|@stencil|@nutui|swiper|ssr-window|dom7|tslib|\\.pnpm)/)'],
  moduleNameMapper: {
    '\\.(css|scss|sass|less)$': 'identity-obj-proxy',
    '^@tarojs/components$': '@tarojs/components/lib/react/index',
    '^@tarojs/taro$': '<rootDir>/tests-client/taroMock.ts',
    '^@contract/(.*)$': '<rootDir>/contract/$1',
    '^@/(.*)$': '<rootDir>/src/$1',
  },
};
