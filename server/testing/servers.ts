/**
 * Several real server processes on one fresh database, for concurrency tests: the races a city deployment has
 * (two processes behind a reverse proxy, one PostgreSQL) happen here for real. On SQLite there is one process:
 * its file belongs to one process (server/main.ts refuses workers on it).
 *
 *   jest.setTimeout(120_000);
 *   const servers = await startTestServers();               // 2 processes on PostgreSQL, 1 on SQLite
 *   const headers = await servers.signIn('resident');
 *   await Promise.all(urls.map((url) => fetch(`${url}/api/…`, { method: 'POST', headers, body })));
 *   await servers.close();
 */
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Kysely } from 'kysely';
import type { DemoAccountKey } from '@contract/auth';
import { openDatabase } from '../db';
import type { DatabaseKind } from '../db/portable';
import type { Database } from '../db/schema';
import { createPrivacy, type Privacy } from '../lib/privacy/crypto';
import { createTestDatabase } from './databases';
import { spawnServer, type ServerProcess } from './processes';

export interface TestServersOptions {
  /** How many processes on PostgreSQL (default 2); SQLite always gets one. */
  processes?: number;
  /** Extra environment for every process (e.g. AUTH_RATE_LIMIT_PER_MINUTE, WECHAT_API_BASE). */
  env?: Record<string, string>;
  /** The app clock of every process starts here and runs on (CLOCK_START), e.g. '2026-11-26T02:00:00Z'. */
  clockStart?: string;
}

export interface TestServers {
  kind: DatabaseKind;
  /** One base URL per process, e.g. http://127.0.0.1:40123 */
  urls: string[];
  /** The same database, to arrange data and check what the servers wrote. */
  db: Kysely<Database>;
  /** The servers' keys: encrypt or hash personal data the way they do. */
  privacy: Privacy;
  /** Signs a demo account in (through `url`, default the first server) and returns the header to send. */
  signIn(account: DemoAccountKey, url?: string): Promise<{ authorization: string }>;
  /** What the processes printed, for a failing test's message. */
  output(): string;
  close(): Promise<void>;
}

export async function startTestServers(options: TestServersOptions = {}): Promise<TestServers> {
  const dir = mkdtempSync(join(tmpdir(), 'linjiang-servers-'));
  const database = await createTestDatabase(dir);
  const count = database.target.kind === 'postgres' ? (options.processes ?? 2) : 1;
  const dataKey = randomBytes(32);
  const env = {
    ...database.env,
    DATA_KEY: dataKey.toString('hex'),
    STATIC_DIR: join(dir, 'no-h5-build'),
    AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    ...(options.clockStart ? { CLOCK_START: options.clockStart } : {}),
    ...options.env,
  };
  const started = await Promise.allSettled(Array.from({ length: count }, () => spawnServer(env)));
  const servers = started.flatMap((result) => (result.status === 'fulfilled' ? [result.value] : []));
  const cleanUp = async () => {
    await Promise.all(servers.map((server: ServerProcess) => server.stop()));
    await database.drop();
    rmSync(dir, { recursive: true, force: true });
  };
  const failed = started.find((result) => result.status === 'rejected');
  if (failed) {
    await cleanUp();
    throw (failed as PromiseRejectedResult).reason;
  }

  const db = openDatabase(database.target);
  const urls = servers.map((server) => server.url);
  return {
    kind: database.target.kind,
    urls,
    db,
    privacy: createPrivacy(dataKey),
    async signIn(account, url = urls[0]) {
      const response = await fetch(`${url}/api/auth/demo`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ account }),
      });
      if (response.status !== 200) throw new Error(`demo sign-in failed: ${response.status} ${await response.text()}`);
      return { authorization: `Bearer ${((await response.json()) as { token: string }).token}` };
    },
    output: () => servers.map((server, index) => `--- process ${index + 1}\n${server.output()}`).join('\n'),
    async close() {
      await db.destroy();
      await cleanUp();
    },
  };
}
