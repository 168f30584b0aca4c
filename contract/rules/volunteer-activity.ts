/**
 * An activity's state as people see it (DOMAIN.md §3), computed from the app clock and the counts, never
 * stored: 已取消 first, then by time (已结束, 进行中, 报名截止), then 已满员, else 招募中.
 */

export const activityStates = ['recruiting', 'full', 'closed', 'ongoing', 'ended', 'cancelled'] as const;
export type ActivityState = (typeof activityStates)[number];

export const activityStateLabels: Record<ActivityState, string> = {
  recruiting: '招募中',
  full: '已满员',
  closed: '报名截止',
  ongoing: '进行中',
  ended: '已结束',
  cancelled: '已取消',
};

export interface ActivityTiming {
  cancelled: boolean;
  /** ISO instants. */
  startsAt: string;
  endsAt: string;
  signupDeadline: string;
  capacity: number;
  /** Places taken (sign-ups, not the waiting list). */
  taken: number;
}

export function activityState(activity: ActivityTiming, now: Date): ActivityState {
  const at = now.toISOString();
  if (activity.cancelled) return 'cancelled';
  if (at >= activity.endsAt) return 'ended';
  if (at >= activity.startsAt) return 'ongoing';
  if (at >= activity.signupDeadline) return 'closed';
  if (activity.taken >= activity.capacity) return 'full';
  return 'recruiting';
}

/** Places still free (never negative: a lowered capacity may leave more sign-ups than places). */
export function placesLeft(activity: Pick<ActivityTiming, 'capacity' | 'taken'>): number {
  return Math.max(activity.capacity - activity.taken, 0);
}

export interface TimeSpan {
  startsAt: string;
  endsAt: string;
}

/** Two activities overlap when each starts before the other ends (back to back is fine). */
export function overlaps(a: TimeSpan, b: TimeSpan): boolean {
  return Date.parse(a.startsAt) < Date.parse(b.endsAt) && Date.parse(b.startsAt) < Date.parse(a.endsAt);
}
