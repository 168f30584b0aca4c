/**
 * The rows 好差评 figures are computed from (contract/rules/rating.ts ratingFigures), for any set of ratings: shared
 * by the ratings feature (its published stats) and planning (the planner's view), so both count the same ratings.
 */
import type { Kysely, SelectQueryBuilder } from 'kysely';
import type { RatingForFigures } from '@contract/rules/rating';
import type { Database } from '../db/schema';

type FigureQuery = SelectQueryBuilder<
  Database & { wo: Database['rating_work_orders'] },
  'ratings' | 'wo',
  { level: number; excluded: number; month: string; community_id: string | null; feedback_on: string | null; feedback_due: string | null }
>;

export async function figureRows(
  db: Kysely<Database>,
  narrow: (query: FigureQuery) => FigureQuery,
): Promise<Array<RatingForFigures & { month: string; communityId: string | null }>> {
  const base = db
    .selectFrom('ratings')
    .leftJoin('rating_work_orders as wo', 'wo.rating_id', 'ratings.id')
    .select(['ratings.level', 'ratings.excluded', 'ratings.month', 'ratings.community_id', 'wo.feedback_on', 'wo.feedback_due']);
  const rows = await narrow(base as unknown as FigureQuery).execute();
  return rows.map((r) => ({
    level: r.level,
    excluded: r.excluded === 1,
    month: r.month,
    communityId: r.community_id,
    feedbackOn: r.feedback_on,
    feedbackDue: r.feedback_due,
  }));
}
