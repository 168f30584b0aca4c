/**
 * Dates as the app prints them, in China time (UTC+8, no DST) whatever the phone's own time zone. Plain Date
 * arithmetic (no date library: these run on the 服务 tab and in the mini-program's main package, where every KB
 * counts).
 * Forms that count days from a date use the calendar's shiftDate (contract/rules/calendar.ts).
 */
import { chinaLocal } from '@contract/rules/calendar';

/** An instant: an ISO text (with its offset, or local time without one), epoch milliseconds or a Date. */
export type Instant = string | number | Date;

const CHINA_OFFSET_MS = 8 * 60 * 60 * 1000;
const DAY_MS = 24 * 60 * 60 * 1000;
const WEEKDAYS = ['周日', '周一', '周二', '周三', '周四', '周五', '周六'];

/** The instant shifted by 8 hours, so its UTC fields read as the wall clock in China. */
function chinaClock(value: Instant | undefined): Date {
  const ms = value === undefined ? Date.now() : new Date(value).getTime();
  return new Date(ms + CHINA_OFFSET_MS);
}

const dayNumber = (clock: Date) => Math.floor(clock.getTime() / DAY_MS);
const twoDigits = (n: number) => String(n).padStart(2, '0');

/** The date in China, 'YYYY-MM-DD': today, or of `value`. */
export function chinaDate(value?: Instant): string {
  return chinaLocal(new Date(value ?? Date.now())).date;
}

/** The hour (0–23) in China now, or at `value`. */
export function chinaHour(value?: Instant): number {
  return chinaClock(value).getUTCHours();
}

/** 今天 / 明天 / 11月30日（周一）; another year adds it: 2027年1月4日（周一）. */
export function formatDay(value: Instant, now?: Instant): string {
  const day = chinaClock(value);
  const today = chinaClock(now);
  const diff = dayNumber(day) - dayNumber(today);
  if (diff === 0) return '今天';
  if (diff === 1) return '明天';
  const monthDay = `${day.getUTCMonth() + 1}月${day.getUTCDate()}日（${WEEKDAYS[day.getUTCDay()]}）`;
  return day.getUTCFullYear() === today.getUTCFullYear() ? monthDay : `${day.getUTCFullYear()}年${monthDay}`;
}

/** 11:30 */
export function formatTime(value: Instant): string {
  const clock = chinaClock(value);
  return `${twoDigits(clock.getUTCHours())}:${twoDigits(clock.getUTCMinutes())}`;
}

/** 11:30–12:30 (en dash, as printed on notices). */
export function formatTimeRange(start: Instant, end: Instant): string {
  return `${formatTime(start)}–${formatTime(end)}`;
}

/** 明天 11:30 / 11月30日（周一）11:30 */
export function formatDayTime(value: Instant, now?: Instant): string {
  const day = formatDay(value, now);
  return `${day}${day.endsWith('）') ? '' : ' '}${formatTime(value)}`;
}
