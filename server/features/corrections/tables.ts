import type { Generated } from 'kysely';

/** A resident's report that a point's details are wrong (信息有误), and how a worker handled it. */
export interface CorrectionsTable {
  id: Generated<number>;
  service_point_id: string;
  /** The reporter; null once they deleted their account (the report stays for the point's history). */
  user_id: number | null;
  /** A CorrectionKind (contract/upkeep.ts). */
  kind: string;
  text: string | null;
  /** ISO time. */
  created_at: string;
  /** 'YYYY-MM-DD' China date: the last working day to handle it, fixed when reported. */
  due_date: string;
  /** 'open' | 'handled' */
  state: string;
  /** A CorrectionOutcome once handled. */
  outcome: string | null;
  note: string | null;
  handled_at: string | null;
  /** The worker who handled it (for the audit trail; never shown to the reporter). */
  handled_by: number | null;
  /** The reporter's Idempotency-Key header, when sent: unique per reporter. */
  idempotency_key: string | null;
  /** 'YYYY-MM-DD' China date of the report and its number that day (1, 2, 3 …): unique per reporter. */
  report_day: string | null;
  day_number: number | null;
}

export interface CorrectionsTables {
  corrections: CorrectionsTable;
}
