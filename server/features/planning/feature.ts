import type { FeatureModule } from '../../lib/feature';
import { planningRoutes } from './routes';
import { seedPlanningHistory } from './seed';

/** 规划监测: the plan's targets beside the figures the other features hold (read-only; no tables of its own). */
export const planningFeature: FeatureModule = {
  name: 'planning',
  migrations: {},
  seed: seedPlanningHistory,
  seedIsDemoData: true,
  routes: planningRoutes,
};
