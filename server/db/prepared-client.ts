import { createHash } from 'node:crypto';
import pg from 'pg';

/**
 * Statements with more parameters than this run unnamed: they are bulk inserts of the seed and the import, whose
 * texts vary with their row counts and would pile up as prepared statements on a connection without ever being
 * reused. A booking's one write (guarded-writes.ts) has about 50.
 */
const MAX_PREPARED_PARAMETERS = 64;
/** Names of recent statement texts, so a statement's text is hashed once (bounded like the texts above). */
const MAX_KNOWN_NAMES = 2_000;

/**
 * A connection that prepares each parameterised statement once and then runs it by name: PostgreSQL skips
 * parsing and planning it again, and the round trip carries less. Measured on this project's machine, a primary-key
 * select takes about half the time (README, Performance → bookings). Kysely sends every query as
 * `query(text, parameters)`; the name is a hash of the text, so one name always means one text on every
 * connection. Behind PgBouncer in transaction mode this needs PgBouncer ≥ 1.21 with `max_prepared_statements`
 * set (docs/operations.md).
 */
export class PreparingClient extends pg.Client {
  private static names = new Map<string, string>();

  // pg's query has a dozen overloads; this one only changes the (text, values) form Kysely uses.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  query(...args: any[]): any {
    const [text, values] = args;
    if (typeof text === 'string') for (const watcher of writeWatchers) if (watcher.writes.test(text)) watcher.onWrite();
    if (args.length === 2 && typeof text === 'string' && Array.isArray(values) && values.length > 0 && values.length <= MAX_PREPARED_PARAMETERS) {
      return super.query({ name: PreparingClient.nameOf(text), text, values });
    }
    return (super.query as (...a: unknown[]) => unknown)(...args);
  }

  private static nameOf(text: string): string {
    let name = PreparingClient.names.get(text);
    if (name === undefined) {
      name = `k${createHash('sha1').update(text).digest('hex').slice(0, 20)}`;
      if (PreparingClient.names.size >= MAX_KNOWN_NAMES) PreparingClient.names.clear();
      PreparingClient.names.set(text, name);
    }
    return name;
  }
}

interface WriteWatcher {
  writes: RegExp;
  onWrite(): void;
}

const writeWatchers = new Set<WriteWatcher>();

const STATEMENT_START = { insert: 'insert into', update: 'update', delete: 'delete from' } as const;

export type TableChanges = [table: string, changes: (keyof typeof STATEMENT_START)[]][];

/**
 * Calls `onWrite` whenever this process sends one of the changes to a table, as Kysely writes them
 * (`update "users" …`), before it runs: what a process keeps in memory from those tables is dropped before its
 * own change commits, and so before the change's answer (other processes hear of it by NOTIFY). Returns the
 * function that stops watching.
 */
export function watchWrites(tables: TableChanges, onWrite: () => void): () => void {
  const starts = tables.flatMap(([table, changes]) => changes.map((change) => `${STATEMENT_START[change]} "${table}"`));
  const watcher = { writes: new RegExp(`^(${starts.join('|')})`), onWrite };
  writeWatchers.add(watcher);
  return () => void writeWatchers.delete(watcher);
}
