/**
 * Dates as the app prints and counts them, with dayjs in zh-cn, always in China time whatever the phone's own time
 * zone (a relative booking from abroad sees the elder's 11:30, not hers). One module, in the main package's common
 * chunk, so dayjs and its plugins are bundled once for every subpackage.
 *
 * China time is the timezone plugin's Asia/Shanghai where the platform's Intl knows time zones. Android WeChat's
 * engine is known to ignore the zone there (dayjs#2635, taro#16078) and some old engines lack Intl's zones: China
 * has kept UTC+8 without daylight saving since 1991, so there the utc plugin's fixed +08:00 gives the same answer.
 */
import dayjs, { type Dayjs } from 'dayjs';
import 'dayjs/locale/zh-cn';
import timezone from 'dayjs/plugin/timezone';
import utc from 'dayjs/plugin/utc';

dayjs.extend(utc);
dayjs.extend(timezone);
dayjs.locale('zh-cn');

export const CHINA_ZONE = 'Asia/Shanghai';
const CHINA_OFFSET_MINUTES = 8 * 60;

/** An instant: an ISO text (with its offset), epoch milliseconds or a Date. */
export type Instant = string | number | Date;

/** Whether the timezone plugin answers right here: 16:00 UTC is midnight of the next day in China. */
function zonesWork(): boolean {
  try {
    return dayjs('2024-04-21T16:00:00Z').tz(CHINA_ZONE).format('YYYY-MM-DD HH:mm') === '2024-04-22 00:00';
  } catch {
    return false;
  }
}

const inChina: (value: Dayjs) => Dayjs = zonesWork() ? (value) => value.tz(CHINA_ZONE) : (value) => value.utcOffset(CHINA_OFFSET_MINUTES);

/** The instant (now by default) on China's wall clock, in zh-cn. */
export function chinaTime(value?: Instant): Dayjs {
  return inChina(dayjs(value));
}

/** The date in China, 'YYYY-MM-DD': today, or of `value`. */
export function chinaDate(value?: Instant): string {
  return chinaTime(value).format('YYYY-MM-DD');
}

/** The hour (0–23) in China now, or at `value`. */
export function chinaHour(value?: Instant): number {
  return chinaTime(value).hour();
}

/** The calendar date `days` after (or before) a 'YYYY-MM-DD' date. */
export function addDays(date: string, days: number): string {
  return dayjs.utc(date).add(days, 'day').format('YYYY-MM-DD');
}

/** 今天 / 明天 / 11月30日（周一）; another year adds it: 2027年1月4日（周一）. */
export function formatDay(value: Instant, now?: Instant): string {
  const day = chinaTime(value);
  const today = chinaTime(now);
  const diff = dayjs.utc(day.format('YYYY-MM-DD')).diff(dayjs.utc(today.format('YYYY-MM-DD')), 'day');
  if (diff === 0) return '今天';
  if (diff === 1) return '明天';
  return day.format(day.year() === today.year() ? 'M月D日（ddd）' : 'YYYY年M月D日（ddd）');
}

/** 11:30 */
export function formatTime(value: Instant): string {
  return chinaTime(value).format('HH:mm');
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

/** China-local date ('YYYY-MM-DD') and time ('HH:mm') as an ISO instant, or null when they are not a real moment. */
export function chinaInstant(date: string, time: string): string | null {
  const parsed = dayjs(`${date.trim()}T${time.trim()}:00+08:00`);
  const real = /^\d{4}-\d{2}-\d{2}$/.test(date.trim()) && /^\d{2}:\d{2}$/.test(time.trim()) && parsed.isValid();
  return real && inChina(parsed).format('YYYY-MM-DD HH:mm') === `${date.trim()} ${time.trim()}` ? parsed.toISOString() : null;
}
