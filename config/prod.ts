import type { UserConfigExport } from '@tarojs/cli';

/**
 * Production builds (`npm run build:weapp` / `build:h5`).
 * optimizeMainPackage moves modules used only by subpackages out of the main package (WeChat limits each to 2 MB).
 */
export default {
  mini: {
    optimizeMainPackage: { enable: true },
  },
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
