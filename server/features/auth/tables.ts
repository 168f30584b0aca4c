import type { Generated } from 'kysely';

/** Timestamps are ISO-8601 UTC strings (sortable as text, portable to PostgreSQL). */
type IsoTime = string;

export interface UsersTable {
  id: Generated<number>;
  display_name: string;
  /** AES-256-GCM ciphertext of the phone number (server/lib/privacy). */
  phone_encrypted: string | null;
  /** Keyed hash of the phone number, for look-ups without decrypting. */
  phone_hash: string | null;
  role: 'resident' | 'worker' | 'provider' | 'city';
  /** Worker scoped to one community; a 街道-level worker has scope_town_code instead. */
  scope_community_id: string | null;
  scope_town_code: string | null;
  /** Provider's service point (no foreign key: the directory feature owns service points). */
  scope_service_point_id: string | null;
  /** Community of residence. */
  community_id: string | null;
  is_volunteer: number;
  /** Key of a seeded demo account ('resident', 'worker' …); null for real users. */
  demo_key: string | null;
  /** Keyed hash of the WeChat openid (the openid itself is never stored). */
  wechat_openid_hash: string | null;
  consent_version: string | null;
  consent_at: IsoTime | null;
  created_at: IsoTime;
  /** Keyed hash of the one-time code an operator's `create-worker` printed; cleared once used. */
  activation_code_hash: string | null;
  activation_expires_at: IsoTime | null;
  /** Set when the person deleted their account: the row stays (others' records point at it), emptied. */
  deleted_at: IsoTime | null;
}

export interface SessionsTable {
  id: Generated<number>;
  /** sha256 of the bearer token; the token itself is only ever held by the client. */
  token_hash: string;
  user_id: number;
  created_at: IsoTime;
  expires_at: IsoTime;
  revoked_at: IsoTime | null;
}

export interface ConsentsTable {
  id: Generated<number>;
  /** Keyed hash of the app's random device id. */
  device_hash: string;
  user_id: number | null;
  version: string;
  created_at: IsoTime;
  /** 1 = this row records that consent to `version` was withdrawn. */
  withdrawn: number;
}

export interface AuditLogTable {
  id: Generated<number>;
  actor_id: number | null;
  action: string;
  subject_type: string | null;
  subject_id: string | null;
  /** JSON without personal data (ids and codes only). */
  detail: string | null;
  created_at: IsoTime;
}

export interface AuthTables {
  users: UsersTable;
  sessions: SessionsTable;
  consents: ConsentsTable;
  audit_log: AuditLogTable;
}
