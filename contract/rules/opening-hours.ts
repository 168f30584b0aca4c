/**
 * Opening hours of a service point and whether it is open at an instant (DOMAIN.md §1, §7).
 *
 * A point has hours per weekday and its own hours for public holidays. The day's schedule is
 * chosen from the calendar: a holiday uses the holiday hours; a 调休 working day (a Saturday or
 * Sunday worked in exchange for a holiday) uses the point's MONDAY hours — the usual practice
 * of offices that open "as on a working day"; any other day uses that weekday's hours.
 * An interval whose close is not after its open runs past midnight (18:00–02:00 closes at
 * 02:00 the next morning); "00:00–24:00" is a full day. Pure; times are China local (UTC+8).
 */
import { chinaLocal, chinaMidnight, shiftDate, type Calendar, type DayInfo } from './calendar';

export const weekdayKeys = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;
export type WeekdayKey = (typeof weekdayKeys)[number];
export const weekdayNames: Record<WeekdayKey, string> = {
  mon: '周一',
  tue: '周二',
  wed: '周三',
  thu: '周四',
  fri: '周五',
  sat: '周六',
  sun: '周日',
};

/** 'HH:MM' times; close '24:00' allowed; close ≤ open means it closes the next day. */
export interface TimeInterval {
  open: string;
  close: string;
}

export interface OpeningHours {
  /** An empty list is a closed day. */
  weekly: Record<WeekdayKey, TimeInterval[]>;
  /** Hours on public holidays (empty = closed on holidays). */
  holiday: TimeInterval[];
}

export interface OpenStatus {
  open: boolean;
  /** When open: when it closes (null = open without a break for the whole look-ahead, e.g. 24 hours). */
  closesAt: Date | null;
  /** When closed: the next opening (null = none within the look-ahead). */
  nextOpenAt: Date | null;
}

const TIME_PATTERN = /^([01]\d|2[0-4]):([0-5]\d)$/;
const DAY_MS = 86_400_000;

function parseTime(time: string): number {
  const match = TIME_PATTERN.exec(time);
  if (!match || (match[1] === '24' && match[2] !== '00')) throw new Error(`not a time: ${time}`);
  return Number(match[1]) * 60 + Number(match[2]);
}

/** Minutes [start, end) from the day's midnight; end may pass 1440 for past-midnight intervals. */
function intervalMinutes(interval: TimeInterval): [number, number] {
  const open = parseTime(interval.open);
  const close = parseTime(interval.close);
  return [open, close > open ? close : close + 24 * 60];
}

/** The hours that apply on a day of the given kind (see the module comment for 调休 days). */
export function hoursForDay(hours: OpeningHours, day: DayInfo): TimeInterval[] {
  if (day.kind === 'holiday') return hours.holiday;
  if (day.kind === 'adjustedWorkday') return hours.weekly.mon;
  return hours.weekly[weekdayKeys[day.weekday]];
}

/** True when every day of the week and holidays are open round the clock. */
export function isOpenAllDay(hours: OpeningHours): boolean {
  const fullDay = (list: TimeInterval[]) => list.some((i) => intervalMinutes(i)[1] - intervalMinutes(i)[0] >= 24 * 60);
  return weekdayKeys.every((key) => fullDay(hours.weekly[key])) && fullDay(hours.holiday);
}

/**
 * Whether the point is open at `instant`, and when it closes or next opens.
 * Walks the days from yesterday (for intervals past midnight) forward, merging touching
 * intervals (23:00–24:00 then 00:00–02:00 is one stretch), and stops as soon as the answer is
 * known — usually within a day or two; at most `lookAheadDays` ahead (long holidays).
 */
export function openStatusAt(
  hours: OpeningHours,
  instant: Date,
  calendar: Calendar,
  lookAheadDays = 16,
): OpenStatus {
  const { date: today } = chinaLocal(instant);
  const now = instant.getTime();
  const todayMidnight = chinaMidnight(today).getTime();
  const horizon = todayMidnight + (lookAheadDays + 1) * DAY_MS;
  let current: [number, number] | null = null;
  for (let offset = -1; offset <= lookAheadDays; offset += 1) {
    const midnight = todayMidnight + offset * DAY_MS;
    const day = calendar.dayInfo(offset === 0 ? today : shiftDate(today, offset));
    const spans = hoursForDay(hours, day)
      .map((interval) => intervalMinutes(interval))
      .sort((a, b) => a[0] - b[0]);
    for (const [start, end] of spans) {
      const span: [number, number] = [midnight + start * 60_000, midnight + end * 60_000];
      if (current && span[0] <= current[1]) {
        current[1] = Math.max(current[1], span[1]);
        continue;
      }
      if (current && current[0] <= now && now < current[1]) return { open: true, closesAt: new Date(current[1]), nextOpenAt: null };
      // Spans come in time order, so the first one starting after now is the next opening.
      if (span[0] > now) return { open: false, closesAt: null, nextOpenAt: new Date(span[0]) };
      current = span;
    }
  }
  if (current && current[0] <= now && now < current[1]) {
    return { open: true, closesAt: current[1] >= horizon ? null : new Date(current[1]), nextOpenAt: null };
  }
  return { open: false, closesAt: null, nextOpenAt: null };
}

/** "08:00–17:00" or "18:00–次日02:00", "全天" for 00:00–24:00, "休息" for none; intervals joined by "、". */
export function formatIntervals(intervals: TimeInterval[]): string {
  if (intervals.length === 0) return '休息';
  return intervals
    .map((interval) => {
      const [start, end] = intervalMinutes(interval);
      if (start === 0 && end >= 24 * 60) return '全天';
      return end > 24 * 60 ? `${interval.open}–次日${interval.close}` : `${interval.open}–${interval.close}`;
    })
    .join('、');
}

/** Minutes open in a day's intervals (an interval past midnight counts whole: it is that day's opening). */
export function openMinutes(intervals: readonly TimeInterval[]): number {
  return Math.min(24 * 60, intervals.reduce((sum, interval) => {
    const [start, end] = intervalMinutes(interval);
    return sum + (end - start);
  }, 0));
}
