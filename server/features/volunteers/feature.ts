import type { FeatureModule } from '../../lib/feature';
import { volunteersMigrations } from './migrations';
import { volunteersRoutes } from './routes';
import { seedVolunteers } from './seed';
import { volunteersPersonalData } from './personal-data';

/** Volunteer sign-up: registration, activities that cannot be overbooked, attendance, hours and 证明. */
export const volunteersFeature: FeatureModule = {
  name: 'volunteers',
  migrations: volunteersMigrations,
  seed: seedVolunteers,
  seedIsDemoData: true,
  routes: volunteersRoutes,
  personalData: volunteersPersonalData,
};
