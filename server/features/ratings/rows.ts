/** Reading ratings and work orders, and turning rows into what the API answers. */
import type { Kysely } from 'kysely';
import type { TimelineEntry, WorkOrderSummary } from '@contract/ratings';
import {
  followUpWords,
  isOverdue,
  levelWords,
  resolutionWords,
  workOrderStatusWords,
  type FollowUpLevel,
  type RatingLevel,
  type Resolution,
} from '@contract/rules/rating';
import type { Database } from '../../db/schema';
import type { AuthUser } from '../../lib/auth';
import type { RatingWorkOrderEventsTable } from './tables';

export const parseTags = (json: string): string[] => JSON.parse(json) as string[];
export const levelWord = (level: number): string => levelWords[level as RatingLevel];

/** A work order with its rating, point and community: everything the queue and the detail page show. */
export function selectWorkOrders(db: Kysely<Database>) {
  return db
    .selectFrom('rating_work_orders')
    .innerJoin('ratings', 'ratings.id', 'rating_work_orders.rating_id')
    .innerJoin('service_points', 'service_points.id', 'rating_work_orders.service_point_id')
    .leftJoin('communities', 'communities.id', 'rating_work_orders.community_id')
    .leftJoin('users as handler', 'handler.id', 'rating_work_orders.handler_id')
    .leftJoin('rating_appeals', 'rating_appeals.rating_id', 'rating_work_orders.rating_id')
    .select([
      'rating_work_orders.id',
      'rating_work_orders.rating_id',
      'rating_work_orders.service_point_id',
      'rating_work_orders.community_id',
      'rating_work_orders.town_code',
      'rating_work_orders.status',
      'rating_work_orders.opened_at',
      'rating_work_orders.callback_due',
      'rating_work_orders.feedback_due',
      'rating_work_orders.due_on',
      'rating_work_orders.handler_id',
      'rating_work_orders.resolution',
      'rating_work_orders.rectify_by',
      'service_points.name as point_name',
      'communities.name as community_name',
      'handler.display_name as handler_name',
      'ratings.user_id as rater_id',
      'ratings.level',
      'ratings.tags_json',
      'ratings.comment',
      'ratings.comment_status',
      'ratings.follow_up_level',
      'ratings.follow_up_comment',
      'rating_appeals.id as appeal_id',
      'rating_appeals.kind as appeal_kind',
      'rating_appeals.reason as appeal_reason',
      'rating_appeals.status as appeal_status',
    ]);
}

export type WorkOrderRow = Awaited<ReturnType<ReturnType<typeof selectWorkOrders>['executeTakeFirstOrThrow']>>;

export function toWorkOrderSummary(row: WorkOrderRow, viewer: AuthUser, now: Date): WorkOrderSummary {
  return {
    id: row.id,
    ratingId: row.rating_id,
    servicePointId: row.service_point_id,
    servicePointName: row.point_name,
    communityName: row.community_name,
    level: row.level,
    levelWord: levelWord(row.level),
    tags: parseTags(row.tags_json),
    status: row.status,
    statusWord: workOrderStatusWords[row.status],
    openedAt: row.opened_at,
    callbackDue: row.callback_due,
    feedbackDue: row.feedback_due,
    due: row.due_on,
    overdue: isOverdue(row.due_on, now),
    handledByMe: row.handler_id === viewer.id,
    handlerName: row.handler_name,
    appealPending: row.appeal_status === 'pending',
  };
}

type EventRow = Pick<RatingWorkOrderEventsTable, 'kind' | 'note' | 'public_text' | 'created_at'>;

const workerEventTitles: Record<EventRow['kind'], string> = {
  opened: '收到差评，已派单',
  taken: '已接单',
  callback: '已回访',
  decision: '确定处理方式',
  feedback: '已反馈整改结果',
  follow_up: '居民追评',
  closed: '已办结',
  appeal_filed: '服务点提出申诉',
  appeal_upheld: '申诉成立，不计入统计',
  appeal_rejected: '申诉未通过',
};

/** Everything that happened, for the workers of the order. */
export function workerTimeline(events: EventRow[], resolution: Resolution | null): TimelineEntry[] {
  return events.map((e) => ({
    at: e.created_at,
    title: e.kind === 'decision' && resolution ? `处理方式：${resolutionWords[resolution]}` : workerEventTitles[e.kind],
    text: e.note ?? e.public_text,
  }));
}

const residentEventTitles: Partial<Record<EventRow['kind'], string>> = {
  opened: '已受理',
  callback: '已回访',
  feedback: '整改反馈',
  follow_up: '您的追评',
  closed: '已办结',
  appeal_upheld: '申诉复核',
  appeal_rejected: '申诉复核',
};

/** What the rater reads: only steps meant for them (never a worker's internal note). */
export function residentTimeline(events: EventRow[], resolution: Resolution | null): TimelineEntry[] {
  return events
    .filter((e) => e.public_text !== null && (e.kind === 'decision' || residentEventTitles[e.kind]))
    .map((e) => ({
      at: e.created_at,
      title: e.kind === 'decision' && resolution ? `处理方式：${resolutionWords[resolution]}` : residentEventTitles[e.kind]!,
      text: e.public_text,
    }));
}

export function followUpView(level: FollowUpLevel | null, comment: string | null) {
  return level ? { word: followUpWords[level], comment } : null;
}

