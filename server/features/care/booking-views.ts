/**
 * Bookings as their viewers see them (booker, elder, relative, provider, worker), and who may see or act on
 * one. A booking nobody may see answers 404, as if it did not exist.
 */
import type { Kysely, Selectable } from 'kysely';
import {
  bookingStatusNames,
  serviceKindNames,
  type Booking,
  type BookingStatus,
  type BookingSummary,
  type TimelineEntry,
} from '@contract/care';
import { bookingCutoff, chinaInstant, isBeforeCutoff } from '@contract/rules/care';
import type { CareServiceKind, PriceBreakdown } from '@contract/rules/care-price';
import { maskName } from '@contract/rules/mask';
import type { Database } from '../../db/schema';
import { canSeeCommunity, canServePoint, type AuthUser } from '../../lib/auth';
import { notFound } from '../../lib/errors';
import type { BookingEventsTable, BookingsTable } from './tables';

export const BOOKING_NOT_FOUND = '没有找到这份预约';

export function selectBookings(db: Kysely<Database>) {
  return db
    .selectFrom('bookings')
    .innerJoin('elder_profiles', 'elder_profiles.id', 'bookings.elder_id')
    .innerJoin('care_services', 'care_services.id', 'bookings.service_id')
    .innerJoin('service_points', 'service_points.id', 'bookings.service_point_id')
    .innerJoin('care_slots', 'care_slots.id', 'bookings.slot_id')
    .selectAll('bookings')
    .select([
      'elder_profiles.name as elder_name',
      'elder_profiles.user_id as elder_user_id',
      'elder_profiles.community_id as elder_community_id',
      'elder_profiles.phone_encrypted as elder_phone_encrypted',
      'care_services.name as service_name',
      'service_points.name as point_name',
      'service_points.phone as point_phone',
      'care_slots.menu as slot_menu',
    ]);
}
export type BookingRow = Awaited<ReturnType<ReturnType<typeof selectBookings>['executeTakeFirstOrThrow']>>;

/** How the caller stands to a booking: a party (booker, elder, bound relative), its provider, or a worker of the elder's 社区. */
export type BookingViewer = 'party' | 'provider' | 'worker';

export async function viewerOf(db: Kysely<Database>, user: AuthUser, row: BookingRow): Promise<BookingViewer | null> {
  if (row.booker_user_id === user.id || row.elder_user_id === user.id) return 'party';
  const binding = await db
    .selectFrom('elder_bindings')
    .select('id')
    .where('elder_id', '=', row.elder_id)
    .where('user_id', '=', user.id)
    .where('status', '=', 'active')
    .executeTakeFirst();
  if (binding) return 'party';
  if (canServePoint(user, row.service_point_id)) return 'provider';
  if (canSeeCommunity(user, row.elder_community_id)) return 'worker';
  return null;
}

export async function requireBooking(
  db: Kysely<Database>,
  user: AuthUser,
  id: number,
): Promise<{ row: BookingRow; viewer: BookingViewer }> {
  const row = await selectBookings(db).where('bookings.id', '=', id).executeTakeFirst();
  const viewer = row ? await viewerOf(db, user, row) : null;
  if (!row || !viewer) throw notFound(BOOKING_NOT_FOUND);
  return { row, viewer };
}

const ACTIVE: readonly BookingStatus[] = ['booked', 'confirmed'];
export const isActive = (status: BookingStatus) => ACTIVE.includes(status);

/** The status changes a provider may make now: confirm before the service, complete, 未到 once it has started. */
export function nextStatuses(row: Pick<BookingsTable, 'status' | 'slot_date' | 'slot_start'>, now: Date): Array<'confirmed' | 'completed' | 'no_show'> {
  if (!isActive(row.status)) return [];
  const started = now.getTime() >= chinaInstant(row.slot_date, row.slot_start).getTime();
  const next: Array<'confirmed' | 'completed' | 'no_show'> = [];
  if (row.status === 'booked') next.push('confirmed');
  next.push('completed');
  if (started) next.push('no_show');
  return next;
}

export function canCancel(row: Pick<BookingsTable, 'status' | 'kind' | 'slot_date' | 'slot_start'>, viewer: BookingViewer, now: Date): boolean {
  return viewer === 'party' && isActive(row.status) && isBeforeCutoff(row.kind as CareServiceKind, { date: row.slot_date, start: row.slot_start }, now);
}

export function toBookingSummary(row: Selectable<BookingsTable> & Pick<BookingRow, 'elder_name' | 'service_name' | 'point_name' | 'point_phone'>): BookingSummary {
  const kind = row.kind as CareServiceKind;
  return {
    id: Number(row.id),
    status: row.status,
    statusName: bookingStatusNames[row.status],
    elder: { id: Number(row.elder_id), name: row.elder_name },
    service: { id: row.service_id, kind, kindName: serviceKindNames[kind], name: row.service_name },
    servicePoint: { id: row.service_point_id, name: row.point_name, phone: row.point_phone },
    slot: { id: row.slot_id, date: row.slot_date, start: row.slot_start, end: row.slot_end },
    mealMode: row.meal_mode,
    payableFen: row.payable_fen,
    createdAt: row.created_at,
  };
}

export async function toBooking(db: Kysely<Database>, row: BookingRow, viewer: BookingViewer, now: Date): Promise<Booking> {
  const [events, booker] = await Promise.all([
    db.selectFrom('booking_events').selectAll().where('booking_id', '=', row.id).orderBy('id').execute(),
    db.selectFrom('users').select('display_name').where('id', '=', row.booker_user_id).executeTakeFirstOrThrow(),
  ]);
  return bookingView(row, viewer, now, events, booker.display_name);
}

/** A booking as `viewer` sees it, from its row, its timeline events (oldest first) and the booker's name. */
export function bookingView(
  row: BookingRow,
  viewer: BookingViewer,
  now: Date,
  events: ReadonlyArray<Pick<Selectable<BookingEventsTable>, 'status' | 'at' | 'by_role' | 'note'>>,
  bookerName: string,
): Booking {
  const timeline: TimelineEntry[] = events.map((e) => ({
    status: e.status,
    label: bookingStatusNames[e.status],
    at: e.at,
    by: e.by_role,
    note: e.note,
  }));
  return {
    ...toBookingSummary(row),
    address: row.address,
    note: row.note,
    menu: row.slot_menu,
    price: JSON.parse(row.price_json) as PriceBreakdown,
    bookedBy: {
      userId: Number(row.booker_user_id),
      name: viewer === 'party' ? bookerName : maskName(bookerName),
      relation: row.booker_relation,
    },
    cancelUntil: bookingCutoff(row.kind as CareServiceKind, { date: row.slot_date, start: row.slot_start }).toISOString(),
    canCancel: canCancel(row, viewer, now),
    nextStatuses: viewer === 'provider' ? nextStatuses(row, now) : [],
    timeline,
    completedAt: row.completed_at,
  };
}
