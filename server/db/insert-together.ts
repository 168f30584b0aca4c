/**
 * Several inserts that do not depend on one another, written in one round trip on PostgreSQL: all but the last
 * become data-modifying WITH clauses of the last, which PostgreSQL runs exactly once each, in the same statement
 * (and so in the caller's transaction). SQLite has no such clauses and runs in the server's own process, where a
 * statement costs no round trip: there they run one by one.
 */
import type { InsertQueryBuilder, InsertResult, Kysely, QueryCreator } from 'kysely';
import { databaseKind } from './portable';
import type { Database } from './schema';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Insert = (db: QueryCreator<Database>) => InsertQueryBuilder<Database, any, InsertResult>;

export async function insertTogether(db: Kysely<Database>, inserts: Insert[]): Promise<void> {
  if (inserts.length === 0) return;
  if (databaseKind(db) === 'sqlite') {
    for (const insert of inserts) await insert(db).execute();
    return;
  }
  const last = inserts[inserts.length - 1];
  // Each WITH adds a table named write_N to the creator's type; nothing reads them, so the type stays Database's.
  const creator = inserts
    .slice(0, -1)
    .reduce<QueryCreator<Database>>((outer, insert, i) => outer.with(`write_${i}`, (inner) => insert(inner)) as unknown as QueryCreator<Database>, db);
  await last(creator).execute();
}
