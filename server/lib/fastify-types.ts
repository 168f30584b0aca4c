import type { Kysely } from 'kysely';
import type { Config } from '../config';
import type { Database } from '../db/schema';
import type { AuditEntry } from './audit';
import type { AuthFailure, AuthUser } from './auth';
import type { Clock } from './clock';
import type { Privacy } from './privacy/crypto';

/** What buildApp adds to Fastify, typed for every feature (module augmentation). */
declare module 'fastify' {
  interface FastifyInstance {
    config: Config;
    db: Kysely<Database>;
    /** The app clock: use instead of `new Date()` for anything a rule depends on. */
    now: Clock;
    privacy: Privacy;
    /** Writes an audit entry with the app's database and clock. */
    audit(entry: Omit<AuditEntry, 'at'>): Promise<void>;
  }
  interface FastifyContextConfig {
    /**
     * Labels for this route's fields where the shared ones (contract/field-labels.ts) mean something else, e.g.
     * a service point's `name` is its 名称, not a person's 姓名. Keyed by the field's path without list positions
     * ('name', 'services.name'); validation messages use them first.
     */
    fieldLabels?: Record<string, string>;
  }
  interface FastifyRequest {
    user: AuthUser | null;
    authFailure: AuthFailure;
  }
}

export {};
