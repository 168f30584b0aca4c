import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface AuditEntry {
  actorId: number | null;
  /** Dotted verb, e.g. 'auth.sign_in', 'elder.view_profile'. */
  action: string;
  subjectType?: string;
  subjectId?: string | number;
  /** Ids, codes and counts only — never names, phones or ID numbers. */
  detail?: Record<string, string | number | boolean | null>;
  /** The app clock's time (`app.now()`). */
  at: Date;
}

/**
 * Records who did what to whose data. Every worker access to personal data goes through here (DOMAIN.md §6),
 * as do sign-in and sign-out. Inside a route, `app.audit(entry)` fills in the database and the time.
 */
export async function audit(db: Kysely<Database>, entry: AuditEntry): Promise<void> {
  await db
    .insertInto('audit_log')
    .values({
      actor_id: entry.actorId,
      action: entry.action,
      subject_type: entry.subjectType ?? null,
      subject_id: entry.subjectId === undefined ? null : String(entry.subjectId),
      detail: entry.detail ? JSON.stringify(entry.detail) : null,
      created_at: entry.at.toISOString(),
    })
    .execute();
}
