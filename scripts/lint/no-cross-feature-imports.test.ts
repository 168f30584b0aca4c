import path from 'node:path';
import { RuleTester } from 'eslint';
import tseslint from 'typescript-eslint';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const rule = require('./no-cross-feature-imports');

const root = path.resolve(__dirname, '../..');
const at = (rel: string) => path.join(root, rel);

// RuleTester runs each case as a jest test when describe/it are globals.
const tester = new RuleTester({ languageOptions: { parser: tseslint.parser, sourceType: 'module' } });

tester.run('no-cross-feature-imports', rule, {
  valid: [
    { filename: at('src/features/orders/pages/list/index.tsx'), code: "import { api } from '@/lib/api';" },
    { filename: at('src/features/orders/pages/list/index.tsx'), code: "import { x } from '../../store';" },
    { filename: at('src/features/orders/pages/list/index.tsx'), code: "import { x } from '@/features/orders/store';" },
    { filename: at('src/features/orders/store.ts'), code: "import type { Place } from '@contract/places';" },
    { filename: at('server/features/auth/routes.ts'), code: "import { x } from '../../lib/errors';" },
    // The registry may list every feature.
    { filename: at('server/features/index.ts'), code: "import auth from './auth';\nimport places from './places';" },
    // Outside features (pages, lib) the rule does not apply.
    { filename: at('src/pages/home/index.tsx'), code: "import { x } from '@/features/directory/entry';" },
    { filename: at('server/features/places/routes.ts'), code: "import { listPlaces } from './queries';" },
    { filename: at('server/features/places/routes.ts'), code: "import fastify from 'fastify';" },
  ],
  invalid: [
    {
      filename: at('src/features/orders/pages/list/index.tsx'),
      code: "import { Card } from '@/features/directory/components/card';",
      errors: [{ messageId: 'crossFeature' }],
    },
    {
      filename: at('src/features/orders/pages/list/index.tsx'),
      code: "import { Card } from '../../../directory/components/card';",
      errors: [{ messageId: 'crossFeature' }],
    },
    {
      filename: at('src/features/orders/store.ts'),
      code: "export * from '@/features/directory';",
      errors: [{ messageId: 'crossFeature' }],
    },
    {
      filename: at('server/features/places/routes.ts'),
      code: "import { requireUser } from '../auth/guards';",
      errors: [{ messageId: 'crossFeature' }],
    },
    {
      filename: at('server/features/places/routes.ts'),
      code: "const m = await import('../auth/guards');",
      errors: [{ messageId: 'crossFeature' }],
    },
    {
      filename: at('server/features/places/routes.ts'),
      code: "const m = require('server/features/auth/guards');",
      errors: [{ messageId: 'crossFeature' }],
    },
  ],
});
