/**
 * Demo history for the planner's trend: the care feature's demo elders get the visits of the eleven months
 * before this one (this month's are the care seed's own). 新市社区 visits everyone but slipped twice last winter;
 * 沿江社区 and 兴华社区 missed often a year ago and less lately — a picture that "is getting better" but is not
 * there yet. Demo data only (seedIsDemoData): it runs after the care seed and adds rows to its visits table; and the
 * demo grid cells (demo-cells.ts).
 */
import { chinaLocal, monthsEndingWith, shiftDate } from '@contract/rules/calendar';
import type { SeedContext } from '../../lib/feature';
import { seedDemoCells } from './demo-cells';

const HISTORY_MONTHS = 11;

/** Whether the demo elder (its position in its 社区) was visited `monthsAgo` months back. */
function visitedInDemo(communityId: string, position: number, monthsAgo: number): boolean {
  if (communityId === 'xinshi') return !(position === 0 && (monthsAgo === 9 || monthsAgo === 10));
  // Elsewhere: a visit every other month a year ago, every month in the last four.
  return monthsAgo <= 4 || (monthsAgo + position) % 2 === 0;
}

export async function seedPlanningHistory({ db, now }: SeedContext): Promise<void> {
  await seedDemoCells(db);
  const worker = await db.selectFrom('users').select('id').where('demo_key', '=', 'street').executeTakeFirst();
  if (!worker) return;
  const elders = await db.selectFrom('elder_profiles').select(['id', 'community_id']).where('classes_json', '!=', '[]').orderBy('id').execute();
  const thisMonth = chinaLocal(now).date.slice(0, 7);
  const months = monthsEndingWith(thisMonth, HISTORY_MONTHS + 1).slice(0, HISTORY_MONTHS).reverse();
  const positions = new Map<string, number>();
  const rows = [];
  for (const elder of elders) {
    const position = positions.get(elder.community_id) ?? 0;
    positions.set(elder.community_id, position + 1);
    for (const [index, month] of months.entries()) {
      if (!visitedInDemo(elder.community_id, position, index + 1)) continue;
      const visitedOn = shiftDate(`${month}-01`, 9 + position);
      rows.push({
        elder_id: Number(elder.id),
        community_id: elder.community_id,
        worker_user_id: worker.id,
        method: 'home' as const,
        visited_on: visitedOn,
        month,
        health: '精神不错。',
        economy: '收入稳定。',
        safety: '燃气、电器检查无异常。',
        needs_referred: '',
        created_at: now.toISOString(),
      });
    }
  }
  if (rows.length > 0) await db.insertInto('care_visits').values(rows).execute();
}
