/**
 * Conditional updates (guards) and the rows they permit, in one round trip on PostgreSQL: a booking checks that
 * nothing was booked for its elder since it was judged (bumping the elder's count), then takes a place, and only
 * then are the booking, its request key, its timeline entry and its 消息 written (README, Performance → bookings).
 *
 * Each guard runs only if the one before changed a row, and the rows are written only if the last one did. The
 * guards that passed before one failed keep their change, on both databases: order them so that this is harmless
 * (a count bumped, then the place taken). On PostgreSQL it is one statement, and so its own transaction: each guard
 * and each row is a data-modifying WITH clause. A guard waiting for a row another writer holds re-checks its
 * condition on that row once the other commits, so "changed a row" is decided on the latest data. SQLite has no
 * such clauses and runs in the server's own process, where a statement costs no round trip: there the same steps
 * run one by one in a transaction.
 */
import { sql, type Kysely, type QueryCreator, type UpdateQueryBuilder, type UpdateResult } from 'kysely';
import { databaseKind, idAheadOf, inTransaction, retryingConflicts } from './portable';
import type { Database } from './schema';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Guard = (db: QueryCreator<Database>) => UpdateQueryBuilder<Database, any, any, UpdateResult>;

export interface NewRow {
  table: keyof Database & string;
  row: Record<string, unknown>;
}

export interface GuardedWrites {
  /** Updates that must each change a row, in order. */
  guards: Guard[];
  /** The table whose new row the others refer to (an idColumn), and its id if it was taken ahead (idAheadOf; always null on SQLite). */
  newId: { table: keyof Database & string; ahead: number | null };
  /** The rows to write once every guard has changed one, given the new row's id. */
  rows: (id: number) => NewRow[];
}

/** What the writes did: `written`, or the index of the first guard that changed nothing (then nothing was written). */
export type GuardedOutcome = { written: true; id: number } | { written: false; failedGuard: number };

export async function writeGuarded(db: Kysely<Database>, writes: GuardedWrites): Promise<GuardedOutcome> {
  if (writes.guards.length === 0) throw new Error('writeGuarded needs at least one guard');
  if (databaseKind(db) === 'sqlite') return writeOneByOne(db, writes);
  // Taken ahead by the caller's read, normally; if not, one round trip more.
  const id = writes.newId.ahead ?? Number((await db.selectNoFrom(idAheadOf(db, writes.newId.table).as('id')).executeTakeFirstOrThrow()).id);
  const guardName = (i: number) => `guard_${i}`;
  const passed = (i: number) => sql<boolean>`exists (select 1 from ${sql.table(guardName(i))})`;
  const last = writes.guards.length - 1;
  // Each WITH adds a table to the creator's type; only this function reads them, by name, so the type stays Database's.
  let creator = writes.guards.reduce<QueryCreator<Database>>(
    (outer, guard, i) =>
      outer.with(guardName(i), (inner) => {
        const update = guard(inner);
        return (i === 0 ? update : update.where(passed(i - 1))).returning(sql<number>`1`.as('one'));
      }) as unknown as QueryCreator<Database>,
    db,
  );
  creator = writes.rows(id).reduce<QueryCreator<Database>>((outer, { table, row }, i) => {
    const columns = Object.keys(row);
    return outer.with(`write_${i}`, (inner) =>
      inner
        // eslint-disable-next-line @typescript-eslint/no-explicit-any
        .insertInto(table as any)
        .columns(columns as never)
        // PostgreSQL types each parameter by the column it is inserted into, as in VALUES.
        .expression(inner.selectNoFrom(columns.map((column) => sql.val(row[column]).as(column))).where(passed(last))),
    ) as unknown as QueryCreator<Database>;
  }, creator);
  const outcome = await retryingConflicts(() =>
    creator
      .selectNoFrom(writes.guards.map((_, i) => sql<number>`(select count(*) from ${sql.table(guardName(i))})`.as(guardName(i))))
      .executeTakeFirstOrThrow(),
  );
  const failedGuard = writes.guards.findIndex((_, i) => Number((outcome as Record<string, unknown>)[guardName(i)]) === 0);
  return failedGuard === -1 ? { written: true, id } : { written: false, failedGuard };
}

/** SQLite: the guards in order, then the new row's id (the next autoincrement value: writers take turns) and the rows. */
function writeOneByOne(db: Kysely<Database>, writes: GuardedWrites): Promise<GuardedOutcome> {
  return inTransaction(db, async (trx): Promise<GuardedOutcome> => {
    for (const [i, guard] of writes.guards.entries()) {
      if (Number((await guard(trx).executeTakeFirst()).numUpdatedRows) === 0) return { written: false, failedGuard: i };
    }
    const id = await nextAutoincrementId(trx, writes.newId.table);
    // eslint-disable-next-line @typescript-eslint/no-explicit-any
    for (const { table, row } of writes.rows(id)) await trx.insertInto(table as any).values(row as never).execute();
    return { written: true, id };
  });
}

async function nextAutoincrementId(db: Kysely<Database>, table: string): Promise<number> {
  const { rows } = await sql<{ id: number }>`select coalesce(max(seq), 0) + 1 as id from sqlite_sequence where name = ${table}`.execute(db);
  return Number(rows[0].id);
}
