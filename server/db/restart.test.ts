/**
 * A PostgreSQL restart under a running server: requests during the outage get 503 in the API's shape, and once
 * the database is back the same process answers 200 again — no server restart. The database here is a private
 * PostgreSQL instance made for this test (initdb in a temp folder, its own port), so stopping it disturbs
 * nothing else. Runs in the PostgreSQL half of the tests (TEST_DB=postgres).
 */
import { execFileSync } from 'node:child_process';
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from 'node:fs';
import { tmpdir, userInfo } from 'node:os';
import { join } from 'node:path';
import { randomBytes } from 'node:crypto';
import { testDatabaseKind } from '../testing/databases';
import { freePort, spawnServer } from '../testing/processes';

jest.setTimeout(120_000);

/** PostgreSQL's server programs (Debian keeps them out of PATH). */
function postgresBin(): string | null {
  const base = '/usr/lib/postgresql';
  if (!existsSync(base)) return null;
  const versions = readdirSync(base).sort((a, b) => Number(b) - Number(a));
  const found = versions.map((v) => join(base, v, 'bin')).find((bin) => existsSync(join(bin, 'initdb')));
  return found ?? null;
}

/** PostgreSQL refuses to run as root: as root, its programs run as the postgres user. */
function asPostgresUser(bin: string, program: string, args: string[]): void {
  const command = join(bin, program);
  if (userInfo().uid === 0) execFileSync('runuser', ['-u', 'postgres', '--', command, ...args], { stdio: 'pipe' });
  else execFileSync(command, args, { stdio: 'pipe' });
}

const bin = postgresBin();
const runHere = testDatabaseKind() === 'postgres' && bin !== null;
if (testDatabaseKind() === 'postgres' && !bin) {
  if (process.env.CI === 'true') throw new Error('PostgreSQL server programs (initdb, pg_ctl) are missing: CI runs the restart test');
  console.warn('PostgreSQL server programs (initdb) not found: the restart test was not run.');
}

(runHere ? describe : describe.skip)('a PostgreSQL restart while the server runs', () => {
  let dir: string;
  let pgctl: (...args: string[]) => void;
  let port: number;

  beforeAll(async () => {
    dir = mkdtempSync(join(tmpdir(), 'linjiang-pg-restart-'));
    if (userInfo().uid === 0) {
      const postgres = Number(execFileSync('id', ['-u', 'postgres']).toString().trim());
      chownSync(dir, postgres, postgres);
    }
    port = await freePort();
    const data = join(dir, 'data');
    asPostgresUser(bin!, 'initdb', ['-D', data, '-U', 'postgres', '-A', 'trust', '--no-sync', '-E', 'UTF8']);
    const options = `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off`;
    pgctl = (...args) => asPostgresUser(bin!, 'pg_ctl', ['-D', data, '-o', options, '-w', '-t', '30', ...args]);
    pgctl('start', '-l', join(dir, 'log'));
  });
  afterAll(() => {
    try {
      pgctl('stop', '-m', 'immediate');
    } catch {
      // Already stopped.
    }
    rmSync(dir, { recursive: true, force: true });
  });

  it('answers 503 in shape during the outage and 200 afterwards, with no server restart', async () => {
    const server = await spawnServer({
      DATABASE_URL: `postgres://postgres@127.0.0.1:${port}/postgres`,
      DATA_KEY: randomBytes(32).toString('hex'),
      STATIC_DIR: join(dir, 'no-h5-build'),
    });
    const get = async (path: string) => {
      const response = await fetch(`${server.url}${path}`);
      return { status: response.status, body: (await response.json()) as unknown };
    };
    try {
      expect(await get('/api/health')).toEqual({ status: 200, body: { ok: true, db: 'ok', database: 'postgres' } });
      expect((await get('/api/towns')).status).toBe(200);

      pgctl('stop', '-m', 'fast');
      for (const path of ['/api/health', '/api/towns', '/api/services?q=%E9%A3%9F%E5%A0%82']) {
        const answer = await get(path);
        expect(answer.status).toBe(503);
        expect(answer.body).toEqual({ error: { code: 'UNAVAILABLE', message: '系统暂时连不上数据库，请稍后再试' } });
      }

      pgctl('start', '-l', join(dir, 'log'));
      let health = await get('/api/health');
      for (let tries = 0; health.status !== 200 && tries < 40; tries += 1) {
        await new Promise((resolve) => setTimeout(resolve, 250));
        health = await get('/api/health');
      }
      expect(health.status).toBe(200);
      const towns = await get('/api/towns');
      expect(towns.status).toBe(200);
      expect((towns.body as { towns: unknown[] }).towns).toHaveLength(13);
      expect(server.child.exitCode).toBeNull();
    } finally {
      await server.stop();
    }
  });
});
