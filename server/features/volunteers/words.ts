/** How times appear in messages and refusals the server writes: China time, 12月2日 09:00. */
import { chinaLocal } from '@contract/rules/calendar';

export function chinaDateTime(iso: string | Date): string {
  const { date, minuteOfDay } = chinaLocal(typeof iso === 'string' ? new Date(iso) : iso);
  const hh = String(Math.floor(minuteOfDay / 60)).padStart(2, '0');
  const mm = String(minuteOfDay % 60).padStart(2, '0');
  return `${Number(date.slice(5, 7))}月${Number(date.slice(8, 10))}日 ${hh}:${mm}`;
}

/** The app page of one activity (links in messages). */
export const activityLink = (id: number) => `/features/volunteers/pages/activity/index?id=${id}`;
