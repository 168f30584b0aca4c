import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { DemoAccountKey } from '@contract/auth';
import { buildApp } from '../app';
import { loadConfig, type Config } from '../config';
import type { FeatureModule } from '../lib/feature';
import { features as allFeatures } from '../features';
import { fixedClock, type FixedClock } from '../lib/clock';
import type { LogStream } from '../lib/privacy/logging';
import { createTestDatabase, type TestDatabase } from './databases';

/** 10:00 China time on Thursday 2026-11-26, a plain working day. */
export const DEFAULT_TEST_TIME = '2026-11-26T02:00:00.000Z';

export interface TestAppOptions {
  /** Extra environment (e.g. { NODE_ENV: 'production' }); the database and DATA_KEY are set for you. */
  env?: Record<string, string>;
  clock?: FixedClock;
  /** Extra feature modules after the real ones (e.g. a route used only by a test). */
  extraFeatures?: FeatureModule[];
  logger?: LogStream;
  /** Reuse an existing directory (its database file) instead of a fresh one. */
  dir?: string;
  /** Reuse an existing database (e.g. to restart an app on it); by default a fresh one of the run's kind. */
  database?: TestDatabase;
}

export interface TestApp {
  app: FastifyInstance;
  clock: FixedClock;
  config: Config;
  /** The temporary folder holding this app's database (SQLite) and files. */
  dir: string;
  database: TestDatabase;
  /** Signs a demo account in and returns the `authorization` header to send. */
  signIn(account: DemoAccountKey): Promise<{ authorization: string }>;
  /** Closes the app and deletes its temporary folder and database (unless they were passed in). */
  close(): Promise<void>;
}

/**
 * A real app on a fresh database — an SQLite file in a temp folder, or with TEST_DB=postgres a new PostgreSQL
 * database (server/testing/databases.ts) — at a fixed clock, logging nowhere.
 * Use once per test file: `beforeAll(async () => { t = await createTestApp(); }); afterAll(() => t.close());`
 */
export async function createTestApp(options: TestAppOptions = {}): Promise<TestApp> {
  const dir = options.dir ?? mkdtempSync(join(tmpdir(), 'linjiang-test-'));
  const database = options.database ?? (await createTestDatabase(dir));
  const config = loadConfig(
    {
      ...database.env,
      DATA_KEY: randomBytes(32).toString('hex'),
      STATIC_DIR: join(dir, 'no-h5-build'),
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
      ...options.env,
    },
    dir,
  );
  const clock = options.clock ?? fixedClock(DEFAULT_TEST_TIME);
  const app = await buildApp({
    config,
    clock,
    features: [...allFeatures, ...(options.extraFeatures ?? [])],
    logger: options.logger ?? false,
  }).catch(async (error: unknown) => {
    if (!options.database) await database.drop();
    throw error;
  });
  await app.ready();
  return {
    app,
    clock,
    config,
    dir,
    database,
    async signIn(account) {
      const response = await app.inject({ method: 'POST', url: '/api/auth/demo', payload: { account } });
      if (response.statusCode !== 200) throw new Error(`demo sign-in failed: ${response.statusCode} ${response.body}`);
      return { authorization: `Bearer ${response.json().token}` };
    },
    async close() {
      await app.close();
      if (!options.database) await database.drop();
      if (!options.dir) rmSync(dir, { recursive: true, force: true });
    },
  };
}
