import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { FeatureModule } from '../../lib/feature';
import { appealRoutes } from './appeals';
import { ratingsMigrations } from './migrations';
import { pointRatingRoutes } from './point-ratings';
import { rateRoutes } from './rate';
import { seedRatings } from './seed';
import { statsRoutes } from './stats';
import { visitRoutes } from './visits';
import { workOrderRoutes } from './work-orders';
import { ratingsPersonalData } from './personal-data';

const ratingsRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(visitRoutes);
  await app.register(rateRoutes);
  await app.register(pointRatingRoutes);
  await app.register(workOrderRoutes);
  await app.register(appealRoutes);
  await app.register(statsRoutes);
};

/** 好差评: declared visits, ratings of an interaction, the follow-up of every 差评, appeals and figures. */
export const ratingsFeature: FeatureModule = {
  name: 'ratings',
  migrations: ratingsMigrations,
  seed: seedRatings,
  seedIsDemoData: true,
  routes: ratingsRoutes,
  personalData: ratingsPersonalData,
};
