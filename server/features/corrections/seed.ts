import { chinaLocal, createCalendar, shiftDate, type CalendarData } from '@contract/rules/calendar';
import type { SeedContext } from '../../lib/feature';
import holidays from '../../../config/domain/holidays.json';
import { dueDateFor } from './queue';

/**
 * Demo reports, so the worker's queue means something: on 新市社区 points by the demo resident, one long
 * overdue, one fresh, one already handled.
 */
export async function seedCorrections({ db, now }: SeedContext): Promise<void> {
  const resident = await db.selectFrom('users').select('id').where('demo_key', '=', 'resident').executeTakeFirst();
  if (!resident) return;
  const calendar = createCalendar(holidays as CalendarData);
  const today = chinaLocal(now).date;
  const at = (daysAgo: number) => new Date(now.getTime() - daysAgo * 86_400_000).toISOString();
  const report = (pointId: string, kind: string, text: string | null, daysAgo: number) => ({
    service_point_id: pointId,
    user_id: resident.id,
    kind,
    text,
    created_at: at(daysAgo),
    due_date: dueDateFor(calendar, shiftDate(today, -daysAgo)),
    state: 'open',
    outcome: null,
    note: null,
    handled_at: null,
    handled_by: null,
    idempotency_key: null,
  });
  await db
    .insertInto('corrections')
    .values([
      report('sp-xinshi-night-store', 'hours', '晚上十点就关门了，不是通宵', 10),
      report('sp-xinshi-pharmacy-24h', 'phone', null, 1),
      {
        ...report('sp-220681002-laundry-0110', 'closed', '门口贴了装修通知', 3),
        state: 'handled',
        outcome: 'confirmed',
        note: '装修暂停营业，已标注',
        handled_at: at(1),
      },
    ])
    .execute();
}
