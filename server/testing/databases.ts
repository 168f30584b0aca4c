/**
 * Which database the API tests run on. `npm test` runs the server tests twice: on SQLite (a fresh file per test
 * file) and, with TEST_DB=postgres, on PostgreSQL (a fresh database per test file on the server named by
 * TEST_DATABASE_URL, dropped afterwards), so every rule is proven on both.
 */
import { randomBytes } from 'node:crypto';
import { join } from 'node:path';
import pg from 'pg';
import type { DatabaseTarget } from '../db';
import type { DatabaseKind } from '../db/portable';

export const DEFAULT_TEST_DATABASE_URL = 'postgres://postgres@127.0.0.1:5432/test';

/** The kind the current test run is for: TEST_DB=postgres, or SQLite. */
export function testDatabaseKind(): DatabaseKind {
  return process.env.TEST_DB === 'postgres' ? 'postgres' : 'sqlite';
}

export function testPostgresUrl(): string {
  return process.env.TEST_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
}

/** Where the benchmarks create their PostgreSQL databases (BENCH_DATABASE_URL's server). */
export function benchPostgresUrl(): string {
  return process.env.BENCH_DATABASE_URL || DEFAULT_TEST_DATABASE_URL;
}

/** Answers whether a PostgreSQL server answers at `url` (within two seconds). */
export async function postgresReachable(url = testPostgresUrl()): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.query('select 1');
    return true;
  } catch {
    return false;
  } finally {
    await client.end().catch(() => undefined);
  }
}

async function onServer<T>(serverUrl: string, run: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl, connectionTimeoutMillis: 5000 });
  await client.connect();
  try {
    return await run(client);
  } finally {
    await client.end();
  }
}

export interface TestDatabase {
  target: DatabaseTarget;
  /** The environment a server process needs to use it (DATABASE_URL or DATABASE_PATH). */
  env: Record<string, string>;
  /** Removes it: drops the PostgreSQL database (ending its connections); SQLite files go with their folder. */
  drop(): Promise<void>;
}

export interface ScratchOptions {
  /** The PostgreSQL server to create it on (default TEST_DATABASE_URL's). */
  serverUrl?: string;
  /** Name prefix: databases `<prefix>_<random>`, SQLite file `<prefix>.sqlite` (default 't' / 'test'). */
  prefix?: string;
}

/**
 * A new, empty database: an SQLite file in `dir`, or a PostgreSQL database `t_<random>` — of the test run's kind
 * unless told. The benchmarks use it too, with their own server and prefix.
 */
export async function createTestDatabase(
  dir: string,
  kind: DatabaseKind = testDatabaseKind(),
  { serverUrl = testPostgresUrl(), prefix }: ScratchOptions = {},
): Promise<TestDatabase> {
  if (kind === 'sqlite') {
    const path = join(dir, `${prefix ?? 'test'}.sqlite`);
    return { target: { kind, path }, env: { DATABASE_PATH: path }, drop: async () => undefined };
  }
  const name = `${prefix ?? 't'}_${randomBytes(8).toString('hex')}`;
  await onServer(serverUrl, (client) => client.query(`create database ${name}`));
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    target: { kind, url: url.toString(), poolSize: 10 },
    env: { DATABASE_URL: url.toString() },
    drop: () => onServer(serverUrl, async (client) => void (await client.query(`drop database if exists ${name} with (force)`))),
  };
}
