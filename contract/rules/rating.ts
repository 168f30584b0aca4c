/**
 * 好差评 rules (DOMAIN.md §2) as pure functions, shared by the server and the client: the five levels with
 * their words, which tags go with which level, the declared-visit window, work-order deadlines in working
 * days, and the published figures. Numbers that are our own choice come from config/domain/ratings.json.
 */
import ratingsConfig from '../../config/domain/ratings.json';
import { chinaLocal, type Calendar } from './calendar';

export const ratingConfig = ratingsConfig;

/** 5 非常满意 … 1 非常不满意; always shown with the word, never as a bare number or star. */
export const ratingLevels = [5, 4, 3, 2, 1] as const;
export type RatingLevel = (typeof ratingLevels)[number];

export const levelWords: Record<RatingLevel, string> = {
  5: '非常满意',
  4: '满意',
  3: '基本满意',
  2: '不满意',
  1: '非常不满意',
};

/** 不满意 and 非常不满意 are 差评: each opens a work order. */
export function isBadLevel(level: number): boolean {
  return level <= 2;
}

export type TagKind = 'praise' | 'problem';

/** Praise tags for 4–5, problem tags for 1–3. */
export function tagKindFor(level: RatingLevel): TagKind {
  return level >= 4 ? 'praise' : 'problem';
}

export function tagsFor(level: RatingLevel): readonly string[] {
  return tagKindFor(level) === 'praise' ? ratingsConfig.praiseTags : ratingsConfig.problemTags;
}

/** Why a set of tags does not fit a level, in words for the user; null when it fits. */
export function tagProblem(level: RatingLevel, tags: readonly string[]): string | null {
  const allowed = tagsFor(level);
  const stray = tags.find((tag) => !allowed.includes(tag));
  if (stray !== undefined) return `“${stray}”不适用于“${levelWords[level]}”，请重新选择`;
  if (new Set(tags).size !== tags.length) return '同一个标签只能选一次';
  if (isBadLevel(level) && tags.length === 0) return '请至少选择一个问题，方便我们核实整改';
  return null;
}

// ---------- declared visits ----------

const DAY_MS = 86_400_000;

/** When a resident may next declare a visit to the same point: 7 days after the last one (config). */
export function nextVisitAllowedAt(lastVisitAt: Date): Date {
  return new Date(lastVisitAt.getTime() + ratingsConfig.visitWindowDays * DAY_MS);
}

export function mayDeclareVisit(lastVisitAt: Date | null, now: Date): boolean {
  return lastVisitAt === null || now.getTime() >= nextVisitAllowedAt(lastVisitAt).getTime();
}

// ---------- work orders ----------

export const workOrderStatuses = ['awaiting_callback', 'verifying', 'handling', 'feedback_given', 'followed_up', 'closed'] as const;
export type WorkOrderStatus = (typeof workOrderStatuses)[number];

/** Words for workers (工单) … */
export const workOrderStatusWords: Record<WorkOrderStatus, string> = {
  awaiting_callback: '待回访',
  verifying: '核实中',
  handling: '整改中',
  feedback_given: '已反馈',
  followed_up: '已追评',
  closed: '已办结',
};

/** … and for the resident, who is told about 处理进度, never a 工单. */
export const progressWords: Record<WorkOrderStatus, string> = {
  awaiting_callback: '等待工作人员回访',
  verifying: '正在核实',
  handling: '正在整改',
  feedback_given: '已反馈处理结果',
  followed_up: '已追评',
  closed: '已办结',
};

export const resolutions = ['immediate', 'deadline', 'explain'] as const;
export type Resolution = (typeof resolutions)[number];
export const resolutionWords: Record<Resolution, string> = {
  immediate: '立行立改',
  deadline: '限期整改',
  explain: '解释说明',
};

export const followUpLevels = ['satisfied', 'basic', 'unsatisfied'] as const;
export type FollowUpLevel = (typeof followUpLevels)[number];
export const followUpWords: Record<FollowUpLevel, string> = {
  satisfied: '满意',
  basic: '基本满意',
  unsatisfied: '不满意',
};

export interface WorkOrderDeadlines {
  /** China-local date by the end of which the rater must have been called back. */
  callbackDue: string;
  /** China-local date by the end of which 整改反馈 must reach the rater. */
  feedbackDue: string;
}

/** Deadlines of a work order opened at `openedAt`, counted in working days from that China-local day. */
export function workOrderDeadlines(
  openedAt: Date,
  calendar: Pick<Calendar, 'addWorkingDays'>,
  days: { callback: number; feedback: number } = {
    callback: ratingsConfig.callbackWorkingDays,
    feedback: ratingsConfig.feedbackWorkingDays,
  },
): WorkOrderDeadlines {
  const opened = chinaLocal(openedAt).date;
  return { callbackDue: calendar.addWorkingDays(opened, days.callback), feedbackDue: calendar.addWorkingDays(opened, days.feedback) };
}

/** The deadline the order is working towards now (null once feedback is given). */
export function currentDue(status: WorkOrderStatus, deadlines: WorkOrderDeadlines): string | null {
  if (status === 'awaiting_callback') return deadlines.callbackDue;
  if (status === 'verifying' || status === 'handling') return deadlines.feedbackDue;
  return null;
}

/** Overdue: the current deadline's day has ended in China. */
export function isOverdue(due: string | null, now: Date): boolean {
  return due !== null && chinaLocal(now).date > due;
}

/** Which action moves an order on from which status. */
export const workOrderTransitions = {
  callback: { from: ['awaiting_callback'], to: 'verifying' },
  decide: { from: ['verifying'], to: 'handling' },
  feedback: { from: ['handling'], to: 'feedback_given' },
  close: { from: ['feedback_given', 'followed_up'], to: 'closed' },
} as const satisfies Record<string, { from: readonly WorkOrderStatus[]; to: WorkOrderStatus }>;
export type WorkOrderAction = keyof typeof workOrderTransitions;

// ---------- figures ----------

export interface RatingForFigures {
  level: number;
  /** Removed from the figures by an upheld appeal (still kept in the record). */
  excluded: boolean;
  /** For 差评: when 整改反馈 reached the rater, and by when it had to. */
  feedbackOn?: string | null;
  feedbackDue?: string | null;
}

export interface RatingFigures {
  n: number;
  /** Index 0 = 非常不满意 (1) … 4 = 非常满意 (5). */
  counts: [number, number, number, number, number];
  /** (5+4)/n, 0–1; null when n is 0. */
  goodRate: number | null;
  /** (5+4+3)/n */
  satisfiedRate: number | null;
  mean: number | null;
  badCount: number;
  /** 差评 with 整改反馈 given / 差评 */
  fixedRate: number | null;
  /** 差评 with 整改反馈 given by its deadline / 差评 */
  onTimeRate: number | null;
}

export function ratingFigures(ratings: readonly RatingForFigures[]): RatingFigures {
  const counted = ratings.filter((r) => !r.excluded);
  const counts: RatingFigures['counts'] = [0, 0, 0, 0, 0];
  let sum = 0;
  for (const r of counted) {
    counts[r.level - 1] += 1;
    sum += r.level;
  }
  const n = counted.length;
  const bad = counted.filter((r) => isBadLevel(r.level));
  const fixed = bad.filter((r) => r.feedbackOn);
  const onTime = fixed.filter((r) => r.feedbackDue && r.feedbackOn! <= r.feedbackDue);
  const rate = (part: number, whole: number) => (whole === 0 ? null : part / whole);
  return {
    n,
    counts,
    goodRate: rate(counts[4] + counts[3], n),
    satisfiedRate: rate(counts[4] + counts[3] + counts[2], n),
    mean: n === 0 ? null : sum / n,
    badCount: bad.length,
    fixedRate: rate(fixed.length, bad.length),
    onTimeRate: rate(onTime.length, bad.length),
  };
}

/** Rates are only published from this many ratings on; below it the page says so instead of a percentage. */
export function enoughForRates(n: number): boolean {
  return n >= ratingsConfig.minRatingsForRates;
}

/** 0.8333 → "83.3%" */
export function formatRate(rate: number | null): string {
  if (rate === null) return '—';
  return `${(Math.round(rate * 1000) / 10).toFixed(1).replace(/\.0$/, '')}%`;
}

/** The China-local month 'YYYY-MM' of an instant: figures are published by month. */
export function ratingMonth(instant: Date): string {
  return chinaLocal(instant).date.slice(0, 7);
}
