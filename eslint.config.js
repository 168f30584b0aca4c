/**
 * ESLint flat config (ESLint 9): TypeScript, React hooks, no import cycles, and no imports from one
 * feature into another (a small local rule in scripts/lint/, generic over feature folder names).
 */
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const reactHooks = require('eslint-plugin-react-hooks');
const importX = require('eslint-plugin-import-x');
const { createTypeScriptImportResolver } = require('eslint-import-resolver-typescript');
const globals = require('globals');
const noCrossFeatureImports = require('./scripts/lint/no-cross-feature-imports');

const local = { rules: { 'no-cross-feature-imports': noCrossFeatureImports } };

module.exports = tseslint.config(
  {
    ignores: [
      '**/node_modules/**',
      'dist/**',
      'dist-h5/**',
      'dist-server/**',
      '.artifacts/**',
      'data/**',
      'coverage/**',
      'tools/**/node_modules/**',
      '.swc/**',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.{ts,tsx,js,cjs,mjs}'],
    plugins: { 'import-x': importX, 'react-hooks': reactHooks, local },
    languageOptions: {
      ecmaVersion: 2022,
      sourceType: 'module',
      globals: { ...globals.node },
    },
    settings: {
      // Lets import-x parse the TypeScript files it follows when looking for cycles.
      'import-x/extensions': ['.ts', '.tsx', '.js', '.cjs', '.mjs'],
      'import-x/parsers': { '@typescript-eslint/parser': ['.ts', '.tsx'] },
      // Resolves the tsconfig path aliases (@/*, @contract/*) so cycles through aliases are seen.
      'import-x/resolver-next': [
        createTypeScriptImportResolver({
          project: ['tsconfig.json', 'tsconfig.server.json'],
          noWarnOnMultipleProjects: true,
        }),
      ],
    },
    rules: {
      'import-x/no-cycle': ['error', { ignoreExternal: true }],
      'local/no-cross-feature-imports': 'error',
      // The two classic hook rules; the React-Compiler rules of react-hooks 7 are not used (no compiler here).
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrorsIgnorePattern: '^_' },
      ],
    },
  },
  {
    // The client runs in a browser / mini-program, with Taro's build-time globals.
    files: ['src/**/*.{ts,tsx}'],
    languageOptions: {
      globals: { ...globals.browser, wx: 'readonly', defineAppConfig: 'readonly', definePageConfig: 'readonly' },
    },
  },
  {
    // The DOM types are in the server's TypeScript program for e2e/ (browser code in page.evaluate): keep the
    // server and the shared contract off browser globals all the same.
    files: ['server/**/*.ts', 'contract/**/*.ts'],
    rules: {
      'no-restricted-globals': ['error', 'window', 'document', 'navigator', 'localStorage', 'location'],
    },
  },
  {
    // Plain .js files in this repo are CommonJS (configs, the lint rule, tool stubs).
    files: ['**/*.{js,cjs}'],
    languageOptions: { sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    files: ['**/*.test.{ts,tsx}', 'src/**/__mocks__/**', 'tests-client/**'],
    languageOptions: { globals: { ...globals.jest } },
  },
);
