import type { FeatureModule } from '../../lib/feature';
import { authMigrations } from './migrations';
import { authPersonalData } from './personal-data';
import { authRoutes } from './routes';
import { seedDemoAccounts } from './seed';

/** Users, sessions, consents and the audit log; sign-in (demo and WeChat), /api/me, sign-out, consent. */
export const authFeature: FeatureModule = {
  name: 'auth',
  migrations: authMigrations,
  seed: seedDemoAccounts,
  seedIsDemoData: true,
  routes: authRoutes,
  personalData: authPersonalData,
};
