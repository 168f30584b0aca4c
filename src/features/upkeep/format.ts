import { formatDay } from '@/lib/date';

/** A 'YYYY-MM-DD' date in words (今天 / 明天 / 12月10日（周四）), read at noon in China so no zone moves it. */
export const dayText = (date: string) => formatDay(`${date}T12:00:00+08:00`);
