/**
 * Writing a new booking: all or nothing, it takes a place (never over capacity) only if nothing was booked for the
 * elder since the request was judged (never two overlapping bookings of one elder), with its request key, its first
 * timeline entry and its 消息; and the facts its messages are made of.
 */
import type { Kysely, Selectable } from 'kysely';
import { writeGuarded, type NewRow } from '../../db/guarded-writes';
import type { Database } from '../../db/schema';
import type { AuthUser } from '../../lib/auth';
import { messageRow } from '../../lib/messages';
import { bookingMessages, type BookingFacts } from './booking-notify';
import type { BookingPlan } from './booking-rules';
import type { BookingRow } from './booking-views';
import type { BookingsTable } from './tables';

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

export type BookOutcome =
  | { booked: true; row: BookingRow; byRole: string }
  /** elder-changed: a booking was made for the elder since the read, so the overlap check must be made again. */
  | { booked: false; why: 'elder-changed' | 'full' };

/**
 * Books the plan as judged on one read (booking-read.ts): `seenSeq` is the elder's booking_seq then, `idAhead` the
 * id that read took for the booking. Nothing is written unless the elder's booking_seq is still `seenSeq` (it is
 * bumped here, so every other booking of the elder, in any process, waits for this one and then finds it moved) and
 * the slot still has a place (taken here). On PostgreSQL that is one round trip and no open transaction.
 */
export async function book(
  db: Kysely<Database>,
  user: AuthUser,
  plan: BookingPlan,
  request: { seenSeq: number; idAhead: number | null; note: string | null; key: string | null; digest: string; now: Date },
): Promise<BookOutcome> {
  const { found, slot, service } = plan;
  const { key, now } = request;
  const elderId = Number(found.elder.id);
  const byRole = found.access === 'self' ? '本人' : '家属';
  const atText = now.toISOString();
  const bookingOf = (id: number): Selectable<BookingsTable> => ({
    id,
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
    created_at: atText,
    completed_at: null,
  });
  const rowOf = (id: number): BookingRow => ({
    ...bookingOf(id),
    elder_name: found.elder.name,
    elder_user_id: found.elder.user_id,
    elder_community_id: found.elder.community_id,
    elder_phone_encrypted: found.elder.phone_encrypted,
    service_name: service.name,
    point_name: service.point_name,
    point_phone: service.point_phone,
    slot_menu: slot.menu,
  });
  const outcome = await writeGuarded(db, {
    guards: [
      (q) =>
        q
          .updateTable('elder_profiles')
          .set((eb) => ({ booking_seq: eb('booking_seq', '+', 1) }))
          .where('id', '=', elderId)
          .where('booking_seq', '=', request.seenSeq),
      (q) =>
        q
          .updateTable('care_slots')
          .set((eb) => ({ booked: eb('booked', '+', 1) }))
          .where('id', '=', slot.id)
          .where((eb) => eb('booked', '<', eb.ref('capacity'))),
    ],
    newId: { table: 'bookings', ahead: request.idAhead },
    rows: (id): NewRow[] => [
      { table: 'bookings', row: bookingOf(id) },
      ...(key ? [{ table: 'booking_requests' as const, row: { user_id: user.id, idempotency_key: key, body_hash: request.digest, booking_id: id, created_at: atText } }] : []),
      { table: 'booking_events', row: { booking_id: id, status: 'booked', at: atText, by_user_id: user.id, by_role: byRole, note: null } },
      ...bookingMessages(factsOf(rowOf(id)), 'booked', now).map((message) => ({ table: 'messages' as const, row: messageRow(message) })),
    ],
  });
  if (!outcome.written) return { booked: false, why: outcome.failedGuard === 0 ? 'elder-changed' : 'full' };
  return { booked: true, row: rowOf(outcome.id), byRole };
}
