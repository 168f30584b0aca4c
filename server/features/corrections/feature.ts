import type { FeatureModule } from '../../lib/feature';
import { correctionsMigrations } from './migrations';

/** Residents' reports of wrong point details (信息有误) and the workers' queue that handles them (issue 20). */
export const correctionsFeature: FeatureModule = {
  name: 'corrections',
  migrations: correctionsMigrations,
};
