import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { bookingRoutes } from './booking-routes';
import { catalogRoutes } from './catalog-routes';
import { elderRoutes } from './elder-routes';
import { visitRoutes } from './visit-routes';

/** The elderly-care API: elders and relatives, services and slots, bookings, the provider's day, monthly visits. */
export const careRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(elderRoutes);
  await app.register(catalogRoutes);
  await app.register(bookingRoutes);
  await app.register(visitRoutes);
};
