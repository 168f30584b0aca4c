import type { UserConfigExport } from '@tarojs/cli';

/** Watch builds (`npm run dev:weapp` / `dev:h5`): readable output, no main-package optimisation (it balloons dev output). */
export default {
  logger: { quiet: false, stats: true },
  mini: {},
  h5: {},
} satisfies UserConfigExport<'webpack5'>;
