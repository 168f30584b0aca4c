/**
 * The waiting list: when a place frees up (a cancellation, a larger capacity) the first in line, by arrival,
 * takes it and is told. Runs inside the caller's transaction; safe against a concurrent promotion because
 * each step is a conditional update whose row count is checked.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { sendMessage } from '../../lib/messages';
import { activityLink, chinaDateTime } from './words';

interface FreedPlace {
  activityId: number;
  title: string;
  startsAt: string;
  now: Date;
}

/** Gives one freed place to the first waiting volunteer; returns false when nobody is waiting. */
export async function promoteFirstInLine(trx: Transaction<Database>, place: FreedPlace): Promise<boolean> {
  for (;;) {
    const first = await trx
      .selectFrom('activity_signups')
      .innerJoin('volunteers', 'volunteers.id', 'activity_signups.volunteer_id')
      .select(['activity_signups.id', 'volunteers.user_id'])
      .where('activity_signups.activity_id', '=', place.activityId)
      .where('activity_signups.status', '=', 'waitlisted')
      .orderBy('activity_signups.id')
      .limit(1)
      .executeTakeFirst();
    if (!first) return false;
    const moved = await trx
      .updateTable('activity_signups')
      .set({ status: 'signed_up', updated_at: place.now.toISOString() })
      .where('id', '=', first.id)
      .where('status', '=', 'waitlisted')
      .executeTakeFirst();
    // Another transaction promoted this one first: look again for the next in line.
    if (Number(moved.numUpdatedRows) !== 1) continue;
    await sendMessage(trx, {
      userId: first.user_id,
      kind: 'volunteer.promoted',
      title: '候补成功，您已报上名',
      body: `有人取消了报名，您已从候补递补为“${place.title}”的正式报名，活动于 ${chinaDateTime(place.startsAt)} 开始。如不能参加，请在报名截止前取消。`,
      link: activityLink(place.activityId),
      at: place.now,
    });
    return true;
  }
}

/** A signed-up volunteer left: the place goes to the first in line, or back to the free places. */
export async function releasePlace(trx: Transaction<Database>, place: FreedPlace): Promise<void> {
  if (await promoteFirstInLine(trx, place)) return;
  await trx
    .updateTable('activities')
    .set((eb) => ({ taken: eb('taken', '-', 1) }))
    .where('id', '=', place.activityId)
    .where('taken', '>', 0)
    .execute();
}
