/**
 * What differs between SQLite and PostgreSQL, in one place. Features write their migrations and queries
 * with Kysely's builder and these helpers, and every rule then holds on both databases.
 *
 * Conventions (see server/features/README.md): timestamps are ISO-8601 UTC text, booleans are integer 0/1,
 * JSON is text, counts are converted with Number(), text search folds case with lower() on both sides.
 */
import { PostgresAdapter, type ColumnDefinitionBuilder, type Kysely, type Transaction } from 'kysely';

export type DatabaseKind = 'sqlite' | 'postgres';

/** Which database a Kysely instance talks to (migrations receive only the instance). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function databaseKind(db: Kysely<any>): DatabaseKind {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * An integer id the database assigns: `integer primary key autoincrement` on SQLite, an identity column on
 * PostgreSQL (Kysely's autoIncrement() means nothing there). Never insert explicit values into it: PostgreSQL's
 * sequence would not move and the next insert would collide.
 *   .addColumn('id', 'integer', (c) => idColumn(db, c))
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function idColumn(db: Kysely<any>, column: ColumnDefinitionBuilder): ColumnDefinitionBuilder {
  return databaseKind(db) === 'postgres'
    ? column.primaryKey().generatedByDefaultAsIdentity()
    : column.primaryKey().autoIncrement();
}

interface DriverError {
  code?: unknown;
  message?: unknown;
}

function codeOf(error: unknown): string {
  return typeof error === 'object' && error !== null ? String((error as DriverError).code ?? '') : '';
}

/** A unique or primary-key constraint refused the write (SQLite SQLITE_CONSTRAINT_UNIQUE/PRIMARYKEY, PostgreSQL 23505). */
export function isUniqueViolation(error: unknown): boolean {
  const code = codeOf(error);
  return code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY';
}

/** PostgreSQL gave up a transaction that raced another (serialization failure, deadlock): safe to run again. */
export function isRetryableConflict(error: unknown): boolean {
  const code = codeOf(error);
  return code === '40001' || code === '40P01';
}

/** PostgreSQL's codes for "the server is going away / not there / not accepting" (classes 08 and 57P, 53300). */
const UNAVAILABLE_CODES = new Set(['08000', '08001', '08003', '08004', '08006', '57P01', '57P02', '57P03', '53300']);
const UNAVAILABLE_NODE_CODES = new Set(['ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'EPIPE', 'ENOTFOUND', 'EAI_AGAIN', 'EHOSTUNREACH']);

/**
 * The database could not be reached or is restarting (as opposed to a bug or bad input): the API answers 503
 * and the request may be tried again. SQLite's "busy" after its timeout counts too.
 */
export function isDatabaseUnavailable(error: unknown): boolean {
  const code = codeOf(error);
  if (UNAVAILABLE_CODES.has(code) || UNAVAILABLE_NODE_CODES.has(code) || code === 'SQLITE_BUSY') return true;
  const message = typeof error === 'object' && error !== null ? String((error as DriverError).message ?? '') : '';
  // pg reports a lost or never-made connection in words only.
  return /Connection terminated|timeout exceeded when trying to connect|not queryable|Connection ended/i.test(message);
}

const TRANSACTION_ATTEMPTS = 4;

/**
 * Runs `work` in a transaction, again (up to 4 times) when PostgreSQL aborts it for a serialization failure or a
 * deadlock, so such a race is never shown to the user as a 500. `work` must not have effects outside the database.
 */
export async function inTransaction<DB, T>(db: Kysely<DB>, work: (trx: Transaction<DB>) => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await db.transaction().execute(work);
    } catch (error) {
      if (attempt >= TRANSACTION_ATTEMPTS || !isRetryableConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 10));
    }
  }
}
