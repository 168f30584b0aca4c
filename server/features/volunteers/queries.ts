/**
 * Reading activities: one select with the names people see (community, team, place), and the mapping to the
 * API's summary with the state computed from the clock and the counts.
 */
import type { Kysely, Transaction } from 'kysely';
import {
  activitySafeguards,
  activityTargetGroups,
  namedOptions,
  volunteerSkills,
  type ActivitySummary,
  type MySignup,
} from '@contract/volunteers';
import { activityState, activityStateLabels, placesLeft } from '@contract/rules/volunteer-activity';
import { fullHours } from '@contract/rules/volunteer-hours';
import type { Database } from '../../db/schema';
import type { ActivitySignupsTable } from './tables';

type Db = Kysely<Database> | Transaction<Database>;

export function selectActivities(db: Db) {
  return db
    .selectFrom('activities')
    .innerJoin('communities', 'communities.id', 'activities.community_id')
    .leftJoin('volunteer_teams', 'volunteer_teams.id', 'activities.team_id')
    .leftJoin('service_points', 'service_points.id', 'activities.point_id')
    .selectAll('activities')
    .select([
      'communities.name as community_name',
      'communities.is_demo as community_is_demo',
      'volunteer_teams.name as team_name',
      'service_points.name as point_name',
      'service_points.address as point_address',
      'service_points.lat as point_lat',
      'service_points.lng as point_lng',
    ]);
}

export type ActivityRow = Awaited<ReturnType<ReturnType<typeof selectActivities>['executeTakeFirstOrThrow']>>;

/** Waiting-list lengths of some activities (one grouped query per page). */
export async function waitlistCounts(db: Db, activityIds: number[]): Promise<Map<number, number>> {
  if (activityIds.length === 0) return new Map();
  const rows = await db
    .selectFrom('activity_signups')
    .select(['activity_id', (eb) => eb.fn.countAll<number>().as('count')])
    .where('activity_id', 'in', activityIds)
    .where('status', '=', 'waitlisted')
    .groupBy('activity_id')
    .execute();
  return new Map(rows.map((row) => [row.activity_id, Number(row.count)]));
}

export function timingOf(row: Pick<ActivityRow, 'cancelled_at' | 'starts_at' | 'ends_at' | 'signup_deadline' | 'capacity' | 'taken'>) {
  return {
    cancelled: row.cancelled_at !== null,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    signupDeadline: row.signup_deadline,
    capacity: row.capacity,
    taken: row.taken,
  };
}

const targetGroupOf = (id: string) => activityTargetGroups.find((group) => group.id === id) ?? { id, name: id };

export function toSummary(row: ActivityRow, waitlisted: number, now: Date): ActivitySummary {
  const state = activityState(timingOf(row), now);
  return {
    id: row.id,
    title: row.title,
    communityId: row.community_id,
    communityName: row.community_name,
    teamName: row.team_name,
    startsAt: row.starts_at,
    endsAt: row.ends_at,
    signupDeadline: row.signup_deadline,
    capacity: row.capacity,
    taken: row.taken,
    placesLeft: placesLeft(row),
    waitlisted,
    state,
    stateLabel: activityStateLabels[state],
    targetGroup: targetGroupOf(row.target_group),
    skills: namedOptions(volunteerSkills, JSON.parse(row.skills_json) as string[]),
    hours: fullHours({ startsAt: row.starts_at, endsAt: row.ends_at }),
    placeName: row.point_name ?? row.address ?? '',
    minAge: row.min_age,
    isDemo: row.is_demo === 1 || row.community_is_demo === 1,
  };
}

export function safeguardsOf(row: ActivityRow) {
  return namedOptions(activitySafeguards, JSON.parse(row.safeguards_json) as string[]);
}

type SignupRow = Pick<
  ActivitySignupsTable,
  'status' | 'accompanied' | 'checked_in_at' | 'checked_out_at' | 'half_hours' | 'confirmed_at'
> & { id: number };

const statusNames = { signed_up: 'signedUp', waitlisted: 'waitlisted', cancelled: 'cancelled' } as const;

/** A sign-up as its volunteer sees it; the position is computed by the caller (waitlistPosition). */
export function toMySignup(row: SignupRow, position: number | null): MySignup {
  return {
    signupId: row.id,
    status: statusNames[row.status],
    waitlistPosition: row.status === 'waitlisted' ? position : null,
    accompanied: row.accompanied === 1,
    checkedInAt: row.checked_in_at,
    checkedOutAt: row.checked_out_at,
    hours: row.half_hours === null ? null : row.half_hours / 2,
    confirmedAt: row.confirmed_at,
  };
}

/** 1 for the first in line: waiting sign-ups of the activity that arrived no later than this one. */
export async function waitlistPosition(db: Db, activityId: number, signupId: number): Promise<number> {
  const row = await db
    .selectFrom('activity_signups')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('activity_id', '=', activityId)
    .where('status', '=', 'waitlisted')
    .where('id', '<=', signupId)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}
