/**
 * Attendance (《志愿服务记录与证明出具办法》): the volunteer checks in and out with the code the worker shows,
 * or the worker marks it from the roster; the worker then confirms the hours, and only confirmed hours count.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { activityParamsSchema, attendanceBodySchema, attendanceSchema } from '@contract/volunteers';
import { attendanceWindow, checkInOpensAt, creditedHours } from '@contract/rules/volunteer-hours';
import { canSeeCommunity, requireUser } from '../../lib/auth';
import { conflict, fieldError, forbidden, notFound } from '../../lib/errors';
import { verifyCheckInCode } from './checkin-code';
import { selectActivities, toMySignup } from './queries';
import { requireVolunteer } from './volunteer-profile';
import { chinaDateTime } from './words';

export const attendanceRoutes: FastifyPluginAsyncZod = async (app) => {
  app.post(
    '/activities/:id/attendance',
    { schema: { tags: ['volunteers'], params: activityParamsSchema, body: attendanceBodySchema, response: { 200: attendanceSchema } } },
    async (request) => {
      const user = requireUser(request);
      const { action, checkInCode, signupId } = request.body;
      const activity = await selectActivities(app.db).where('activities.id', '=', request.params.id).executeTakeFirst();
      if (!activity) throw notFound('没有找到这个活动，它可能已被删除');
      if (activity.cancelled_at) throw conflict('这个活动已经取消了');
      const span = { startsAt: activity.starts_at, endsAt: activity.ends_at };
      const now = app.now();
      const byWorker = signupId !== undefined;

      if (byWorker && !canSeeCommunity(user, activity.community_id)) throw forbidden('只有本社区的工作人员可以为志愿者记录考勤');
      if (!byWorker && action === 'confirm') throw forbidden('时长由社区工作人员确认');

      let query = app.db.selectFrom('activity_signups').selectAll().where('activity_id', '=', activity.id).where('status', '!=', 'cancelled');
      if (byWorker) query = query.where('id', '=', signupId);
      else query = query.where('volunteer_id', '=', (await requireVolunteer(app.db, user)).id);
      const signup = await query.executeTakeFirst();
      if (!signup) throw notFound(byWorker ? '这个活动没有这条报名记录' : '您没有报名这个活动');
      if (signup.status === 'waitlisted') throw conflict(byWorker ? '这位志愿者还在候补名单中，不能签到' : '您还在候补名单中，递补成功后才能签到');

      const window = attendanceWindow(span, now);
      if (window === 'notYet') throw conflict(`签到从 ${chinaDateTime(checkInOpensAt(span))} 开始，请到时再来`);
      if (!byWorker) {
        if (window === 'closed') throw conflict('签到已经结束，如需补记请联系社区工作人员');
        const check = verifyCheckInCode((value) => app.privacy.keyedHash(value), activity.id, checkInCode!, now);
        if (check === 'otherActivity') throw fieldError('checkInCode', '这是另一个活动的签到码，请核对活动');
        if (check === 'invalid') throw fieldError('checkInCode', '不对或已过期，请看工作人员手机上的最新签到码');
      }

      const at = now.toISOString();
      let changes: { checked_in_at?: string; checked_out_at?: string; half_hours?: number; confirmed_at?: string; confirmed_by?: number } = {};
      if (signup.confirmed_at) throw conflict('时长已经确认，不能再修改');
      if (action === 'checkIn') {
        // A second check-in changes nothing: the first time counts.
        if (!signup.checked_in_at) changes = { checked_in_at: at };
      } else if (action === 'checkOut') {
        if (!signup.checked_in_at) throw conflict(byWorker ? '这位志愿者还没有签到，请先签到' : '您还没有签到，请先签到');
        changes = { checked_out_at: at, half_hours: creditedHours(span, signup.checked_in_at, at) * 2 };
      } else {
        if (!signup.checked_out_at) throw conflict('请先为这位志愿者签退，再确认时长');
        changes = { confirmed_at: at, confirmed_by: user.id };
      }
      if (Object.keys(changes).length > 0) {
        const updated = await app.db
          .updateTable('activity_signups')
          .set({ ...changes, updated_at: at })
          .where('id', '=', signup.id)
          .where('confirmed_at', 'is', null)
          .executeTakeFirst();
        if (Number(updated.numUpdatedRows) !== 1) throw conflict('时长已经确认，不能再修改');
      }
      const fresh = await app.db.selectFrom('activity_signups').selectAll().where('id', '=', signup.id).executeTakeFirstOrThrow();
      const { signupId: id, checkedInAt, checkedOutAt, hours, confirmedAt } = toMySignup(fresh, null);
      return { signupId: id, checkedInAt, checkedOutAt, hours, confirmedAt };
    },
  );
};
