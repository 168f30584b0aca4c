import { createHash, randomBytes } from 'node:crypto';
import type { FastifyInstance, FastifyRequest, preHandlerAsyncHookHandler } from 'fastify';
import type { Kysely, Selectable } from 'kysely';
import type { Role, Scope } from '@contract/auth';
import type { Database } from '../db/schema';
import { sessionCache } from './session-cache';
import { forbidden, unauthenticated } from './errors';

/** The signed-in user as route handlers see it (`request.user`). */
export interface AuthUser {
  id: number;
  /** The name the user chose (a booking's 预约人 shows it to the parties). */
  displayName: string;
  role: Role;
  isVolunteer: boolean;
  /** Community of residence. */
  communityId: string | null;
  scope: Scope;
  /**
   * Communities a worker may act on: its own, or every community of its 街道 for a street-level worker; for a
   * city officer every community, to read (canSeeCommunity still refuses it any action).
   */
  scopeCommunityIds: string[];
  sessionId: number;
}

/** Why a request carrying a token is not signed in; lets 401 say "expired" rather than "please sign in". */
export type AuthFailure = 'missing' | 'invalid' | 'expired' | 'revoked';

/** A new bearer token (32 random bytes, base64url) and the hash that is stored in its place. */
export function newSessionToken(): { token: string; tokenHash: string } {
  const token = randomBytes(32).toString('base64url');
  return { token, tokenHash: hashToken(token) };
}

export function hashToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

function bearerToken(request: FastifyRequest): string | null {
  const header = request.headers.authorization;
  if (!header) return null;
  const match = /^Bearer\s+(\S+)$/i.exec(header);
  return match ? match[1] : null;
}

type UserRow = Selectable<Database['users']>;

/** The user a session belongs to, with the communities it may act on (one more query only for 街道 and city staff). */
export async function authUserOf(db: Kysely<Database>, row: UserRow, sessionId: number): Promise<AuthUser> {
  let scopeCommunityIds: string[] = [];
  if (row.role === 'worker' && row.scope_community_id) scopeCommunityIds = [row.scope_community_id];
  else if (row.role === 'worker' && row.scope_town_code) {
    const rows = await db.selectFrom('communities').select('id').where('town_code', '=', row.scope_town_code).execute();
    scopeCommunityIds = rows.map((r) => r.id);
  } else if (row.role === 'city') {
    // A city officer reads every community's figures; canSeeCommunity stays worker-only, so it acts on none.
    const rows = await db.selectFrom('communities').select('id').execute();
    scopeCommunityIds = rows.map((r) => r.id);
  }
  return {
    id: row.id,
    displayName: row.display_name,
    role: row.role,
    isVolunteer: row.is_volunteer === 1,
    communityId: row.community_id,
    scope: {
      communityId: row.scope_community_id,
      townCode: row.scope_town_code,
      servicePointId: row.scope_service_point_id,
    },
    scopeCommunityIds,
    sessionId,
  };
}

/**
 * Reads `Authorization: Bearer …` on every request and sets `request.user` (null when signed out).
 * A bad or stale token on a public route is not an error: the request just counts as signed out.
 */
export function registerAuthentication(app: FastifyInstance): void {
  app.decorateRequest('user', null);
  app.decorateRequest('authFailure', 'missing');
  const sessions = sessionCache(app.config.database, app.log);
  app.addHook('onClose', () => sessions.close());
  app.addHook('onRequest', async (request) => {
    const token = bearerToken(request);
    if (!token) return;
    const tokenHash = hashToken(token);
    const now = app.now().toISOString();
    const kept = sessions.get(tokenHash);
    if (kept && kept.expiresAt > now) {
      request.user = kept.user;
      return;
    }
    const ticket = sessions.ticket();
    // The session and its user in one query: this runs before every signed-in request not kept in memory.
    const session = await app.db
      .selectFrom('sessions')
      .innerJoin('users', 'users.id', 'sessions.user_id')
      .selectAll('users')
      .select(['sessions.id as session_id', 'sessions.expires_at as session_expires_at', 'sessions.revoked_at as session_revoked_at'])
      .where('sessions.token_hash', '=', tokenHash)
      .executeTakeFirst();
    if (!session) request.authFailure = 'invalid';
    else if (session.session_revoked_at) request.authFailure = 'revoked';
    else if (session.session_expires_at <= now) request.authFailure = 'expired';
    else {
      request.user = await authUserOf(app.db, session, session.session_id);
      sessions.keep(ticket, tokenHash, { user: request.user, expiresAt: session.session_expires_at });
    }
  });
}

/** What a 401 says, by why the request is not signed in: a token we never issued has not "expired". */
const SIGNED_OUT_WORDS: Record<AuthFailure, string> = {
  missing: '请先登录',
  invalid: '登录信息无效，请重新登录',
  expired: '登录已过期，请重新登录',
  revoked: '您已退出登录，请重新登录',
};

/** The signed-in user, or a 401 in Chinese. Use inside handlers: `const user = requireUser(request)`. */
export function requireUser(request: FastifyRequest): AuthUser {
  if (request.user) return request.user;
  throw unauthenticated(SIGNED_OUT_WORDS[request.authFailure]);
}

/** preHandler: any signed-in user. */
export const requireSignedIn: preHandlerAsyncHookHandler = async (request) => {
  requireUser(request);
};

/** preHandler: a signed-in user with one of these roles, e.g. `{ preHandler: requireRole('worker') }`. */
export function requireRole(...roles: Role[]): preHandlerAsyncHookHandler {
  return async (request) => {
    const user = requireUser(request);
    if (!roles.includes(user.role)) throw forbidden();
  };
}

/** A worker sees its community; a street-level worker every community of its 街道. Others: none. */
export function canSeeCommunity(user: AuthUser, communityId: string): boolean {
  return user.role === 'worker' && user.scopeCommunityIds.includes(communityId);
}

/** A provider acts only for its own service point. */
export function canServePoint(user: AuthUser, servicePointId: string): boolean {
  return user.role === 'provider' && user.scope.servicePointId === servicePointId;
}

/** Throws 403 unless the user is a worker of that community (directly or through its 街道). */
export function assertCanSeeCommunity(user: AuthUser, communityId: string): void {
  if (!canSeeCommunity(user, communityId)) throw forbidden('您只能处理本社区的事务');
}

export function assertCanServePoint(user: AuthUser, servicePointId: string): void {
  if (!canServePoint(user, servicePointId)) throw forbidden('您只能处理本服务点的事务');
}
