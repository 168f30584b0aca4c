import type { FastifyInstance } from 'fastify';
import { maskPhone } from '@contract/rules/mask';
import type { User } from '@contract/auth';
import { newSessionToken } from '../../lib/auth';
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
  await app.audit({ actorId: userId, action: 'auth.sign_in', subjectType: 'session', subjectId: session.id, detail: { method } });
  return { token, expiresAt: expiresAt.toISOString(), user: await publicUser(app, userId) };
}
