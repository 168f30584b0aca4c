import { Migrator, sql, type Kysely, type Migration, type MigrationProvider } from 'kysely';
import type { FeatureModule } from '../lib/feature';
import type { Privacy } from '../lib/privacy/crypto';
import { ownMigrations } from './own-tables';
import { databaseKind } from './portable';
import { openPostgres } from './postgres';
import type { Database } from './schema';
import { openSqlite } from './sqlite';

/** Where the data lives: an SQLite file (the default, nothing to install) or a PostgreSQL database. */
export type DatabaseTarget =
  | { kind: 'sqlite'; path: string }
  | { kind: 'postgres'; url: string; poolSize: number };

/** Opens the database the configuration names; `onPoolError` hears about PostgreSQL connections lost. */
export function openDatabase(target: DatabaseTarget, onPoolError: (error: Error) => void = () => {}): Kysely<Database> {
  return target.kind === 'postgres'
    ? openPostgres({ url: target.url, poolSize: target.poolSize, onPoolError })
    : openSqlite(target.path);
}

/** Gathers every feature's migrations; names sort globally ("0001_places" < "0100_directory"). */
export function featureMigrationProvider(features: FeatureModule[]): MigrationProvider {
  return {
    async getMigrations() {
      const all: Record<string, Migration> = { ...ownMigrations };
      for (const feature of features) {
        for (const [name, migration] of Object.entries(feature.migrations)) {
          if (all[name]) throw new Error(`Migration name "${name}" is used twice (feature ${feature.name})`);
          all[name] = migration;
        }
      }
      return all;
    },
  };
}

export interface PrepareResult {
  /** Features whose seed ran now. */
  seeded: string[];
  /** Migrations applied now. */
  migrated: string[];
}

/** An arbitrary constant naming "preparing the linjiang schema" among PostgreSQL's advisory locks. */
const PREPARE_LOCK_KEY = 220681_0001;

/**
 * Runs `work` while holding the database-wide preparation lock. On PostgreSQL several server processes (or
 * machines) start at once: the first takes the advisory lock and migrates and seeds, the others wait for it
 * and then find nothing left to do. The lock belongs to one connection, held apart from the pool's others.
 * SQLite has one process per file (server/main.ts allows no workers on it), so there is nothing to lock.
 */
async function whileHoldingPrepareLock<T>(db: Kysely<Database>, work: () => Promise<T>): Promise<T> {
  if (databaseKind(db) !== 'postgres') return work();
  return db.connection().execute(async (connection) => {
    await sql`select pg_advisory_lock(${PREPARE_LOCK_KEY})`.execute(connection);
    try {
      return await work();
    } finally {
      await sql`select pg_advisory_unlock(${PREPARE_LOCK_KEY})`.execute(connection);
    }
  });
}

/**
 * Brings the database to the latest schema, then runs the seed of every feature that has never been
 * seeded in this database (recorded in seed_log, in the same transaction as the seed). So a fresh database
 * is seeded completely, an existing one never again — data people changed stays as they left it — and a
 * feature added later gets its own seed once, next to the data already there.
 */
export async function prepareDatabase(
  db: Kysely<Database>,
  features: FeatureModule[],
  seedContext: { privacy: Privacy; now: Date },
): Promise<PrepareResult> {
  return whileHoldingPrepareLock(db, async () => {
    const migrator = new Migrator({ db, provider: featureMigrationProvider(features) });
    const { error, results } = await migrator.migrateToLatest();
    if (error) throw error instanceof Error ? error : new Error(String(error));

    const done = new Set((await db.selectFrom('seed_log').select('feature').execute()).map((row) => row.feature));
    const seeded: string[] = [];
    for (const feature of features) {
      const seed = feature.seed;
      if (!seed || done.has(feature.name)) continue;
      await db.transaction().execute(async (trx) => {
        await seed({ db: trx, ...seedContext });
        await trx.insertInto('seed_log').values({ feature: feature.name, seeded_at: seedContext.now.toISOString() }).execute();
      });
      seeded.push(feature.name);
    }
    return { seeded, migrated: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
  });
}
