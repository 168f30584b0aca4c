import type { FeatureModule } from '../../lib/feature';
import { planningMigrations } from './migrations';
import { planningRoutes } from './routes';
import { seedPlanningHistory } from './seed';

/** 规划监测: the plan's targets beside the figures the other features hold (read-only) and the 社区's grid cells it judges coverage from. */
export const planningFeature: FeatureModule = {
  name: 'planning',
  migrations: planningMigrations,
  seed: seedPlanningHistory,
  seedIsDemoData: true,
  routes: planningRoutes,
};
