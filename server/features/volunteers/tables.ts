import type { Generated } from 'kysely';

/** ISO-8601 UTC text. */
type IsoTime = string;

/** A 志愿服务队 of a 社区 (seeded; one per community at least, some of them 党员志愿服务队). */
export interface VolunteerTeamsTable {
  id: string;
  community_id: string;
  name: string;
  is_party_team: number;
}

/** A registered volunteer (one per user and one per ID number). */
export interface VolunteersTable {
  id: Generated<number>;
  user_id: number;
  real_name: string;
  id_type: string;
  /** AES-256-GCM ciphertext of the ID number; the keyed hash below is what uniqueness is checked on. */
  id_number_encrypted: string;
  id_number_hash: string;
  /** 2206**********1234, kept so lists need no decryption. */
  id_number_masked: string;
  /** 'YYYY-MM-DD' */
  birth_date: string;
  sex: 'male' | 'female';
  phone_encrypted: string;
  phone_masked: string;
  community_id: string;
  /** JSON arrays of ids from config/domain/volunteers.json. */
  skills_json: string;
  availability_json: string;
  is_party_member: number;
  national_number: string | null;
  guardian_name: string | null;
  guardian_phone_encrypted: string | null;
  guardian_phone_masked: string | null;
  guardian_consent_at: IsoTime | null;
  created_at: IsoTime;
}

export interface ActivitiesTable {
  id: Generated<number>;
  community_id: string;
  team_id: string | null;
  title: string;
  description: string;
  notice: string;
  /** A directory service point (no foreign key: the directory feature owns them), or null with an address. */
  point_id: string | null;
  address: string | null;
  lat: number | null;
  lng: number | null;
  starts_at: IsoTime;
  ends_at: IsoTime;
  signup_deadline: IsoTime;
  capacity: number;
  /** Places taken: moved only by conditional updates (see signups.ts). */
  taken: number;
  min_age: number;
  skills_json: string;
  safeguards_json: string;
  target_group: string;
  cancelled_at: IsoTime | null;
  cancel_reason: string | null;
  created_by: number | null;
  created_at: IsoTime;
  updated_at: IsoTime;
  is_demo: number;
}

export interface ActivitySignupsTable {
  /** Also the arrival order of the waiting list. */
  id: Generated<number>;
  activity_id: number;
  volunteer_id: number;
  status: 'signed_up' | 'waitlisted' | 'cancelled';
  /** Under 14 at sign-up: 须监护人陪同. */
  accompanied: number;
  created_at: IsoTime;
  updated_at: IsoTime;
  checked_in_at: IsoTime | null;
  checked_out_at: IsoTime | null;
  /** Hours in half-hour steps, stored as a count of half hours (exact sums). */
  half_hours: number | null;
  confirmed_at: IsoTime | null;
  confirmed_by: number | null;
}

export interface VolunteersTables {
  volunteer_teams: VolunteerTeamsTable;
  volunteers: VolunteersTable;
  activities: ActivitiesTable;
  activity_signups: ActivitySignupsTable;
}
