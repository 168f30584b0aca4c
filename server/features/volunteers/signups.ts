/**
 * Signing up and cancelling. Every rule is checked here (deadline, age, skills, overlap); the place itself is
 * taken by one conditional update (`taken < capacity`) inside a transaction, with a unique (activity,
 * volunteer) behind it, so no activity is ever overbooked and a retried request never signs up twice.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import {
  activityParamsSchema,
  namedOptions,
  signupBodySchema,
  signupCancelResultSchema,
  signupResultSchema,
  volunteerSkills,
  type SignupResult,
} from '@contract/volunteers';
import { chinaLocal } from '@contract/rules/calendar';
import { ageBand, ageOn } from '@contract/rules/volunteer-age';
import { CHECK_IN_OPENS_MINUTES } from '@contract/rules/volunteer-hours';
import { inTransaction, isUniqueViolation } from '../../db/portable';
import type { Database } from '../../db/schema';
import { requireUser } from '../../lib/auth';
import { conflict, notFound } from '../../lib/errors';
import { selectActivities, toMySignup, waitlistPosition, type ActivityRow } from './queries';
import { requireVolunteer, type VolunteerRow } from './volunteer-profile';
import { releasePlace } from './waitlist';
import { chinaDateTime } from './words';

const ACCOMPANIED_NOTE = '您未满 14 周岁，参加时须监护人陪同。';

/** Refuses when the volunteer is signed up or waiting for another activity at the same time (back to back is fine). */
async function refuseOverlap(db: Kysely<Database>, activity: ActivityRow, volunteerId: number): Promise<void> {
  const clash = await db
    .selectFrom('activity_signups')
    .innerJoin('activities', 'activities.id', 'activity_signups.activity_id')
    .select(['activities.title', 'activities.starts_at'])
    .where('activity_signups.volunteer_id', '=', volunteerId)
    .where('activity_signups.status', '!=', 'cancelled')
    .where('activities.id', '!=', activity.id)
    .where('activities.cancelled_at', 'is', null)
    .where('activities.starts_at', '<', activity.ends_at)
    .where('activities.ends_at', '>', activity.starts_at)
    .executeTakeFirst();
  if (clash) {
    throw conflict(`与您已报名的“${clash.title}”（${chinaDateTime(clash.starts_at)} 开始）时间重叠，不能同时参加。如要改报这个活动，请先取消那一个`);
  }
}

export const signupRoutes: FastifyPluginAsyncZod = async (app) => {
  async function loadActivity(id: number): Promise<ActivityRow> {
    const row = await selectActivities(app.db).where('activities.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('没有找到这个活动，它可能已被删除');
    return row;
  }

  function activeSignup(activityId: number, volunteerId: number) {
    return app.db
      .selectFrom('activity_signups')
      .selectAll()
      .where('activity_id', '=', activityId)
      .where('volunteer_id', '=', volunteerId)
      .where('status', '!=', 'cancelled')
      .executeTakeFirst();
  }

  /** The rules that refuse a sign-up in words, before any place is taken. */
  async function checkEligible(activity: ActivityRow, volunteer: VolunteerRow, now: Date): Promise<void> {
    if (activity.cancelled_at) throw conflict('这个活动已经取消了，请看看其他活动');
    if (now.toISOString() >= activity.signup_deadline) {
      throw conflict(`报名已于 ${chinaDateTime(activity.signup_deadline)} 截止，请看看其他活动`);
    }
    const age = ageOn(volunteer.birth_date, chinaLocal(new Date(activity.starts_at)).date);
    if (age < activity.min_age) throw conflict(`这个活动要求年满 ${activity.min_age} 周岁，您还不能报名，请看看其他活动`);
    const have = JSON.parse(volunteer.skills_json) as string[];
    const missing = (JSON.parse(activity.skills_json) as string[]).filter((skill) => !have.includes(skill));
    if (missing.length > 0) {
      const names = namedOptions(volunteerSkills, missing).map((s) => s.name).join('、');
      throw conflict(`这个活动需要以下技能：${names}。您登记的技能里没有，暂不能报名；如您有这些技能，请联系社区更新登记信息`);
    }
    await refuseOverlap(app.db, activity, volunteer.id);
  }

  async function result(activity: ActivityRow, volunteerId: number, message?: string): Promise<SignupResult> {
    const signup = (await activeSignup(activity.id, volunteerId))!;
    const position = signup.status === 'waitlisted' ? await waitlistPosition(app.db, activity.id, signup.id) : null;
    const mine = toMySignup(signup, position);
    const accompanied = mine.accompanied ? ACCOMPANIED_NOTE : '';
    const text =
      message ??
      (mine.status === 'signedUp'
        ? `报名成功。活动 ${chinaDateTime(activity.starts_at)} 开始，开始前 ${CHECK_IN_OPENS_MINUTES} 分钟可以签到。${accompanied}如不能参加，请在 ${chinaDateTime(activity.signup_deadline)} 前取消`
        : `已加入候补，您排在第 ${position} 位。有人取消时按先后顺序递补，递补成功会通知您。${accompanied}`);
    return { ...mine, message: text };
  }

  app.post(
    '/activities/:id/signups',
    {
      schema: {
        tags: ['volunteers'],
        params: activityParamsSchema,
        body: signupBodySchema,
        response: { 200: signupResultSchema, 201: signupResultSchema },
      },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const volunteer = await requireVolunteer(app.db, user);
      const activity = await loadActivity(request.params.id);
      const now = app.now();
      const nowIso = now.toISOString();
      // A repeated request answers with the sign-up it already made.
      if (await activeSignup(activity.id, volunteer.id)) return result(activity, volunteer.id, '您已经报名了这个活动');
      await checkEligible(activity, volunteer, now);
      const accompanied = ageBand(ageOn(volunteer.birth_date, chinaLocal(new Date(activity.starts_at)).date)) === 'accompanied';
      try {
        await inTransaction(app.db, async (trx) => {
          // One volunteer's sign-ups one at a time (a row lock on PostgreSQL; SQLite writes one at a time anyway),
          // so two overlapping activities signed up for at once cannot both pass the overlap check.
          await trx.updateTable('volunteers').set((eb) => ({ created_at: eb.ref('created_at') })).where('id', '=', volunteer.id).execute();
          await refuseOverlap(trx, activity, volunteer.id);
          // A sign-up cancelled earlier makes way for a new one, at the back of the queue.
          await trx
            .deleteFrom('activity_signups')
            .where('activity_id', '=', activity.id)
            .where('volunteer_id', '=', volunteer.id)
            .where('status', '=', 'cancelled')
            .execute();
          const took = await trx
            .updateTable('activities')
            .set((eb) => ({ taken: eb('taken', '+', 1) }))
            .where('id', '=', activity.id)
            .where('cancelled_at', 'is', null)
            .where('signup_deadline', '>', nowIso)
            .where((eb) => eb('taken', '<', eb.ref('capacity')))
            .executeTakeFirst();
          const gotPlace = Number(took.numUpdatedRows) === 1;
          if (!gotPlace && !request.body.waitlist) {
            throw conflict('名额已满。您可以加入候补名单：有人取消时按先后顺序递补，递补成功会通知您');
          }
          await trx
            .insertInto('activity_signups')
            .values({
              activity_id: activity.id,
              volunteer_id: volunteer.id,
              status: gotPlace ? 'signed_up' : 'waitlisted',
              accompanied: accompanied ? 1 : 0,
              created_at: nowIso,
              updated_at: nowIso,
              checked_in_at: null,
              checked_out_at: null,
              half_hours: null,
              confirmed_at: null,
              confirmed_by: null,
            })
            .execute();
        });
      } catch (error) {
        // The same volunteer's parallel request won: answer with its sign-up, nothing taken twice.
        if (isUniqueViolation(error) && (await activeSignup(activity.id, volunteer.id))) {
          return result(activity, volunteer.id, '您已经报名了这个活动');
        }
        throw error;
      }
      return reply.code(201).send(await result(activity, volunteer.id));
    },
  );

  app.delete(
    '/activities/:id/signups/me',
    { schema: { tags: ['volunteers'], params: activityParamsSchema, response: { 200: signupCancelResultSchema } } },
    async (request) => {
      const user = requireUser(request);
      const volunteer = await requireVolunteer(app.db, user);
      const activity = await loadActivity(request.params.id);
      const now = app.now();
      const signup = await activeSignup(activity.id, volunteer.id);
      if (!signup) throw notFound('您没有报名这个活动，或者已经取消了');
      if (now.toISOString() >= activity.signup_deadline) {
        throw conflict(`报名已于 ${chinaDateTime(activity.signup_deadline)} 截止，不能在线取消。如不能参加，请直接告诉社区`);
      }
      await inTransaction(app.db, async (trx) => {
        const left = await trx
          .updateTable('activity_signups')
          .set({ status: 'cancelled', updated_at: now.toISOString() })
          .where('id', '=', signup.id)
          .where('status', '=', signup.status)
          .executeTakeFirst();
        if (Number(left.numUpdatedRows) !== 1) throw conflict('这个报名已经有了变化，请刷新后再试');
        if (signup.status === 'signed_up') {
          await releasePlace(trx, { activityId: activity.id, title: activity.title, startsAt: activity.starts_at, now });
        }
      });
      return {
        status: 'cancelled' as const,
        message: signup.status === 'waitlisted' ? '已退出候补名单' : '已取消报名，名额已让给其他志愿者。欢迎下次参加',
      };
    },
  );
};
