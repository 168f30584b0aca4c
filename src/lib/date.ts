import dayjs, { type ConfigType, type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.locale('zh-cn');

/** Everything the app shows is China time (UTC+8, no DST), whatever the phone's own time zone. */
const CHINA_OFFSET_MINUTES = 8 * 60;

export function chinaTime(value: ConfigType = undefined): Dayjs {
  return dayjs(value).utcOffset(CHINA_OFFSET_MINUTES);
}

/** 今天 / 明天 / 11月30日（周一）; another year adds it: 2027年1月4日（周一）. */
export function formatDay(value: ConfigType, now: ConfigType = undefined): string {
  const day = chinaTime(value).startOf('day');
  const today = chinaTime(now).startOf('day');
  const diff = day.diff(today, 'day');
  if (diff === 0) return '今天';
  if (diff === 1) return '明天';
  return day.format(day.year() === today.year() ? 'M月D日（ddd）' : 'YYYY年M月D日（ddd）');
}

/** 11:30 */
export function formatTime(value: ConfigType): string {
  return chinaTime(value).format('HH:mm');
}

/** 11:30–12:30 (en dash, as printed on notices). */
export function formatTimeRange(start: ConfigType, end: ConfigType): string {
  return `${formatTime(start)}–${formatTime(end)}`;
}

/** 明天 11:30 / 11月30日（周一）11:30 */
export function formatDayTime(value: ConfigType, now: ConfigType = undefined): string {
  const day = formatDay(value, now);
  return `${day}${day.endsWith('）') ? '' : ' '}${formatTime(value)}`;
}
