/**
 * Sessions kept in memory (server/lib/session-cache.ts, PostgreSQL) are never trusted past a change: a sign-out,
 * or a user changed by hand in the database, is seen by every server process. The processes keep a session up to
 * 10 s, so a change seen within the 5 s these tests wait was heard, not waited out. On SQLite (one process, nothing
 * kept) the same answers hold at once.
 */
import { sql } from 'kysely';
import { startTestServers, type TestServers } from '../../testing/servers';

jest.setTimeout(120_000);

const SEEN_WITHIN_MS = 5_000;

async function statusOf(url: string, path: string, headers: Record<string, string>): Promise<number> {
  return (await fetch(`${url}${path}`, { headers })).status;
}

/** Asks until every process answers `expected` (or the time is up); the answers last seen. */
async function untilEveryProcess(servers: TestServers, path: string, headers: Record<string, string>, expected: number): Promise<number[]> {
  const deadline = Date.now() + SEEN_WITHIN_MS;
  for (;;) {
    const statuses = await Promise.all(servers.urls.map((url) => statusOf(url, path, headers)));
    if (statuses.every((status) => status === expected) || Date.now() > deadline) return statuses;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('kept sessions', () => {
  let servers: TestServers;
  beforeAll(async () => {
    servers = await startTestServers();
  });
  afterAll(() => servers.close());

  it('a sign-out on one process is refused by every process', async () => {
    const headers = await servers.signIn('resident');
    // Every process has served (and so may keep) the session.
    for (let round = 0; round < 3; round += 1) {
      expect(await Promise.all(servers.urls.map((url) => statusOf(url, '/api/me', headers)))).toEqual(servers.urls.map(() => 200));
    }
    const out = await fetch(`${servers.urls[0]}/api/auth/logout`, { method: 'POST', headers });
    expect(out.status).toBe(200);
    // The process that signed out answers the next request from the database.
    expect(await statusOf(servers.urls[0], '/api/me', headers)).toBe(401);
    expect(await untilEveryProcess(servers, '/api/me', headers, 401)).toEqual(servers.urls.map(() => 401));
  });

  it('a worker whose role is taken away in the database (not through the API) loses the worker pages on every process', async () => {
    const headers = await servers.signIn('worker');
    const me = (await (await fetch(`${servers.urls[0]}/api/me`, { headers })).json()) as { user: { id: number } };
    expect(await untilEveryProcess(servers, '/api/corrections', headers, 200)).toEqual(servers.urls.map(() => 200));
    await servers.db.updateTable('users').set({ role: 'resident', scope_community_id: null }).where('id', '=', me.user.id).execute();
    expect(await untilEveryProcess(servers, '/api/corrections', headers, 403)).toEqual(servers.urls.map(() => 403));
  });

  it('nothing is kept while the listening connection is down: a change made then is seen', async () => {
    if (servers.kind !== 'postgres') return;
    const headers = await servers.signIn('street');
    expect(await untilEveryProcess(servers, '/api/corrections', headers, 200)).toEqual(servers.urls.map(() => 200));
    await sql`select pg_terminate_backend(pid) from pg_stat_activity where application_name = 'linjiang-auth_changed'`.execute(servers.db);
    // Time for the processes to notice the lost connection (they reconnect after 1 s).
    await new Promise((resolve) => setTimeout(resolve, 200));
    const me = (await (await fetch(`${servers.urls[0]}/api/me`, { headers })).json()) as { user: { id: number } };
    await servers.db.updateTable('users').set({ role: 'resident', scope_town_code: null }).where('id', '=', me.user.id).execute();
    expect(await Promise.all(servers.urls.map((url) => statusOf(url, '/api/corrections', headers)))).toEqual(servers.urls.map(() => 403));
  });
});
