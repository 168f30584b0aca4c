import Sqlite from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, SqliteDialect, type SqliteDatabase } from 'kysely';
import { Migrator, type Migration, type MigrationProvider } from 'kysely/migration';
import type { FeatureModule } from '../lib/feature';
import type { Privacy } from '../lib/privacy/crypto';
import type { Database } from './schema';

/** Opens (creating if needed) the SQLite file: WAL so reads never wait for a write, foreign keys enforced. */
export function openDatabase(path: string): Kysely<Database> {
  if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
  const sqlite = new Sqlite(path);
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  sqlite.pragma('synchronous = NORMAL');
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: withStatementCache(sqlite) }) });
}

const STATEMENT_CACHE_SIZE = 500;

/**
 * Kysely asks the driver to prepare every query anew, and compiling SQL costs more than the indexed read it
 * runs (measured: about a third of a directory request). Statements are kept by their SQL text, the oldest
 * dropped first. Reuse is safe: Kysely runs one query at a time on this single connection.
 */
function withStatementCache(sqlite: Sqlite.Database): SqliteDatabase {
  const statements = new Map<string, Sqlite.Statement>();
  return {
    close: () => sqlite.close(),
    prepare(sql: string) {
      let statement = statements.get(sql);
      if (!statement) {
        statement = sqlite.prepare(sql);
        if (statements.size >= STATEMENT_CACHE_SIZE) statements.delete(statements.keys().next().value as string);
        statements.set(sql, statement);
      }
      return statement;
    },
  };
}

/** The database layer's own table: which features' seeds have run (so a seed runs exactly once). */
const seedLogMigration: Migration = {
  async up(db) {
    await db.schema
      .createTable('seed_log')
      .addColumn('feature', 'text', (c) => c.primaryKey())
      .addColumn('seeded_at', 'text', (c) => c.notNull())
      .execute();
  },
};

/** Gathers every feature's migrations; names sort globally ("0001_places" < "0100_directory"). */
export function featureMigrationProvider(features: FeatureModule[]): MigrationProvider {
  return {
    async getMigrations() {
      const all: Record<string, Migration> = { '0000_seed_log': seedLogMigration };
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

/**
 * Brings the database to the latest schema, then runs the seed of every feature that has never been
 * seeded in this database (recorded in seed_log, in the same transaction as the seed). So a fresh file
 * is seeded completely, an existing one never again — data people changed stays as they left it — and a
 * feature added later gets its own seed once, next to the data already there.
 */
export async function prepareDatabase(
  db: Kysely<Database>,
  features: FeatureModule[],
  seedContext: { privacy: Privacy; now: Date },
): Promise<PrepareResult> {
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
}
