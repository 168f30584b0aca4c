import type { Migration } from 'kysely';

/**
 * The tables of the server itself rather than of one feature. Their migration names sort among the features'
 * ("0000_…" first, "0101_…" after the directory's "0100_…"), which is the order they were added in.
 */
export const ownMigrations: Record<string, Migration> = {
  /** Which features' seeds have run, so a seed runs exactly once per database. */
  '0000_seed_log': {
    async up(db) {
      await db.schema
        .createTable('seed_log')
        .addColumn('feature', 'text', (c) => c.primaryKey())
        .addColumn('seeded_at', 'text', (c) => c.notNull())
        .execute();
    },
  },
  /** Rate-limit windows shared by every server process (server/lib/rate-limit-store.ts). */
  '0101_rate_limits': {
    async up(db) {
      await db.schema
        .createTable('rate_limits')
        .addColumn('key', 'text', (c) => c.primaryKey())
        .addColumn('window_start_ms', 'bigint', (c) => c.notNull())
        .addColumn('hits', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('rate_limits_window').on('rate_limits').column('window_start_ms').execute();
    },
  },
};

/** Kept by the database layer (server/db): which features' seeds have run. */
export interface SeedLogTable {
  feature: string;
  seeded_at: string;
}

/** One rate-limit window per key (client address and route). */
export interface RateLimitsTable {
  key: string;
  /** Epoch milliseconds (the app clock) when the window opened. */
  window_start_ms: number;
  hits: number;
}
