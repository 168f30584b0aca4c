import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely/migration';
import type { Database } from '../db/schema';
import type { Privacy } from './privacy/crypto';

/** What a feature's seed receives: the database and the helpers to store personal data properly. */
export interface SeedContext {
  db: Kysely<Database>;
  privacy: Privacy;
  /** The app clock's time when seeding (ISO timestamps in seeds derive from it). */
  now: Date;
}

/**
 * One feature of the server. Features are listed in server/features/index.ts; the app registers each
 * feature's routes under the /api prefix, runs all migrations (sorted by name across features) and, on a
 * new database only, runs each feature's seed in list order.
 */
export interface FeatureModule {
  name: string;
  /**
   * Migrations keyed by a globally unique, sortable name: a 4-digit number then the feature,
   * e.g. "0001_places", "0100_directory". Never rename or edit one that has shipped; add a new one.
   */
  migrations: Record<string, Migration>;
  seed?: (ctx: SeedContext) => Promise<void>;
  /** Registered with prefix '/api'; routes inside use paths like '/towns'. */
  routes?: FastifyPluginAsync;
}
