/**
 * How a server process learns that the directory in its memory (memory.ts) is out of date. The database counts
 * every change of what a list item shows in `directory_version` (triggers of migration 0510: a point inserted,
 * edited or deleted by this server, another process, the admin CLI's import-points or hand-written SQL; a town
 * or community renamed), so every writer is covered without having to remember to say so.
 *
 * - SQLite (one server process per file): the version is read for every list request — one compiled, prepared
 *   one-row read in-process, shared by the requests that arrive together (coalesced). A change is seen by the
 *   next request.
 * - PostgreSQL (several processes, maybe on several machines): each process LISTENs on `directory_changed` on a
 *   connection of its own; the trigger NOTIFYs at commit, and only then is the version read again. While that
 *   connection is down (a database restart) every request reads the version, and once it is back the version is
 *   read again (notifications sent meanwhile are lost). As a safety net the version is also read at least every
 *   10 s. A change is seen by every process within the time a notification takes, milliseconds.
 */
import { type Kysely } from 'kysely';
import type { DatabaseTarget } from '../../db';
import { listenOnChannel } from '../../db/pg-listener';
import type { Database } from '../../db/schema';
import type { WarnLogger } from '../../lib/calendar';

export interface DirectoryFreshness {
  /** The database's directory version, or `known` when it cannot have changed since `known` was read. */
  current(known: number | null): Promise<number>;
  close(): Promise<void>;
}

/** Read the version even without a notification after this long (a listening connection silently lost). */
const SAFETY_READ_MS = 10_000;

export function directoryFreshness(db: Kysely<Database>, target: DatabaseTarget, log: WarnLogger): DirectoryFreshness {
  // Compiled once: the version read runs on every list request on SQLite.
  const query = db.selectFrom('directory_version').select('version').where('id', '=', 1).compile();
  const read = coalesced(async () => Number((await db.executeQuery(query)).rows[0].version));
  if (target.kind === 'sqlite') return { current: read, close: async () => {} };
  return listeningFreshness(target.url, read, log);
}

/**
 * One read for the requests that arrive together: the first schedules a read for after the current turn of the
 * event loop, and those arriving before it starts share it. Each request still gets a version read that began
 * after it arrived (so after any change it could know of); under load, one read serves many requests.
 */
function coalesced(read: () => Promise<number>): () => Promise<number> {
  let next: Promise<number> | null = null;
  return () =>
    (next ??= new Promise<void>((resolve) => setImmediate(resolve)).then(() => {
      next = null;
      return read();
    }));
}

function listeningFreshness(url: string, read: () => Promise<number>, log: WarnLogger): DirectoryFreshness {
  /** A notification came (or none can have been heard) since the version was last read. */
  let changed = true;
  let readAt = 0;
  const listener = listenOnChannel(
    url,
    'directory_changed',
    {
      changed: () => (changed = true),
      // Changes made before LISTEN took effect, or while the connection was down, were not heard.
      listening: () => (changed = true),
      lost: () => (changed = true),
    },
    log,
  );

  return {
    async current(known) {
      listener.start();
      if (known !== null && listener.listening && !changed && Date.now() - readAt < SAFETY_READ_MS) return known;
      // Cleared before reading: a notification arriving during the read makes the next request read again.
      changed = false;
      readAt = Date.now();
      return read();
    },
    close: () => listener.close(),
  };
}
