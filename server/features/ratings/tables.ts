import type { Generated } from 'kysely';
import type { FollowUpLevel, Resolution, WorkOrderStatus } from '@contract/rules/rating';

/** Timestamps are ISO-8601 UTC text; dates are China-local 'YYYY-MM-DD'. */
type IsoTime = string;

/** 我去过: a visit a resident declares, the interaction a rating of a point hangs on. */
export interface RatingVisitsTable {
  id: Generated<number>;
  user_id: number;
  service_point_id: string;
  visited_at: IsoTime;
}

/**
 * The last declared visit per resident and point: the row the 7-day rule is enforced on with a conditional
 * update (several processes may declare at once; only one update can move `last_visit_at`).
 */
export interface RatingVisitWindowsTable {
  user_id: number;
  service_point_id: string;
  last_visit_at: IsoTime;
}

/** One rating of one interaction (unique on kind + id: 一次一评). */
export interface RatingsTable {
  id: Generated<number>;
  user_id: number;
  interaction_kind: 'visit' | 'booking';
  /** The visit's or booking's id as text (each kind has its own id space). */
  interaction_id: string;
  service_point_id: string;
  /** The point's 社区 and 乡镇（街） when rated: work orders and figures are scoped by them. */
  community_id: string | null;
  town_code: string;
  level: number;
  tags_json: string;
  comment: string | null;
  /** 'public' passed the content check; 'private' is shown to the rater only, `comment_note` says why. */
  comment_status: 'none' | 'public' | 'private';
  comment_note: string | null;
  /** China-local 'YYYY-MM' the rating counts in. */
  month: string;
  /** 1 once an appeal is upheld: out of the figures, never out of the record. */
  excluded: number;
  follow_up_level: FollowUpLevel | null;
  follow_up_comment: string | null;
  follow_up_at: IsoTime | null;
  created_at: IsoTime;
}

/** The follow-up of one 差评 (工单). */
export interface RatingWorkOrdersTable {
  id: Generated<number>;
  rating_id: number;
  service_point_id: string;
  community_id: string | null;
  town_code: string;
  status: WorkOrderStatus;
  opened_at: IsoTime;
  callback_due: string;
  feedback_due: string;
  /** The deadline being worked towards (callback_due, then feedback_due); null once feedback is given. The queue sorts on it. */
  due_on: string | null;
  /** The worker who took the order: the only one who sees the rater's name and phone. */
  handler_id: number | null;
  resolution: Resolution | null;
  rectify_by: string | null;
  callback_at: IsoTime | null;
  /** China-local date feedback was given (按期整改率 compares it with feedback_due). */
  feedback_on: string | null;
  closed_at: IsoTime | null;
}

/** What happened to a work order, in order; `public_text` is what the rater may read. */
export interface RatingWorkOrderEventsTable {
  id: Generated<number>;
  work_order_id: number;
  kind: 'opened' | 'taken' | 'callback' | 'decision' | 'feedback' | 'follow_up' | 'closed' | 'appeal_filed' | 'appeal_upheld' | 'appeal_rejected';
  actor_id: number | null;
  note: string | null;
  public_text: string | null;
  created_at: IsoTime;
}

/** 申诉: a provider's appeal against one rating of its point, decided by a 街道 worker. */
export interface RatingAppealsTable {
  id: Generated<number>;
  rating_id: number;
  provider_id: number;
  kind: 'mistaken' | 'malicious';
  reason: string;
  status: 'pending' | 'upheld' | 'rejected';
  decided_by: number | null;
  decision_note: string | null;
  created_at: IsoTime;
  decided_at: IsoTime | null;
}

export interface RatingsTables {
  rating_visits: RatingVisitsTable;
  rating_visit_windows: RatingVisitWindowsTable;
  ratings: RatingsTable;
  rating_work_orders: RatingWorkOrdersTable;
  rating_work_order_events: RatingWorkOrderEventsTable;
  rating_appeals: RatingAppealsTable;
}
