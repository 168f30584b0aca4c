/**
 * Activities: the public list and detail; publishing, editing and cancelling by workers of the activity's
 * 社区 (a street worker for every 社区 of the street); the roster and check-in code for those workers.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql } from 'kysely';
import {
  activityCancelSchema,
  activityCreateSchema,
  activityDetailSchema,
  activityListQuerySchema,
  activityPageSchema,
  activityParamsSchema,
  activityUpdateSchema,
  checkInCodeSchema,
  rosterSchema,
  teamListQuerySchema,
  volunteerTeamListSchema,
  type ActivityDetail,
} from '@contract/volunteers';
import { chinaMidnight, shiftDate } from '@contract/rules/calendar';
import { attendanceWindow, checkInOpensAt } from '@contract/rules/volunteer-hours';
import { inTransaction } from '../../db/portable';
import type { AuthUser } from '../../lib/auth';
import { assertCanSeeCommunity, canSeeCommunity, requireRole, requireUser } from '../../lib/auth';
import { conflict, fieldError, notFound } from '../../lib/errors';
import { sendMessage } from '../../lib/messages';
import { issueCheckInCode } from './checkin-code';
import { safeguardsOf, selectActivities, toMySignup, toSummary, waitlistCounts, waitlistPosition, type ActivityRow } from './queries';
import { findVolunteerOfUser } from './volunteer-profile';
import { promoteFirstInLine } from './waitlist';
import { activityLink, chinaDateTime } from './words';

const encodeCursor = (row: { starts_at: string; id: number }) =>
  Buffer.from(JSON.stringify([row.starts_at, row.id]), 'utf8').toString('base64url');

function decodeCursor(text: string): [string, number] {
  try {
    const value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && typeof value[0] === 'string' && Number.isInteger(value[1])) return [value[0], value[1] as number];
  } catch {
    // falls through to the error below
  }
  throw fieldError('cursor', '无效，请从第一页重新加载', '翻页位置无效，请从第一页重新加载');
}

export const activityRoutes: FastifyPluginAsyncZod = async (app) => {
  async function loadActivity(id: number): Promise<ActivityRow> {
    const row = await selectActivities(app.db).where('activities.id', '=', id).executeTakeFirst();
    if (!row) throw notFound('没有找到这个活动，它可能已被删除');
    return row;
  }

  /** The activity, when the user is a worker who may manage it (403 otherwise, 404 when there is none). */
  async function loadManaged(user: AuthUser, id: number): Promise<ActivityRow> {
    const row = await loadActivity(id);
    assertCanSeeCommunity(user, row.community_id);
    return row;
  }

  async function detail(row: ActivityRow, user: AuthUser | null): Promise<ActivityDetail> {
    const now = app.now();
    const waiting = (await waitlistCounts(app.db, [row.id])).get(row.id) ?? 0;
    let mySignup: ActivityDetail['mySignup'] = null;
    const volunteer = user ? await findVolunteerOfUser(app.db, user.id) : undefined;
    if (volunteer) {
      const signup = await app.db
        .selectFrom('activity_signups')
        .selectAll()
        .where('activity_id', '=', row.id)
        .where('volunteer_id', '=', volunteer.id)
        .where('status', '!=', 'cancelled')
        .executeTakeFirst();
      if (signup) mySignup = toMySignup(signup, await waitlistPosition(app.db, row.id, signup.id));
    }
    return {
      ...toSummary(row, waiting, now),
      teamId: row.team_id,
      description: row.description,
      notice: row.notice,
      safeguards: safeguardsOf(row),
      place: {
        pointId: row.point_id,
        name: row.point_name ?? row.address ?? '',
        address: row.point_address ?? row.address ?? '',
        lat: row.point_lat ?? row.lat,
        lng: row.point_lng ?? row.lng,
      },
      cancelReason: row.cancel_reason,
      mySignup,
      canManage: user !== null && canSeeCommunity(user, row.community_id),
    };
  }

  /** A team of that community and a directory point that exists, or a 400 naming the field. */
  async function checkTeamAndPoint(communityId: string, teamId?: string | null, pointId?: string | null) {
    if (teamId) {
      const team = await app.db.selectFrom('volunteer_teams').select('community_id').where('id', '=', teamId).executeTakeFirst();
      if (!team || team.community_id !== communityId) throw fieldError('teamId', '请选择本社区的志愿服务队');
    }
    if (pointId && !(await app.db.selectFrom('service_points').select('id').where('id', '=', pointId).executeTakeFirst())) {
      throw fieldError('pointId', '没有这个服务点');
    }
  }

  app.get(
    '/volunteer-teams',
    { schema: { tags: ['volunteers'], querystring: teamListQuerySchema, response: { 200: volunteerTeamListSchema } } },
    async (request) => {
      let query = app.db.selectFrom('volunteer_teams').selectAll().orderBy('community_id').orderBy('is_party_team').orderBy('id');
      if (request.query.community) query = query.where('community_id', '=', request.query.community);
      const rows = await query.execute();
      return {
        items: rows.map((r) => ({ id: r.id, name: r.name, communityId: r.community_id, isPartyTeam: r.is_party_team === 1 })),
        nextCursor: null,
      };
    },
  );

  app.get(
    '/activities',
    { schema: { tags: ['volunteers'], querystring: activityListQuerySchema, response: { 200: activityPageSchema } } },
    async (request) => {
      const { community, date, skill, recruiting, limit, cursor } = request.query;
      const now = app.now().toISOString();
      if (community && !(await app.db.selectFrom('communities').select('id').where('id', '=', community).executeTakeFirst())) {
        throw fieldError('community', '没有这个社区');
      }
      let query = selectActivities(app.db);
      if (community) query = query.where('activities.community_id', '=', community);
      if (date) {
        query = query
          .where('activities.starts_at', '>=', chinaMidnight(date).toISOString())
          .where('activities.starts_at', '<', chinaMidnight(shiftDate(date, 1)).toISOString());
      } else query = query.where('activities.ends_at', '>', now);
      // Skill ids are from a fixed list of plain words, so a quoted substring of the JSON array is exact.
      if (skill) query = query.where('activities.skills_json', 'like', `%"${skill}"%`);
      if (recruiting) {
        query = query
          .where('activities.cancelled_at', 'is', null)
          .where('activities.signup_deadline', '>', now)
          .where((eb) => eb('activities.taken', '<', eb.ref('activities.capacity')));
      }
      if (cursor) {
        const [startsAt, id] = decodeCursor(cursor);
        query = query.where((eb) =>
          eb.or([
            eb('activities.starts_at', '>', startsAt),
            eb.and([eb('activities.starts_at', '=', startsAt), eb('activities.id', '>', id)]),
          ]),
        );
      }
      const rows = await query.orderBy('activities.starts_at').orderBy('activities.id').limit(limit + 1).execute();
      const page = rows.slice(0, limit);
      const waiting = await waitlistCounts(app.db, page.map((r) => r.id));
      return {
        items: page.map((row) => toSummary(row, waiting.get(row.id) ?? 0, app.now())),
        nextCursor: rows.length > limit ? encodeCursor(page[page.length - 1]) : null,
      };
    },
  );

  app.get(
    '/activities/:id',
    { schema: { tags: ['volunteers'], params: activityParamsSchema, response: { 200: activityDetailSchema } } },
    async (request) => detail(await loadActivity(request.params.id), request.user),
  );

  app.post(
    '/activities',
    {
      preHandler: requireRole('worker'),
      schema: { tags: ['volunteers'], body: activityCreateSchema, response: { 201: activityDetailSchema } },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const body = request.body;
      const now = app.now();
      assertCanSeeCommunity(user, body.communityId);
      await checkTeamAndPoint(body.communityId, body.teamId, body.pointId);
      if (body.signupDeadline <= now.toISOString()) throw fieldError('signupDeadline', '应晚于现在');
      const inserted = await app.db
        .insertInto('activities')
        .values({
          community_id: body.communityId,
          team_id: body.teamId ?? null,
          title: body.title,
          description: body.description,
          notice: body.notice,
          point_id: body.pointId ?? null,
          address: body.pointId ? null : (body.address ?? null),
          lat: body.pointId ? null : (body.lat ?? null),
          lng: body.pointId ? null : (body.lng ?? null),
          starts_at: body.startsAt,
          ends_at: body.endsAt,
          signup_deadline: body.signupDeadline,
          capacity: body.capacity,
          taken: 0,
          min_age: body.minAge,
          skills_json: JSON.stringify(body.skills),
          safeguards_json: JSON.stringify(body.safeguards),
          target_group: body.targetGroup,
          cancelled_at: null,
          cancel_reason: null,
          created_by: user.id,
          created_at: now.toISOString(),
          updated_at: now.toISOString(),
          is_demo: 0,
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      return reply.code(201).send(await detail(await loadActivity(inserted.id), user));
    },
  );

  app.patch(
    '/activities/:id',
    {
      preHandler: requireRole('worker'),
      schema: { tags: ['volunteers'], params: activityParamsSchema, body: activityUpdateSchema, response: { 200: activityDetailSchema } },
    },
    async (request) => {
      const user = requireUser(request);
      const current = await loadManaged(user, request.params.id);
      const body = request.body;
      const now = app.now();
      if (current.cancelled_at) throw conflict('这个活动已经取消，不能再修改');
      if (current.ends_at <= now.toISOString()) throw conflict('这个活动已经结束，不能再修改');
      const startsAt = body.startsAt ?? current.starts_at;
      const endsAt = body.endsAt ?? current.ends_at;
      const deadline = body.signupDeadline ?? current.signup_deadline;
      if (endsAt <= startsAt) throw fieldError('endsAt', '应晚于开始时间');
      if (deadline > startsAt) throw fieldError('signupDeadline', '不能晚于开始时间');
      if (body.startsAt && body.startsAt <= now.toISOString()) throw fieldError('startsAt', '应晚于现在');
      await checkTeamAndPoint(current.community_id, body.teamId, body.pointId);
      const capacity = body.capacity ?? current.capacity;

      await inTransaction(app.db, async (trx) => {
        const changed = await trx
          .updateTable('activities')
          .set({
            ...(body.teamId !== undefined ? { team_id: body.teamId } : {}),
            ...(body.title !== undefined ? { title: body.title } : {}),
            ...(body.description !== undefined ? { description: body.description } : {}),
            ...(body.notice !== undefined ? { notice: body.notice } : {}),
            ...(body.pointId !== undefined ? { point_id: body.pointId } : {}),
            ...(body.address !== undefined ? { address: body.address } : {}),
            ...(body.lat !== undefined ? { lat: body.lat } : {}),
            ...(body.lng !== undefined ? { lng: body.lng } : {}),
            ...(body.minAge !== undefined ? { min_age: body.minAge } : {}),
            ...(body.skills !== undefined ? { skills_json: JSON.stringify(body.skills) } : {}),
            ...(body.safeguards !== undefined ? { safeguards_json: JSON.stringify(body.safeguards) } : {}),
            ...(body.targetGroup !== undefined ? { target_group: body.targetGroup } : {}),
            starts_at: startsAt,
            ends_at: endsAt,
            signup_deadline: deadline,
            capacity,
            updated_at: now.toISOString(),
          })
          .where('id', '=', current.id)
          .where('cancelled_at', 'is', null)
          // Never fewer places than people already signed up (checked in the same statement as the change).
          .where('taken', '<=', capacity)
          .executeTakeFirst();
        if (Number(changed.numUpdatedRows) !== 1) {
          const latest = await trx.selectFrom('activities').select(['taken', 'cancelled_at']).where('id', '=', current.id).executeTakeFirstOrThrow();
          if (latest.cancelled_at) throw conflict('这个活动已经取消，不能再修改');
          throw fieldError('capacity', `已有 ${latest.taken} 人报名，名额不能少于 ${latest.taken}`);
        }
        // More places: the waiting list moves up, in arrival order.
        for (;;) {
          const freed = await trx
            .updateTable('activities')
            .set((eb) => ({ taken: eb('taken', '+', 1) }))
            .where('id', '=', current.id)
            .where((eb) => eb('taken', '<', eb.ref('capacity')))
            .where(({ exists, selectFrom }) =>
              exists(selectFrom('activity_signups').select(sql.lit(1).as('one')).whereRef('activity_signups.activity_id', '=', 'activities.id').where('activity_signups.status', '=', 'waitlisted')),
            )
            .executeTakeFirst();
          if (Number(freed.numUpdatedRows) !== 1) break;
          const title = body.title ?? current.title;
          if (!(await promoteFirstInLine(trx, { activityId: current.id, title, startsAt, now }))) {
            // The line emptied meanwhile (a parallel cancellation promoted the last one): give the place back.
            await trx.updateTable('activities').set((eb) => ({ taken: eb('taken', '-', 1) })).where('id', '=', current.id).execute();
            break;
          }
        }
      });
      return detail(await loadActivity(current.id), user);
    },
  );

  app.post(
    '/activities/:id/cancel',
    {
      preHandler: requireRole('worker'),
      schema: { tags: ['volunteers'], params: activityParamsSchema, body: activityCancelSchema, response: { 200: activityDetailSchema } },
    },
    async (request) => {
      const user = requireUser(request);
      const row = await loadManaged(user, request.params.id);
      const now = app.now();
      if (row.ends_at <= now.toISOString()) throw conflict('这个活动已经结束，不能取消');
      const { reason } = request.body;
      await inTransaction(app.db, async (trx) => {
        const cancelled = await trx
          .updateTable('activities')
          .set({ cancelled_at: now.toISOString(), cancel_reason: reason, updated_at: now.toISOString() })
          .where('id', '=', row.id)
          .where('cancelled_at', 'is', null)
          .executeTakeFirst();
        if (Number(cancelled.numUpdatedRows) !== 1) throw conflict('这个活动已经取消了');
        const people = await trx
          .selectFrom('activity_signups')
          .innerJoin('volunteers', 'volunteers.id', 'activity_signups.volunteer_id')
          .select(['volunteers.user_id', 'activity_signups.status'])
          .where('activity_signups.activity_id', '=', row.id)
          .where('activity_signups.status', '!=', 'cancelled')
          .execute();
        for (const person of people) {
          await sendMessage(trx, {
            userId: person.user_id,
            kind: 'volunteer.activity_cancelled',
            title: '活动已取消',
            body: `您${person.status === 'waitlisted' ? '候补' : '报名'}的“${row.title}”（${chinaDateTime(row.starts_at)}）已取消。原因：${reason}。给您带来不便，敬请谅解。`,
            link: activityLink(row.id),
            at: now,
          });
        }
      });
      return detail(await loadActivity(row.id), user);
    },
  );

  app.get(
    '/activities/:id/signups',
    {
      preHandler: requireRole('worker'),
      schema: { tags: ['volunteers'], params: activityParamsSchema, response: { 200: rosterSchema } },
    },
    async (request) => {
      const user = requireUser(request);
      const row = await loadManaged(user, request.params.id);
      const signups = await app.db
        .selectFrom('activity_signups')
        .innerJoin('volunteers', 'volunteers.id', 'activity_signups.volunteer_id')
        .selectAll('activity_signups')
        .select(['volunteers.real_name', 'volunteers.phone_masked'])
        .where('activity_signups.activity_id', '=', row.id)
        .where('activity_signups.status', '!=', 'cancelled')
        .orderBy('activity_signups.status', 'asc')
        .orderBy('activity_signups.id')
        .execute();
      await app.audit({ actorId: user.id, action: 'volunteers.view_roster', subjectType: 'activity', subjectId: row.id, detail: { count: signups.length } });
      let position = 0;
      return {
        items: signups.map((s) => {
          if (s.status === 'waitlisted') position += 1;
          return { ...toMySignup(s, position), volunteerName: s.real_name, maskedPhone: s.phone_masked };
        }),
        nextCursor: null,
      };
    },
  );

  app.get(
    '/activities/:id/checkin-code',
    {
      preHandler: requireRole('worker'),
      schema: { tags: ['volunteers'], params: activityParamsSchema, response: { 200: checkInCodeSchema } },
    },
    async (request) => {
      const user = requireUser(request);
      const row = await loadManaged(user, request.params.id);
      const now = app.now();
      if (row.cancelled_at) throw conflict('这个活动已经取消');
      const window = attendanceWindow({ startsAt: row.starts_at, endsAt: row.ends_at }, now);
      if (window === 'notYet') throw conflict(`签到从 ${chinaDateTime(checkInOpensAt({ startsAt: row.starts_at, endsAt: row.ends_at }))} 开始，届时再来显示签到码`);
      if (window === 'closed') throw conflict('签到已经结束，如需补记请在名单里为志愿者签到、签退');
      return issueCheckInCode((value) => app.privacy.keyedHash(value), row.id, now);
    },
  );
};
