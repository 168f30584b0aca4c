/**
 * Everything a booking request needs to be judged, read in one statement: the slot with its service and point, the
 * elder (with the count of bookings made for them, which the write checks has not moved), the elder's other active
 * bookings that day, the caller's binding to the elder, and an earlier request with the same Idempotency-Key. On
 * PostgreSQL each round trip costs more than the query (README, Performance → bookings): a refusal of a full slot is
 * this read and nothing else, a booking this read and one write (booking-create.ts).
 */
import { sql, type Kysely, type Selectable } from 'kysely';
import type { Database } from '../../db/schema';
import { columnsOf, prefixedColumns, unprefixed } from '../../db/prefixed-columns';
import { idAheadOf } from '../../db/portable';
import type { AuthUser } from '../../lib/auth';
import type { BindingRow } from './elders';
import type { BookingRequestsTable, CareServicesTable, CareSlotsTable, ElderBindingsTable, ElderProfilesTable } from './tables';

const SLOT_COLUMNS = columnsOf<CareSlotsTable>()(['id', 'service_id', 'date', 'start_time', 'end_time', 'capacity', 'booked', 'menu']);
// Only what a booking is judged and written by: the menus, templates, ID numbers and contacts stay in the database
// (on PostgreSQL every column costs parsing on each request).
const SERVICE_COLUMNS = ['id', 'service_point_id', 'kind', 'name', 'place', 'price_fen', 'delivery_fee_fen'] as const satisfies readonly (keyof CareServicesTable)[];
const ELDER_COLUMNS = [
  'id',
  'user_id',
  'name',
  'birth_date',
  'phone_encrypted',
  'address',
  'community_id',
  'classes_json',
  'dibao',
  'bath_assessed_on',
  'booking_seq',
] as const satisfies readonly (keyof ElderProfilesTable)[];
const BINDING_COLUMNS = ['id', 'relation', 'status'] as const satisfies readonly (keyof ElderBindingsTable)[];

/** Built once: the expressions are immutable, and building them per request showed in the profile. */
const PREFIXED_COLUMNS = [
  ...prefixedColumns('care_slots', 'slot_', SLOT_COLUMNS),
  ...prefixedColumns('care_services', 'service_', SERVICE_COLUMNS),
  ...prefixedColumns('elder_profiles', 'elder_', ELDER_COLUMNS),
  ...prefixedColumns('elder_bindings', 'binding_', BINDING_COLUMNS),
];

export type SlotRow = Selectable<CareSlotsTable>;
export type BookingService = Pick<Selectable<CareServicesTable>, (typeof SERVICE_COLUMNS)[number]> & { point_name: string; point_phone: string };
export type ServiceRow = BookingService & { point_closed_at: string | null };
export type BookingElder = Pick<Selectable<ElderProfilesTable>, (typeof ELDER_COLUMNS)[number]>;
export type BookingBinding = Pick<BindingRow, (typeof BINDING_COLUMNS)[number]>;
export type EarlierRequest = Pick<Selectable<BookingRequestsTable>, 'body_hash' | 'booking_id'>;

/** An active booking of the elder on the slot's day, to check overlaps against. */
export interface SameDayBooking {
  slot_id: string;
  slot_start: string;
  slot_end: string;
  /** Its service's name, for the refusal. */
  name: string;
}

export interface BookingRead {
  slot: SlotRow | null;
  service: ServiceRow | null;
  elder: BookingElder | null;
  binding: BookingBinding | null;
  sameDay: SameDayBooking[];
  /** The request that already used this Idempotency-Key (null without a key, or when none did). */
  earlier: EarlierRequest | null;
  /** The new booking's id, taken ahead when the slot has a place and the database can (idAheadOf), else null. */
  idAhead: number | null;
}

/**
 * One row whatever exists, or one per same-day booking: every table is left-joined to a one-row start, so a missing
 * slot or elder reads as null and the caller decides which refusal comes first.
 */
export async function readBookingRequest(
  db: Kysely<Database>,
  user: AuthUser,
  request: { elderId: number; slotId: string },
  key: string | null,
): Promise<BookingRead> {
  const rows = (await db
    .selectFrom(sql<{ one: number }>`(select 1 as one)`.as('start'))
    .leftJoin('care_slots', (join) => join.on('care_slots.id', '=', request.slotId))
    .leftJoin('care_services', 'care_services.id', 'care_slots.service_id')
    .leftJoin('service_points', 'service_points.id', 'care_services.service_point_id')
    .leftJoin('elder_profiles', (join) => join.on('elder_profiles.id', '=', request.elderId))
    .leftJoin('elder_bindings', (join) => join.onRef('elder_bindings.elder_id', '=', 'elder_profiles.id').on('elder_bindings.user_id', '=', user.id))
    // Without a key the join matches nothing: keys are 8 to 64 characters.
    .leftJoin('booking_requests', (join) => join.on('booking_requests.user_id', '=', user.id).on('booking_requests.idempotency_key', '=', key ?? ''))
    .leftJoin('bookings as same_day', (join) =>
      join
        .onRef('same_day.elder_id', '=', 'elder_profiles.id')
        .onRef('same_day.slot_date', '=', 'care_slots.date')
        .on('same_day.status', 'in', ['booked', 'confirmed']),
    )
    .leftJoin('care_services as same_day_service', 'same_day_service.id', 'same_day.service_id')
    .select((eb) => [
      ...PREFIXED_COLUMNS,
      'service_points.name as point_name',
      'service_points.phone as point_phone',
      'service_points.closed_at as point_closed_at',
      'booking_requests.body_hash as earlier_body_hash',
      'booking_requests.booking_id as earlier_booking_id',
      'same_day.slot_id as same_day_slot_id',
      'same_day.slot_start as same_day_start',
      'same_day.slot_end as same_day_end',
      'same_day_service.name as same_day_name',
      eb.case().when('care_slots.booked', '<', eb.ref('care_slots.capacity')).then(idAheadOf(db, 'bookings')).end().as('id_ahead'),
    ])
    .execute()) as Record<string, unknown>[];
  const row = rows[0];
  const service = unprefixed<Omit<BookingService, 'point_name' | 'point_phone'>>(row, 'service_', SERVICE_COLUMNS);
  return {
    slot: unprefixed<SlotRow>(row, 'slot_', SLOT_COLUMNS),
    service: service && {
      ...service,
      point_name: row.point_name as string,
      point_phone: row.point_phone as string,
      point_closed_at: row.point_closed_at as string | null,
    },
    elder: unprefixed<BookingElder>(row, 'elder_', ELDER_COLUMNS),
    binding: unprefixed<BookingBinding>(row, 'binding_', BINDING_COLUMNS),
    sameDay: rows
      .filter((r) => r.same_day_slot_id !== null && r.same_day_slot_id !== undefined)
      .map((r) => ({
        slot_id: r.same_day_slot_id as string,
        slot_start: r.same_day_start as string,
        slot_end: r.same_day_end as string,
        name: r.same_day_name as string,
      })),
    earlier:
      row.earlier_body_hash === null || row.earlier_body_hash === undefined
        ? null
        : { body_hash: row.earlier_body_hash as string, booking_id: row.earlier_booking_id as number | null },
    idAhead: row.id_ahead === null || row.id_ahead === undefined ? null : Number(row.id_ahead),
  };
}
