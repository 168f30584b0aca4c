import type { FeatureModule } from '../../lib/feature';
import { correctionsMigrations } from './migrations';
import { correctionsPersonalData } from './personal-data';
import { correctionRoutes } from './routes';
import { seedCorrections } from './seed';

/** Residents' reports of wrong point details (信息有误) and the workers' queue that handles them (issue 20). */
export const correctionsFeature: FeatureModule = {
  name: 'corrections',
  migrations: correctionsMigrations,
  seed: seedCorrections,
  seedIsDemoData: true,
  routes: correctionRoutes,
  personalData: correctionsPersonalData,
};
