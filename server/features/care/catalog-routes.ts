/**
 * What can be booked: care services (public), their slots of a date with places left (public), and a
 * provider's day at its own point: bookings by slot, with the 送餐 count and where to deliver.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  bookingStatusNames,
  careServiceListQuerySchema,
  careServiceListSchema,
  scheduleQuerySchema,
  scheduleSchema,
  slotListQuerySchema,
  slotListSchema,
  type Schedule,
} from '@contract/care';
import { chinaLocal } from '@contract/rules/calendar';
import { bookableDates, isWithinBookingWindow } from '@contract/rules/care';
import type { CareServiceKind } from '@contract/rules/care-price';
import { maskPhone } from '@contract/rules/mask';
import { requireRole, requireUser } from '../../lib/auth';
import { fieldError, forbidden } from '../../lib/errors';
import { nextStatuses } from './booking-views';
import { ensureSlots, selectServices, toService, toSlot } from './catalog';

export const catalogRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/care/services',
    { schema: { tags: ['care'], querystring: careServiceListQuerySchema, response: { 200: careServiceListSchema } } },
    async (request) => {
      const { kind, point, community } = request.query;
      let rows = selectServices(app.db).orderBy('care_services.kind').orderBy('care_services.service_point_id').orderBy('care_services.position');
      if (kind) rows = rows.where('care_services.kind', '=', kind);
      if (point) rows = rows.where('care_services.service_point_id', '=', point);
      if (community) rows = rows.where('service_points.community_id', '=', community);
      return { items: (await rows.execute()).map(toService), nextCursor: null };
    },
  );

  app.get(
    '/care/slots',
    { schema: { tags: ['care'], querystring: slotListQuerySchema, response: { 200: slotListSchema } } },
    async (request) => {
      const { service: serviceId, date } = request.query;
      const now = app.now();
      const service = await selectServices(app.db).where('care_services.id', '=', serviceId).executeTakeFirst();
      if (!service) throw fieldError('service', '没有这项服务');
      if (!isWithinBookingWindow(date, now)) throw fieldError('date', `只能选今天起 ${bookableDates(now).length - 1} 天内的日期`);
      await ensureSlots(app.db, [service], [date]);
      const slots = await app.db
        .selectFrom('care_slots')
        .selectAll()
        .where('service_id', '=', serviceId)
        .where('date', '=', date)
        .orderBy('start_time')
        .execute();
      return {
        service: toService(service),
        date,
        dates: bookableDates(now),
        items: slots.map((slot) => toSlot(slot, service.kind as CareServiceKind, now)),
        nextCursor: null,
      };
    },
  );

  app.get(
    '/care/schedule',
    { preHandler: requireRole('provider'), schema: { tags: ['care'], querystring: scheduleQuerySchema, response: { 200: scheduleSchema } } },
    async (request) => {
      const user = requireUser(request);
      const pointId = user.scope.servicePointId;
      if (!pointId) throw forbidden('您的账号没有关联服务点');
      const now = app.now();
      const date = request.query.date ?? chinaLocal(now).date;
      const services = await selectServices(app.db).where('care_services.service_point_id', '=', pointId).orderBy('care_services.position').execute();
      if (isWithinBookingWindow(date, now)) await ensureSlots(app.db, services, [date]);
      const point = await app.db
        .selectFrom('service_points')
        .leftJoin('communities', 'communities.id', 'service_points.community_id')
        .select([
          'service_points.id',
          'service_points.name',
          'service_points.address',
          'service_points.phone',
          'service_points.community_id',
          'service_points.is_demo',
          'communities.name as community_name',
        ])
        .where('service_points.id', '=', pointId)
        .executeTakeFirstOrThrow();
      const slots = services.length
        ? await app.db
            .selectFrom('care_slots')
            .selectAll()
            .where('service_id', 'in', services.map((s) => s.id))
            .where('date', '=', date)
            .orderBy('start_time')
            .orderBy('service_id')
            .execute()
        : [];
      const bookings = slots.length
        ? await app.db
            .selectFrom('bookings')
            .innerJoin('elder_profiles', 'elder_profiles.id', 'bookings.elder_id')
            .select([
              'bookings.id',
              'bookings.slot_id',
              'bookings.status',
              'bookings.meal_mode',
              'bookings.address',
              'bookings.note',
              'bookings.slot_date',
              'bookings.slot_start',
              'elder_profiles.name as elder_name',
              'elder_profiles.phone_encrypted',
            ])
            .where('bookings.slot_id', 'in', slots.map((s) => s.id))
            .where('bookings.status', '!=', 'cancelled')
            .orderBy('bookings.id')
            .execute()
        : [];
      await app.audit({ actorId: user.id, action: 'care.view_schedule', subjectType: 'service_point', subjectId: pointId, detail: { date, bookings: bookings.length } });
      const serviceById = new Map(services.map((s) => [s.id, s]));
      const schedule: Schedule = {
        date,
        servicePoint: {
          id: point.id,
          name: point.name,
          address: point.address,
          phone: point.phone,
          communityId: point.community_id,
          communityName: point.community_name ?? null,
          isDemo: point.is_demo === 1,
        },
        slots: slots.map((slot) => {
          const service = serviceById.get(slot.service_id)!;
          const own = bookings.filter((b) => b.slot_id === slot.id);
          // Everything not cancelled holds its place that day, done (已完成) and 未到 included.
          const held = own.filter((b) => b.status !== 'cancelled');
          return {
            slot: toSlot(slot, service.kind as CareServiceKind, now),
            service: { id: service.id, kind: service.kind as CareServiceKind, name: service.name },
            bookedCount: held.length,
            deliveryCount: held.filter((b) => b.meal_mode === 'delivery').length,
            bookings: own.map((b) => ({
              id: Number(b.id),
              status: b.status,
              statusName: bookingStatusNames[b.status],
              elderName: b.elder_name,
              elderPhone: b.phone_encrypted ? maskPhone(app.privacy.decrypt(b.phone_encrypted)) : null,
              mealMode: b.meal_mode,
              address: b.address,
              note: b.note,
              nextStatuses: nextStatuses(b, now),
            })),
          };
        }),
      };
      return schedule;
    },
  );
};
