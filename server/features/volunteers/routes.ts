import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { activityRoutes } from './activities';
import { attendanceRoutes } from './attendance';
import { recordRoutes } from './records';
import { registrationRoutes } from './registration';
import { signupRoutes } from './signups';

/** Volunteer sign-up (DOMAIN.md §3): registration, activities, sign-ups, attendance, records, export. */
export const volunteersRoutes: FastifyPluginAsyncZod = async (app) => {
  await app.register(registrationRoutes);
  await app.register(activityRoutes);
  await app.register(signupRoutes);
  await app.register(attendanceRoutes);
  await app.register(recordRoutes);
};
