import Sqlite from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, SqliteDialect } from 'kysely';
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
  return new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
}

/** Gathers every feature's migrations; names sort globally ("0001_places" < "0100_directory"). */
export function featureMigrationProvider(features: FeatureModule[]): MigrationProvider {
  return {
    async getMigrations() {
      const all: Record<string, Migration> = {};
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
  /** Features whose seed ran now, because their tables were created in this run. */
  seeded: string[];
  migrated: string[];
}

/**
 * Brings the database to the latest schema. A feature is seeded only when the database is new to it
 * (none of its migrations had run before): a fresh file is seeded completely, an existing one never
 * again — only a feature added later gets its own seed once, next to the data already there.
 */
export async function prepareDatabase(
  db: Kysely<Database>,
  features: FeatureModule[],
  seedContext: { privacy: Privacy; now: Date },
): Promise<PrepareResult> {
  const migrator = new Migrator({ db, provider: featureMigrationProvider(features) });
  const before = await migrator.getMigrations();
  const executedBefore = new Set(before.filter((m) => m.executedAt).map((m) => m.name));
  const newFeatures = features.filter((f) => !Object.keys(f.migrations).some((name) => executedBefore.has(name)));

  const { error, results } = await migrator.migrateToLatest();
  if (error) throw error instanceof Error ? error : new Error(String(error));

  const seeded: string[] = [];
  for (const feature of newFeatures) {
    if (!feature.seed) continue;
    await db.transaction().execute((trx) => feature.seed!({ db: trx, ...seedContext }));
    seeded.push(feature.name);
  }
  return { seeded, migrated: (results ?? []).filter((r) => r.status === 'Success').map((r) => r.migrationName) };
}
