/**
 * The counts behind the planner's figures for a set of 社区 and one month, read from the tables of the features
 * that own them (reading through Kysely, never importing their modules) and counted by their shared rules.
 * One query per figure for all the 社区 at once (coverage: one query for the grid cells, one widened circle search per 社区 — coverage.ts), so a street costs a
 * handful of queries whatever its size.
 */
import type { Kysely } from 'kysely';
import type { PlanningDetails } from '@contract/planning';
import { chinaLocal, chinaMidnight, datesOfMonth, shiftDate, type Calendar } from '@contract/rules/calendar';
import type { OpeningHours } from '@contract/rules/opening-hours';
import { checkFacilityHours, planningSettings } from '@contract/rules/planning';
import { isOverdue, type RatingForFigures } from '@contract/rules/rating';
import { activityState } from '@contract/rules/volunteer-activity';
import type { LatLng } from '@contract/rules/walking';
import type { Database } from '../../db/schema';
import { combineCells, coverageOf } from './coverage';
import { figureRows } from '../../lib/rating-figure-rows';

export interface CommunityPlace extends LatLng {
  id: string;
}

/** Everything a 社区's figures are made of; a street's are the same counts added up (see combine()). */
export interface MonthCounts extends Omit<PlanningDetails, 'ratings'> {
  ratingRows: RatingForFigures[];
  orders: { open: number; overdue: number };
}

function emptyCounts(): MonthCounts {
  return {
    coverage: { met: 0, total: 0, items: [], cells: { count: 0, population: null, weighting: 'none', share: null } },
    hours: { facilities: 0, meetsDaily: 0, opensOnHolidays: 0, meetsBoth: 0 },
    visits: { due: 0, visited: 0, overdue: 0, monthOver: false },
    ratingRows: [],
    orders: { open: 0, overdue: 0 },
    volunteers: { teams: 0, partyTeams: 0, communities: 1, communitiesWithPartyTeam: 0, volunteers: 0, hours: 0, activities: 0 },
    verification: { points: 0, verified: 0, withinDays: planningSettings.verifiedWithinDays },
  };
}

/** The street's (or city's) counts: every 社区's added up; coverage items are per 社区 only. */
export function combine(parts: readonly MonthCounts[]): MonthCounts {
  const total = emptyCounts();
  total.volunteers.communities = 0;
  for (const part of parts) {
    total.coverage.met += part.coverage.met;
    total.coverage.total += part.coverage.total;
    for (const key of ['facilities', 'meetsDaily', 'opensOnHolidays', 'meetsBoth'] as const) total.hours[key] += part.hours[key];
    total.visits.due += part.visits.due;
    total.visits.visited += part.visits.visited;
    total.visits.overdue += part.visits.overdue;
    total.visits.monthOver = part.visits.monthOver;
    total.ratingRows.push(...part.ratingRows);
    total.orders.open += part.orders.open;
    total.orders.overdue += part.orders.overdue;
    for (const key of ['teams', 'partyTeams', 'communities', 'communitiesWithPartyTeam', 'volunteers', 'hours', 'activities'] as const) total.volunteers[key] += part.volunteers[key];
    total.verification.points += part.verification.points;
    total.verification.verified += part.verification.verified;
  }
  total.coverage.cells = combineCells(parts.map((p) => p.coverage.cells));
  return total;
}

export async function monthCounts(
  db: Kysely<Database>,
  communities: readonly CommunityPlace[],
  month: string,
  now: Date,
  calendar: Calendar,
): Promise<Map<string, MonthCounts>> {
  const ids = communities.map((c) => c.id);
  const result = new Map(communities.map((c) => [c.id, emptyCounts()]));
  if (ids.length === 0) return result;
  const of = (id: string | null) => (id === null ? undefined : result.get(id));
  const dates = datesOfMonth(month);
  const monthStart = chinaMidnight(dates[0]).toISOString();
  const monthEnd = chinaMidnight(shiftDate(dates[dates.length - 1], 1)).toISOString();
  const monthOver = chinaLocal(now).date.slice(0, 7) > month;

  const cells = await db.selectFrom('planning_cells').select(['community_id', 'lat', 'lng', 'population']).where('community_id', 'in', ids).orderBy('id').execute();
  for (const place of communities) result.get(place.id)!.coverage = await coverageOf(db, place, cells.filter((c) => c.community_id === place.id));

  // Facilities' hours over the month's days, and how recently every point of the 社区 was verified.
  const days = dates.map((d) => calendar.dayInfo(d));
  const verifiedSince = shiftDate(dates[dates.length - 1], -planningSettings.verifiedWithinDays);
  const points = await db.selectFrom('service_points').select(['community_id', 'subcategory_id', 'hours_json', 'verified_at']).where('community_id', 'in', ids).where('closed_at', 'is', null).execute();
  for (const point of points) {
    const counts = of(point.community_id)!;
    counts.verification.points += 1;
    if (point.verified_at >= verifiedSince) counts.verification.verified += 1;
    if (!planningSettings.facilitySubcategories.includes(point.subcategory_id)) continue;
    const check = checkFacilityHours(JSON.parse(point.hours_json) as OpeningHours, days);
    counts.hours.facilities += 1;
    if (check.meetsDaily) counts.hours.meetsDaily += 1;
    if (check.opensOnHolidays) counts.hours.opensOnHolidays += 1;
    if (check.meetsDaily && check.opensOnHolidays) counts.hours.meetsBoth += 1;
  }

  // 月探访: the elders of the eight classes (as the care feature lists them) and who was visited in the month.
  const elders = await db.selectFrom('elder_profiles').select(['id', 'community_id']).where('community_id', 'in', ids).where('classes_json', '!=', '[]').execute();
  const visited = new Set(
    (await db.selectFrom('care_visits').select('elder_id').where('community_id', 'in', ids).where('month', '=', month).execute()).map((v) => Number(v.elder_id)),
  );
  for (const elder of elders) {
    const visits = of(elder.community_id)!.visits;
    visits.due += 1;
    if (visited.has(Number(elder.id))) visits.visited += 1;
    else if (monthOver) visits.overdue += 1;
  }
  for (const counts of result.values()) counts.visits.monthOver = monthOver;

  // 好差评: the month's ratings as the ratings feature counts them; work orders still open now.
  for (const row of await figureRows(db, (q) => q.where('ratings.community_id', 'in', ids).where('ratings.month', '=', month))) of(row.communityId)?.ratingRows.push(row);
  const orders = await db.selectFrom('rating_work_orders').select(['community_id', 'due_on']).where('community_id', 'in', ids).where('due_on', 'is not', null).execute();
  for (const order of orders) {
    const counts = of(order.community_id)!;
    counts.orders.open += 1;
    if (isOverdue(order.due_on, now)) counts.orders.overdue += 1;
  }

  // Volunteers: teams, who had registered by the month's end, confirmed hours and activities held in the month.
  for (const team of await db.selectFrom('volunteer_teams').select(['community_id', 'is_party_team']).where('community_id', 'in', ids).execute()) {
    const v = of(team.community_id)!.volunteers;
    v.teams += 1;
    if (team.is_party_team === 1) v.partyTeams += 1;
    v.communitiesWithPartyTeam = v.partyTeams > 0 ? 1 : 0;
  }
  const registered = await db
    .selectFrom('volunteers')
    .select(['community_id', (eb) => eb.fn.countAll<number>().as('n')])
    .where('community_id', 'in', ids)
    .where('created_at', '<', monthEnd)
    .groupBy('community_id')
    .execute();
  for (const row of registered) of(row.community_id)!.volunteers.volunteers = Number(row.n);
  const activities = await db
    .selectFrom('activities')
    .select(['id', 'community_id', 'starts_at', 'ends_at', 'signup_deadline', 'capacity', 'taken', 'cancelled_at'])
    .where('community_id', 'in', ids)
    .where('starts_at', '>=', monthStart)
    .where('starts_at', '<', monthEnd)
    .execute();
  for (const activity of activities) {
    const state = activityState({ cancelled: activity.cancelled_at !== null, startsAt: activity.starts_at, endsAt: activity.ends_at, signupDeadline: activity.signup_deadline, capacity: activity.capacity, taken: activity.taken }, now);
    if (state === 'ended') of(activity.community_id)!.volunteers.activities += 1;
  }
  const hours = await db
    .selectFrom('activity_signups')
    .innerJoin('activities', 'activities.id', 'activity_signups.activity_id')
    .select(['activities.community_id', (eb) => eb.fn.sum<number>('activity_signups.half_hours').as('halves')])
    .where('activities.community_id', 'in', ids)
    .where('activities.starts_at', '>=', monthStart)
    .where('activities.starts_at', '<', monthEnd)
    .where('activity_signups.confirmed_at', 'is not', null)
    .groupBy('activities.community_id')
    .execute();
  for (const row of hours) of(row.community_id)!.volunteers.hours = Number(row.halves ?? 0) / 2;
  return result;
}
