import { Kysely, PostgresDialect } from 'kysely';
import pg from 'pg';
import { PreparingClient } from './prepared-client';
import type { Database } from './schema';

/** pg's type ids of bigint (count(*), sum of integers) and numeric (avg): numbers here, as SQLite gives them. */
const INT8_OID = 20;
const NUMERIC_OID = 1700;

const typeParsers = {
  getTypeParser(oid: number, format?: 'text' | 'binary') {
    if (oid === INT8_OID || oid === NUMERIC_OID) return (value: string) => Number(value);
    return pg.types.getTypeParser(oid, format);
  },
} as pg.CustomTypesConfig;

export interface PostgresOptions {
  url: string;
  poolSize: number;
  /** Told about connections the pool lost (a database restart); the pool replaces them by itself. */
  onPoolError(error: Error): void;
}

/**
 * A pool of connections to PostgreSQL. A database that is down refuses connections at once (→ 503 in the error
 * handler); one that does not answer at all, or a pool whose connections are all busy for 10 s
 * (`connectionTimeoutMillis` counts the wait in the pool's queue too), also gives a 503 rather than a request
 * waiting forever. 10 s, not less: a burst of a few hundred requests on one process queues for seconds, and those
 * requests should be answered, not refused. The pool reconnects on its own once the database is back: a PostgreSQL
 * restart needs no server restart.
 */
export function openPostgres({ url, poolSize, onPoolError }: PostgresOptions): Kysely<Database> {
  const pool = new pg.Pool({
    connectionString: url,
    max: poolSize,
    connectionTimeoutMillis: 10_000,
    idleTimeoutMillis: 30_000,
    types: typeParsers,
    application_name: 'linjiang',
    Client: PreparingClient,
  });
  // An idle connection closed by the server (restart, admin shutdown) is reported here; without a listener
  // Node would treat it as an unhandled error and end the process.
  pool.on('error', onPoolError);
  return new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
}
