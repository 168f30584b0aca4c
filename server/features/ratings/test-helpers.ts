/** Test helpers for the 好差评 API tests: users beyond the demo accounts, and short request helpers. */
import { randomBytes } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { newSessionToken } from '../../lib/auth';
import { newUserRow } from '../../lib/user-row';

export type Headers = { authorization: string };

/** A user who is not a demo account (another resident, a worker of another 社区), signed in. */
export async function signInNewUser(
  app: FastifyInstance,
  user: { name: string; role: 'resident' | 'worker' | 'provider'; phone?: string; scopeCommunityId?: string; scopeServicePointId?: string },
): Promise<{ id: number; headers: Headers }> {
  const now = app.now().toISOString();
  const phone = user.phone ?? `139${String(randomBytes(4).readUInt32BE() % 1e8).padStart(8, '0')}`;
  const row = await app.db
    .insertInto('users')
    .values(newUserRow({
      display_name: user.name,
      phone_encrypted: app.privacy.encrypt(phone),
      phone_hash: app.privacy.keyedHash(phone),
      role: user.role,
      scope_community_id: user.scopeCommunityId ?? null,
      scope_service_point_id: user.scopeServicePointId ?? null,
      community_id: user.scopeCommunityId ?? 'xinshi',
      created_at: now,
    }))
    .returning('id')
    .executeTakeFirstOrThrow();
  const { token, tokenHash } = newSessionToken();
  await app.db
    .insertInto('sessions')
    .values({ token_hash: tokenHash, user_id: row.id, created_at: now, expires_at: '2099-01-01T00:00:00.000Z', revoked_at: null })
    .execute();
  return { id: row.id, headers: { authorization: `Bearer ${token}` } };
}

export function requester(app: FastifyInstance) {
  return {
    get: (url: string, headers?: Headers) => app.inject({ method: 'GET', url, headers }),
    post: (url: string, headers: Headers | undefined, payload: unknown = {}) => app.inject({ method: 'POST', url, headers, payload: payload as object }),
  };
}
