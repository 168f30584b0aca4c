import type { FastifyPluginAsync } from 'fastify';
import type { Kysely } from 'kysely';
import type { Migration } from 'kysely';
import type { Database } from '../db/schema';
import type { Privacy } from './privacy/crypto';

/** What a feature's seed receives: the database and the helpers to store personal data properly. */
export interface SeedContext {
  db: Kysely<Database>;
  privacy: Privacy;
  /** The app clock's time when seeding (ISO timestamps in seeds derive from it). */
  now: Date;
}

/** What export and erasure receive: the database (a transaction when erasing), privacy helpers and the time. */
export type PersonalDataContext = SeedContext;

/**
 * A feature's part in a resident's rights over their data. `export` returns what the feature holds about the
 * user, readable (decrypted: it is theirs); `erase` removes it when they delete their account — personal fields
 * emptied or rows deleted — keeping, anonymised, what must stay for others (a booking in a provider's count, a
 * rating's level in the figures, volunteer hours). Both run for every feature; erase inside one transaction.
 */
export interface PersonalDataHook {
  export(ctx: PersonalDataContext, userId: number): Promise<unknown>;
  erase(ctx: PersonalDataContext, userId: number): Promise<void>;
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
  /** Runs once, on a database new to this feature (recorded in seed_log), in the order of the feature list. */
  seed?: (ctx: SeedContext) => Promise<void>;
  /**
   * The seed is demo data (accounts, invented service points, bookings …), not data every database needs (the
   * places): it never runs in production (NODE_ENV=production), only in demo mode or by `npm run seed:demo`.
   */
  seedIsDemoData?: boolean;
  /** Registered with prefix '/api'; routes inside use paths like '/towns'. */
  routes?: FastifyPluginAsync;
  /** What this feature holds about a person, for their export and for deleting their account (server/lib/personal-data.ts). */
  personalData?: PersonalDataHook;
}

/**
 * The features as a database of this mode is prepared with: in production, without the seeds that are demo
 * data. Such a feature stays unrecorded in seed_log, so `npm run seed:demo` can still add its demo data later.
 */
export function featuresForMode(features: FeatureModule[], production: boolean): FeatureModule[] {
  return production ? features.map((feature) => (feature.seedIsDemoData ? { ...feature, seed: undefined } : feature)) : features;
}
