import type { FeatureModule } from '../../lib/feature';
import { directoryMigrations } from './migrations';
import { pointEditRoutes } from './point-edit-routes';
import { directoryRoutes } from './routes';
import { seedDirectory } from './seed';
import { suggestionRoutes } from './suggestion-routes';

/** The service directory of the 15-minute circle: service points, categories, open-now, coverage. */
export const directoryFeature: FeatureModule = {
  name: 'directory',
  migrations: directoryMigrations,
  seed: seedDirectory,
  seedIsDemoData: true,
  routes: async (app) => {
    await app.register(directoryRoutes);
    await app.register(suggestionRoutes);
    await app.register(pointEditRoutes);
  },
};
