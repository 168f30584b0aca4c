/**
 * What differs between SQLite and PostgreSQL, in one place. Features write their migrations and queries
 * with Kysely's builder and these helpers, and every rule then holds on both databases.
 *
 * Conventions (see server/features/README.md): timestamps are ISO-8601 UTC text, booleans are integer 0/1,
 * JSON is text, counts are converted with Number(), text search folds case with lower() on both sides.
 */
import { PostgresAdapter, sql, type ColumnDefinitionBuilder, type Kysely, type RawBuilder, type Transaction } from 'kysely';

export type DatabaseKind = 'sqlite' | 'postgres';

/** Which database a Kysely instance talks to (migrations receive only the instance). */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function databaseKind(db: Kysely<any>): DatabaseKind {
  return db.getExecutor().adapter instanceof PostgresAdapter ? 'postgres' : 'sqlite';
}

/**
 * An integer id the database assigns: `integer primary key autoincrement` on SQLite, an identity column on
 * PostgreSQL (Kysely's autoIncrement() means nothing there). Never insert explicit values into it except one
 * taken ahead (idAheadOf, guarded-writes.ts): PostgreSQL's sequence would not move and the next insert would
 * collide.
 *   .addColumn('id', 'integer', (c) => idColumn(db, c))
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function idColumn(db: Kysely<any>, column: ColumnDefinitionBuilder): ColumnDefinitionBuilder {
  return databaseKind(db) === 'postgres'
    ? column.primaryKey().generatedByDefaultAsIdentity()
    : column.primaryKey().autoIncrement();
}

/**
 * The id the next row of `table` (an idColumn) will get, taken ahead, outside the write, so that the rows which
 * refer to it can be written in the same one statement as it (guarded-writes.ts). On PostgreSQL it comes from the
 * identity's sequence, which never hands it out again, used or not; as an uncorrelated subquery it is taken once per
 * statement, and only where the expression is evaluated (in a CASE, only when its branch is). SQLite cannot take one
 * safely before its write, and needs no such saving (its statements cost no round trip): null there, and the write
 * takes the next one itself.
 */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function idAheadOf(db: Kysely<any>, table: string): RawBuilder<number | null> {
  return databaseKind(db) === 'postgres'
    ? sql<number>`(select nextval(pg_get_serial_sequence(${sql.lit(table)}, 'id')))`
    : sql<null>`null`;
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
  return retryingConflicts(() => db.transaction().execute(work));
}

/** Runs `work` (a transaction, or one statement, which is its own) again when PostgreSQL aborted it for a race. */
export async function retryingConflicts<T>(work: () => Promise<T>): Promise<T> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      return await work();
    } catch (error) {
      if (attempt >= TRANSACTION_ATTEMPTS || !isRetryableConflict(error)) throw error;
      await new Promise((resolve) => setTimeout(resolve, 5 * attempt + Math.random() * 10));
    }
  }
}
