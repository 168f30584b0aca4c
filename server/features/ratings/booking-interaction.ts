/**
 * Rating a completed 助老预约 (DOMAIN §2: a completed booking is an interaction). The care feature owns the
 * `bookings` table; this feature reads it through the database only, in this one function, and never imports
 * the care feature. The booker (the elder or the relative who booked) rates it, once it is completed.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { conflict, notFound } from '../../lib/errors';

export async function findRateableBooking(db: Kysely<Database>, userId: number, bookingId: number): Promise<{ servicePointId: string }> {
  const booking = await db
    .selectFrom('bookings')
    .select(['service_point_id', 'status'])
    .where('id', '=', bookingId)
    .where('booker_user_id', '=', userId)
    .executeTakeFirst();
  if (!booking) throw notFound('没有找到这次预约');
  if (booking.status !== 'completed') throw conflict('服务完成后才能评价这次预约');
  return { servicePointId: booking.service_point_id };
}
