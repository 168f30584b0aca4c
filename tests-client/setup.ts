/**
 * Taro's build-time globals, which the Taro build defines and jest does not. Tests run as the h5 target
 * (the fetch transport of src/lib/api, which the tests replace with a fake server: jsdom has no fetch).
 */
const globals = globalThis as Record<string, unknown>;
for (const flag of [
  'ENABLE_INNER_HTML',
  'ENABLE_ADJACENT_HTML',
  'ENABLE_SIZE_APIS',
  'ENABLE_TEMPLATE_CONTENT',
  'ENABLE_MUTATION_OBSERVER',
  'ENABLE_CLONE_NODE',
  'ENABLE_CONTAINS',
]) {
  globals[flag] = true;
}
globals.DEPRECATED_ADAPTER_COMPONENT = false;
globals.__TARO_FRAMEWORK__ = 'react';
globals.defineAppConfig = <T>(config: T): T => config;
globals.definePageConfig = <T>(config: T): T => config;
process.env.TARO_ENV = 'h5';

// waitFor/findBy give up after 1 s by default. Measuring and re-rendering (the windowed 服务 list, whole pages with
// NutUI) can take longer than that on a 2-core machine that is also compiling; a real regression still fails.
// Loaded with require: setupFiles run before the test framework, and an import would be hoisted above the globals.
// The dom library, not @testing-library/react: loading that one here, before the framework defines afterEach,
// skips its automatic cleanup, and every test then finds the pages of the tests before it.
// eslint-disable-next-line @typescript-eslint/no-require-imports
require('@testing-library/dom').configure({ asyncUtilTimeout: 5000 });
