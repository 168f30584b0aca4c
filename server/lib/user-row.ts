import type { Insertable } from 'kysely';
import type { Database } from '../db/schema';

type NewUser = Insertable<Database['users']>;

/**
 * A new `users` row: the given fields over those of a plain resident — no phone, no scope, no demo key, no WeChat
 * link, no consent yet. Every feature that creates people (sign-in, seeds, operator commands, tests) starts here,
 * so a column added to users is defaulted in one place.
 */
export function newUserRow(fields: Pick<NewUser, 'display_name' | 'created_at'> & Partial<NewUser>): NewUser {
  return {
    phone_encrypted: null,
    phone_hash: null,
    role: 'resident',
    scope_community_id: null,
    scope_town_code: null,
    scope_service_point_id: null,
    community_id: null,
    is_volunteer: 0,
    demo_key: null,
    wechat_openid_hash: null,
    consent_version: null,
    consent_at: null,
    ...fields,
  };
}
