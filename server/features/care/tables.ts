import type { Generated } from 'kysely';

/** ISO-8601 UTC text. */
type IsoTime = string;
/** 'YYYY-MM-DD', China local. */
type LocalDate = string;

/** An elder's profile (电子档案). The ID number and phones are stored encrypted; the ID's keyed hash is unique. */
export interface ElderProfilesTable {
  id: Generated<number>;
  /** The elder's own account, when they use the app (one profile per account). */
  user_id: number | null;
  name: string;
  id_number_encrypted: string;
  id_number_hash: string;
  birth_date: LocalDate;
  phone_encrypted: string | null;
  address: string;
  community_id: string;
  grid: string | null;
  living_situation: string;
  /** Encrypted JSON [{ name, relation, phone }]: it holds phones. */
  emergency_contacts_encrypted: string;
  health_notes: string;
  diet: string;
  /** JSON array of class ids (config/domain/care.json), set by workers only. */
  classes_json: string;
  dibao: number;
  bath_assessed_on: LocalDate | null;
  /**
   * Bumped by every booking of this elder, which is written only if it still has the value its request was judged on:
   * a booking made meanwhile (in any process) sends the other back to read again and check overlaps (booking-create.ts).
   */
  booking_seq: number;
  created_by: number;
  created_at: IsoTime;
}

/** A relative's binding to an elder: pending until the elder's code, the elder or a worker confirms it. */
export interface ElderBindingsTable {
  id: Generated<number>;
  elder_id: number;
  user_id: number;
  relation: string;
  status: 'pending' | 'active';
  /** Keyed hash of the 6-digit code sent to the elder; null once used or when the elder has no account. */
  code_hash: string | null;
  code_expires_at: IsoTime | null;
  code_attempts: number;
  requested_at: IsoTime;
  confirmed_at: IsoTime | null;
  confirmed_by: 'code' | 'elder' | 'worker' | null;
}

/** A bookable service of a directory point (午餐 at a 长者食堂, 上门助洁 from a 居家养老服务站 …). */
export interface CareServicesTable {
  id: string;
  service_point_id: string;
  kind: string;
  name: string;
  description: string;
  place: 'onsite' | 'home';
  price_fen: number;
  delivery_fee_fen: number | null;
  /** JSON [{ start, end, capacity }]: the slots each day gets. */
  slot_template_json: string;
  /** JSON of seven menus, Monday first (meals); null otherwise. */
  weekly_menu_json: string | null;
  position: number;
}

/** One time slot of a service on a date, with its capacity and the places taken. */
export interface CareSlotsTable {
  /** `${service_id}:${date}:${HHMM}`: the same slot gets the same id in every process. */
  id: string;
  service_id: string;
  date: LocalDate;
  start_time: string;
  end_time: string;
  capacity: number;
  booked: number;
  menu: string | null;
}

export interface BookingsTable {
  id: Generated<number>;
  booker_user_id: number;
  elder_id: number;
  service_point_id: string;
  service_id: string;
  slot_id: string;
  kind: string;
  slot_date: LocalDate;
  slot_start: string;
  slot_end: string;
  status: 'booked' | 'confirmed' | 'completed' | 'cancelled' | 'no_show';
  /** 本人 or the relative's relation (子女 …) at booking time. */
  booker_relation: string;
  meal_mode: 'dine-in' | 'delivery' | null;
  address: string | null;
  note: string | null;
  /** PriceBreakdown (contract/care.ts) as JSON, fixed at booking. */
  price_json: string;
  payable_fen: number;
  /** The slot while the booking holds a place, null once cancelled: unique with elder_id (one place per elder and slot). */
  active_slot_id: string | null;
  created_at: IsoTime;
  completed_at: IsoTime | null;
}

/** The timeline: one row per state a booking went through. */
export interface BookingEventsTable {
  id: Generated<number>;
  booking_id: number;
  status: BookingsTable['status'];
  at: IsoTime;
  by_user_id: number;
  /** 本人, 家属, 服务点, 社区 */
  by_role: string;
  note: string | null;
}

/** Idempotency-Key of POST /api/bookings, per user: the body it came with and the booking it made. */
export interface BookingRequestsTable {
  user_id: number;
  idempotency_key: string;
  body_hash: string;
  booking_id: number | null;
  created_at: IsoTime;
}

/** A monthly visit (月探访) a worker recorded. */
export interface CareVisitsTable {
  id: Generated<number>;
  elder_id: number;
  community_id: string;
  worker_user_id: number;
  method: 'home' | 'phone' | 'video';
  visited_on: LocalDate;
  /** 'YYYY-MM' of visited_on */
  month: string;
  health: string;
  economy: string;
  safety: string;
  needs_referred: string;
  created_at: IsoTime;
}

export interface CareTables {
  elder_profiles: ElderProfilesTable;
  elder_bindings: ElderBindingsTable;
  care_services: CareServicesTable;
  care_slots: CareSlotsTable;
  bookings: BookingsTable;
  booking_events: BookingEventsTable;
  booking_requests: BookingRequestsTable;
  care_visits: CareVisitsTable;
}
