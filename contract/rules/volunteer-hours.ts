/**
 * Attendance rules (《志愿服务记录与证明出具办法》 and our window in config/domain/volunteers.json):
 * check-in opens a fixed time before the start; hours = min(check-out, end) − max(check-in, start),
 * rounded down to the step (half an hour).
 */
import volunteersConfig from '../../config/domain/volunteers.json';

const MINUTE_MS = 60_000;
const { opensMinutesBeforeStart, closesMinutesAfterEnd } = volunteersConfig.checkIn;
const STEP_MINUTES = volunteersConfig.hoursStepMinutes;

export interface AttendanceSpan {
  /** ISO instants. */
  startsAt: string;
  endsAt: string;
}

/** Hours credited for one attendance, a multiple of the step (0.5 h); 0 when the times do not meet the activity. */
export function creditedHours(activity: AttendanceSpan, checkedInAt: string, checkedOutAt: string): number {
  const from = Math.max(Date.parse(checkedInAt), Date.parse(activity.startsAt));
  const to = Math.min(Date.parse(checkedOutAt), Date.parse(activity.endsAt));
  if (to <= from) return 0;
  const steps = Math.floor((to - from) / (STEP_MINUTES * MINUTE_MS));
  return (steps * STEP_MINUTES) / 60;
}

/** The hours an activity credits to someone present from start to end (shown before sign-up). */
export function fullHours(activity: AttendanceSpan): number {
  return creditedHours(activity, activity.startsAt, activity.endsAt);
}

/** When check-in opens: the configured minutes before the start. */
export function checkInOpensAt(activity: AttendanceSpan): Date {
  return new Date(Date.parse(activity.startsAt) - opensMinutesBeforeStart * MINUTE_MS);
}

/** When attendance can no longer be recorded by the volunteer (the worker can still correct it). */
export function attendanceClosesAt(activity: AttendanceSpan): Date {
  return new Date(Date.parse(activity.endsAt) + closesMinutesAfterEnd * MINUTE_MS);
}

export type AttendanceWindow = 'notYet' | 'open' | 'closed';

export function attendanceWindow(activity: AttendanceSpan, now: Date): AttendanceWindow {
  if (now < checkInOpensAt(activity)) return 'notYet';
  if (now >= attendanceClosesAt(activity)) return 'closed';
  return 'open';
}

export const CHECK_IN_OPENS_MINUTES = opensMinutesBeforeStart;
