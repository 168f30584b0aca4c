/**
 * jest for the server, contract and scripts (node). babel-jest with inline options: TypeScript stripped,
 * ES modules turned into CommonJS for the current Node. kysely and cookie (used by inject) ship ES modules only, so they are transformed too.
 */
module.exports = {
  displayName: 'server',
  testEnvironment: 'node',
  roots: ['<rootDir>/server', '<rootDir>/contract', '<rootDir>/scripts'],
  testMatch: ['**/*.test.ts'],
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
  transform: {
    '^.+\\.(m?[jt]sx?)$': [
      'babel-jest',
      {
        babelrc: false,
        configFile: false,
        presets: [['@babel/preset-env', { targets: { node: 'current' } }], '@babel/preset-typescript'],
      },
    ],
  },
  transformIgnorePatterns: ['/node_modules/(?!(kysely|cookie)/)'],
  moduleNameMapper: {
    '^@contract/(.*)$': '<rootDir>/contract/$1',
  },
};
