import type { FeatureModule } from '../../lib/feature';
import { careMigrations } from './migrations';
import { careRoutes } from './routes';
import { seedCare } from './seed';
import { carePersonalData } from './personal-data';

/** Elderly care (助餐 助浴 助洁 助医 助行): elder profiles, relatives, booking without overbooking, monthly visits. */
export const careFeature: FeatureModule = {
  name: 'care',
  migrations: careMigrations,
  seed: seedCare,
  seedIsDemoData: true,
  routes: careRoutes,
  personalData: carePersonalData,
};
