/**
 * Signed-in sessions kept in a server process's memory on PostgreSQL, so that a signed-in request does not begin
 * with a round trip to the database (on this project's machine a round trip costs more CPU than most requests'
 * own work: README, Performance → bookings). SQLite reads the session in-process and keeps nothing.
 *
 * A kept session is never trusted longer than the database says it may be:
 * - any change of `sessions`, `users` or `communities` (a sign-out, a role or scope changed, an account deleted,
 *   a 社区 added to a 街道) drops every kept session in every process: this process's own writes before they run
 *   (prepared-client.ts), everyone's by NOTIFY `auth_changed` at commit (triggers of migration 0630_auth_changes:
 *   other processes, the admin CLI, hand-written SQL);
 * - nothing is kept or served while the LISTEN connection is down, and everything is dropped when it is back;
 * - a session read before such a change is not kept (the ticket);
 * - each is read again after 10 s at most, and its expiry is checked on every request by the caller.
 */
import type { DatabaseTarget } from '../db';
import { listenOnChannel } from '../db/pg-listener';
import { watchWrites, type TableChanges } from '../db/prepared-client';
import type { AuthUser } from './auth';
import type { WarnLogger } from './calendar';

export interface KeptSession {
  user: AuthUser;
  expiresAt: string;
}

export interface SessionCache {
  get(tokenHash: string): KeptSession | undefined;
  /** Taken before reading a session from the database: keep() keeps it only if nothing changed in between. */
  ticket(): number;
  keep(ticket: number, tokenHash: string, session: KeptSession): void;
  close(): Promise<void>;
}

const KEEP_MS = 10_000;
const MAX_SESSIONS = 10_000;
/**
 * What a signed-in user is made of (authUserOf), and the changes that can make a kept one wrong: a new session or
 * user is no one's kept session; a new 社区 widens a 街道 worker's scope. The triggers of 0630_auth_changes match.
 */
const AUTH_CHANGES: TableChanges = [
  ['sessions', ['update', 'delete']],
  ['users', ['update', 'delete']],
  ['communities', ['insert', 'update', 'delete']],
];

const keepsNothing: SessionCache = {
  get: () => undefined,
  ticket: () => 0,
  keep: () => {},
  close: async () => {},
};

export function sessionCache(target: DatabaseTarget, log: WarnLogger): SessionCache {
  if (target.kind === 'sqlite') return keepsNothing;
  let generation = 0;
  const kept = new Map<string, { session: KeptSession; at: number }>();
  const forgetAll = () => {
    generation += 1;
    kept.clear();
  };
  const listener = listenOnChannel(target.url, 'auth_changed', { changed: forgetAll, listening: forgetAll, lost: forgetAll }, log);
  const stopWatching = watchWrites(AUTH_CHANGES, forgetAll);
  return {
    get(tokenHash) {
      listener.start();
      if (!listener.listening) return undefined;
      const entry = kept.get(tokenHash);
      if (!entry || Date.now() - entry.at > KEEP_MS) return undefined;
      return entry.session;
    },
    ticket: () => generation,
    keep(ticket, tokenHash, session) {
      if (ticket !== generation || !listener.listening) return;
      if (kept.size >= MAX_SESSIONS) kept.clear();
      kept.set(tokenHash, { session, at: Date.now() });
    },
    async close() {
      stopWatching();
      await listener.close();
    },
  };
}
