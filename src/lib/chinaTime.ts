import dayjs, { type ConfigType, type Dayjs } from 'dayjs';
import utc from 'dayjs/plugin/utc';
import 'dayjs/locale/zh-cn';

dayjs.extend(utc);
dayjs.locale('zh-cn');

/** China time (UTC+8, no DST), whatever the phone's own time zone. */
const CHINA_OFFSET_MINUTES = 8 * 60;

/**
 * A dayjs in China time, for the forms of the subpackages that add days or take the start of a month. Only
 * printing a date? ./date does that without dayjs (kept out of the 服务 tab and the mini-program's main package).
 */
export function chinaTime(value: ConfigType = undefined): Dayjs {
  return dayjs(value).utcOffset(CHINA_OFFSET_MINUTES);
}
