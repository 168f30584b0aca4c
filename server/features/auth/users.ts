import type { FastifyInstance } from 'fastify';
import { maskPhone } from '@contract/rules/mask';
import type { User } from '@contract/auth';
import { newSessionToken } from '../../lib/auth';
import { isRetryableConflict } from '../../db/portable';
import { DAY_MS } from '../../lib/clock';

/** The user as `GET /api/me` and sign-in return them; the phone is decrypted only to be masked. */
export async function publicUser(app: FastifyInstance, userId: number): Promise<User> {
  const row = await app.db
    .selectFrom('users')
    .leftJoin('communities', 'communities.id', 'users.community_id')
    .select([
      'users.id',
      'users.display_name',
      'users.phone_encrypted',
      'users.role',
      'users.is_volunteer',
      'users.community_id',
      'communities.name as community_name',
      'users.scope_community_id',
      'users.scope_town_code',
      'users.scope_service_point_id',
      'users.consent_version',
    ])
    .where('users.id', '=', userId)
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    displayName: row.display_name,
    maskedPhone: row.phone_encrypted ? maskPhone(app.privacy.decrypt(row.phone_encrypted)) : null,
    role: row.role,
    isVolunteer: row.is_volunteer === 1,
    communityId: row.community_id,
    communityName: row.community_name,
    scope: {
      communityId: row.scope_community_id,
      townCode: row.scope_town_code,
      servicePointId: row.scope_service_point_id,
    },
    consentVersion: row.consent_version,
  };
}

/** Opens a session: the token goes to the client once; only its hash is stored. */
export async function startSession(app: FastifyInstance, userId: number, method: 'demo' | 'wechat') {
  const now = app.now();
  const expiresAt = new Date(now.getTime() + app.config.sessionTtlDays * DAY_MS);
  const { token, tokenHash } = newSessionToken();
  const session = await app.db
    .insertInto('sessions')
    .values({
      token_hash: tokenHash,
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
      revoked_at: null,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  await keepSessionsInBounds(app, userId);
  await app.audit({ actorId: userId, action: 'auth.sign_in', subjectType: 'session', subjectId: session.id, detail: { method } });
  return { token, expiresAt: expiresAt.toISOString(), user: await publicUser(app, userId) };
}

/** Live sessions one person may hold (phones, browsers): the oldest beyond it are signed out. */
export const MAX_LIVE_SESSIONS = 5;

/**
 * After a sign-in: expired sessions (anyone's) are deleted — they can never be used again and only hold a
 * token hash and a time — and this user's live sessions beyond MAX_LIVE_SESSIONS, oldest first, are revoked, in
 * one statement. Simultaneous sign-ins of one person can still make PostgreSQL break a deadlock between two of
 * these statements: that must not fail the sign-in itself (it was a 500), and the next sign-in tidies up.
 */
async function keepSessionsInBounds(app: FastifyInstance, userId: number): Promise<void> {
  const now = app.now().toISOString();
  try {
    await app.db.deleteFrom('sessions').where('expires_at', '<=', now).execute();
    const newest = app.db
      .selectFrom('sessions')
      .select('id')
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .orderBy('id', 'desc')
      .limit(MAX_LIVE_SESSIONS);
    await app.db
      .updateTable('sessions')
      .set({ revoked_at: now })
      .where('user_id', '=', userId)
      .where('revoked_at', 'is', null)
      .where('id', 'not in', newest)
      .execute();
  } catch (error) {
    if (!isRetryableConflict(error)) throw error;
    app.log.warn('session housekeeping gave way to a simultaneous sign-in');
  }
}

/** 退出所有设备: every live session of the user is revoked; returns how many. */
export async function revokeAllSessions(app: FastifyInstance, userId: number): Promise<number> {
  const result = await app.db
    .updateTable('sessions')
    .set({ revoked_at: app.now().toISOString() })
    .where('user_id', '=', userId)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}
