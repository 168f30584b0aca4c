/**
 * Taro's build-time globals, which the Taro build defines and jest does not. Tests run as the h5 target
 * (axios's own transport, no Taro.request adapter).
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
