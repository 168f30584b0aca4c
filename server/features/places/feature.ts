import type { FeatureModule } from '../../lib/feature';
import { placesMigrations } from './migrations';
import { placesRoutes } from './routes';
import { seedPlaces } from './seed';

/** 乡镇（街）and communities of 临江: the places every other feature refers to. */
export const placesFeature: FeatureModule = {
  name: 'places',
  migrations: placesMigrations,
  seed: seedPlaces,
  routes: placesRoutes,
};
