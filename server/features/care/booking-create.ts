/**
 * Writing a new booking: the transaction that takes a place (never over capacity, never two overlapping bookings of
 * one elder) and the facts its messages are made of.
 */
import type { Kysely, QueryCreator } from 'kysely';
import { insertTogether } from '../../db/insert-together';
import type { Database } from '../../db/schema';
import type { AuthUser } from '../../lib/auth';
import { conflict } from '../../lib/errors';
import { messageRow } from '../../lib/messages';
import { bookingMessages, type BookingFacts } from './booking-notify';
import { overlappingBooking, overlapRefusal, SLOT_FULL, type BookingPlan } from './booking-rules';
import type { BookingRow } from './booking-views';

export function factsOf(row: BookingRow): BookingFacts {
  return {
    id: Number(row.id),
    bookerUserId: Number(row.booker_user_id),
    elderUserId: row.elder_user_id === null ? null : Number(row.elder_user_id),
    elderName: row.elder_name,
    serviceName: row.service_name,
    pointName: row.point_name,
    date: row.slot_date,
    start: row.slot_start,
    end: row.slot_end,
    mealMode: row.meal_mode,
    payableFen: row.payable_fen,
  };
}


/**
 * Takes a place for the plan, in the caller's transaction, in as few round trips as the rules allow (each one holds
 * the elder's lock a little longer): lock the elder, check overlaps, take the place, write the booking (its row
 * comes back whole), then its request key, its first timeline entry and the message together. A second request with
 * the same key waits on the elder's lock, then is refused by the overlap and replays this one.
 */
export async function book(
  trx: Kysely<Database>,
  user: AuthUser,
  plan: BookingPlan,
  request: { note: string | null; key: string | null; digest: string; now: Date },
): Promise<{ row: BookingRow; byRole: string }> {
  const { found, slot, service } = plan;
  const { key, now } = request;
  const elderId = Number(found.elder.id);
  const byRole = found.access === 'self' ? '本人' : '家属';
  // One booking of an elder at a time (this row stays locked until commit), so the overlap check holds.
  await trx.updateTable('elder_profiles').set((eb) => ({ booking_seq: eb('booking_seq', '+', 1) })).where('id', '=', elderId).execute();
  const overlap = await overlappingBooking(trx, elderId, slot);
  if (overlap) throw overlapRefusal(overlap, slot.id);
  const taken = await trx
    .updateTable('care_slots')
    .set((eb) => ({ booked: eb('booked', '+', 1) }))
    .where('id', '=', slot.id)
    .where((eb) => eb('booked', '<', eb.ref('capacity')))
    .executeTakeFirst();
  if (Number(taken.numUpdatedRows) === 0) throw conflict(SLOT_FULL);
  const inserted = await trx
    .insertInto('bookings')
    .values({
      booker_user_id: user.id,
      elder_id: elderId,
      service_point_id: service.service_point_id,
      service_id: service.id,
      slot_id: slot.id,
      kind: plan.kind,
      slot_date: slot.date,
      slot_start: slot.start_time,
      slot_end: slot.end_time,
      status: 'booked',
      booker_relation: found.access === 'self' ? '本人' : (found.binding?.relation ?? '家属'),
      meal_mode: plan.mealMode,
      address: plan.address,
      note: request.note,
      price_json: JSON.stringify(plan.price),
      payable_fen: plan.price.payableFen,
      active_slot_id: slot.id,
      created_at: now.toISOString(),
      completed_at: null,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  const row: BookingRow = {
    ...inserted,
    elder_name: found.elder.name,
    elder_user_id: found.elder.user_id,
    elder_community_id: found.elder.community_id,
    elder_phone_encrypted: found.elder.phone_encrypted,
    service_name: service.name,
    point_name: service.point_name,
    point_phone: service.point_phone,
    slot_menu: slot.menu,
  };
  // Its request key, its first timeline entry and its 消息 depend on nothing but the booking: one statement.
  const atText = now.toISOString();
  await insertTogether(trx, [
    ...(key
      ? [(db: QueryCreator<Database>) =>
          db.insertInto('booking_requests').values({ user_id: user.id, idempotency_key: key, body_hash: request.digest, booking_id: row.id, created_at: atText })]
      : []),
    (db) => db.insertInto('booking_events').values({ booking_id: row.id, status: 'booked', at: atText, by_user_id: user.id, by_role: byRole, note: null }),
    (db) => db.insertInto('messages').values(bookingMessages(factsOf(row), 'booked', now).map(messageRow)),
  ]);
  return { row, byRole };
}

