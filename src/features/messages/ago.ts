import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import relativeTime from 'dayjs/plugin/relativeTime';
import type { Instant } from '@/lib/date';

// Only the message list says "3 天前": the plugin stays out of the pages that never do (the same dayjs as src/lib/date.ts).
dayjs.extend(relativeTime);

/** How long ago, in words: 几秒前 / 5 分钟前 / 3 小时前 / 3 天前. */
export function formatAgo(value: Instant, now?: Instant): string {
  return dayjs(value).locale('zh-cn').from(dayjs(now));
}
