/**
 * 我的志愿 (records and hours), the 志愿服务证明 of a confirmed record, and the workers' export of confirmed
 * records in the columns the national system (全国志愿服务信息系统) imports.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { certificateSchema, exportQuerySchema, idTypeLabels, recordPageSchema, recordParamsSchema, type IdType } from '@contract/volunteers';
import { chinaLocal, chinaMidnight, shiftDate } from '@contract/rules/calendar';
import { assertCanSeeCommunity, requireRole, requireUser } from '../../lib/auth';
import { csvDocument } from '../../lib/csv';
import { conflict, notFound } from '../../lib/errors';
import { selectActivities, toMySignup, toSummary, waitlistPosition } from './queries';
import { confirmedHours, requireVolunteer } from './volunteer-profile';
import { chinaDateTime } from './words';

const EXPORT_COLUMNS = [
  '序号',
  '姓名',
  '证件类型',
  '证件号码',
  '志愿者编号',
  '项目名称',
  '服务开始时间',
  '服务结束时间',
  '服务时长（小时）',
  '服务内容',
  '组织单位',
];

/** 临江市新市街道新市社区居民委员会（新市社区志愿服务队）: who organised, so who certifies. */
function issuerOf(townName: string, communityName: string, teamName: string | null): string {
  return `临江市${townName}${communityName}居民委员会${teamName ? `（${teamName}）` : ''}`;
}

export const recordRoutes: FastifyPluginAsyncZod = async (app) => {
  /** A volunteer's sign-ups with the activity, newest first (the volunteer's own only). */
  function signupsWithActivity() {
    return selectActivities(app.db)
      .innerJoin('activity_signups', 'activity_signups.activity_id', 'activities.id')
      .innerJoin('towns', 'towns.code', 'communities.town_code')
      .select([
        'activity_signups.id as signup_id',
        'activity_signups.status',
        'activity_signups.accompanied',
        'activity_signups.checked_in_at',
        'activity_signups.checked_out_at',
        'activity_signups.half_hours',
        'activity_signups.confirmed_at',
        'activity_signups.volunteer_id',
        'towns.name as town_name',
      ]);
  }

  app.get('/volunteers/me/records', { schema: { tags: ['volunteers'], response: { 200: recordPageSchema } } }, async (request) => {
    const volunteer = await requireVolunteer(app.db, requireUser(request));
    const now = app.now();
    const rows = await signupsWithActivity()
      .where('activity_signups.volunteer_id', '=', volunteer.id)
      .where('activity_signups.status', '!=', 'cancelled')
      .orderBy('activities.starts_at', 'desc')
      .execute();
    const items = [];
    for (const row of rows) {
      const position = row.status === 'waitlisted' ? await waitlistPosition(app.db, row.id, row.signup_id) : null;
      const summary = toSummary(row, 0, now);
      items.push({
        ...toMySignup({ ...row, id: row.signup_id }, position),
        activity: {
          id: summary.id,
          title: summary.title,
          communityName: summary.communityName,
          startsAt: summary.startsAt,
          endsAt: summary.endsAt,
          state: summary.state,
          stateLabel: summary.stateLabel,
          placeName: summary.placeName,
        },
      });
    }
    return { items, nextCursor: null, totalHours: await confirmedHours(app.db, volunteer.id) };
  });

  app.get(
    '/volunteers/me/records/:id/certificate',
    { schema: { tags: ['volunteers'], params: recordParamsSchema, response: { 200: certificateSchema } } },
    async (request) => {
      const volunteer = await requireVolunteer(app.db, requireUser(request));
      const row = await signupsWithActivity()
        .where('activity_signups.id', '=', request.params.id)
        .where('activity_signups.volunteer_id', '=', volunteer.id)
        .executeTakeFirst();
      // Another volunteer's record is "not found", never "forbidden": its existence is not for others to learn.
      if (!row) throw notFound('没有找到这条志愿服务记录');
      if (!row.confirmed_at || row.half_hours === null) throw conflict('这次服务的时长还没有确认，确认后才能开具证明');
      const summary = toSummary(row, 0, app.now());
      return {
        serialNumber: `LJZY-${chinaLocal(new Date(row.confirmed_at)).date.slice(0, 4)}-${String(row.signup_id).padStart(6, '0')}`,
        name: volunteer.real_name,
        idTypeLabel: idTypeLabels[volunteer.id_type as IdType],
        maskedIdNumber: volunteer.id_number_masked,
        nationalVolunteerNumber: volunteer.national_number,
        hours: row.half_hours / 2,
        activityTitle: row.title,
        content: `参加“${row.title}”志愿服务，服务对象：${summary.targetGroup.name}，地点：${summary.placeName}`,
        serviceDate: chinaLocal(new Date(row.starts_at)).date,
        issuer: issuerOf(row.town_name, row.community_name, row.team_name),
        issuedOn: chinaLocal(new Date(row.confirmed_at)).date,
      };
    },
  );

  app.get(
    '/volunteers/export',
    { preHandler: requireRole('worker'), schema: { tags: ['volunteers'], querystring: exportQuerySchema } },
    async (request, reply) => {
      const user = requireUser(request);
      const { from, to, community } = request.query;
      if (community) assertCanSeeCommunity(user, community);
      const communities = community ? [community] : user.scopeCommunityIds;
      const rows =
        communities.length === 0
          ? []
          : await signupsWithActivity()
              .innerJoin('volunteers', 'volunteers.id', 'activity_signups.volunteer_id')
              .select([
                'volunteers.real_name',
                'volunteers.id_type',
                'volunteers.id_number_encrypted',
                'volunteers.id_number_masked',
                'volunteers.national_number',
                'volunteers.community_id as volunteer_community_id',
              ])
              .where('activities.community_id', 'in', communities)
              .where('activity_signups.confirmed_at', 'is not', null)
              .where('activities.starts_at', '>=', chinaMidnight(from).toISOString())
              .where('activities.starts_at', '<', chinaMidnight(shiftDate(to, 1)).toISOString())
              .orderBy('activities.starts_at')
              .orderBy('activity_signups.id')
              .execute();
      let fullNumbers = 0;
      const lines = rows.map((row, index) => {
        // The full number only for volunteers of the worker's own 社区; others stay masked.
        const own = user.scopeCommunityIds.includes(row.volunteer_community_id);
        if (own) fullNumbers += 1;
        const summary = toSummary(row, 0, app.now());
        return [
          index + 1,
          row.real_name,
          idTypeLabels[row.id_type as IdType],
          own ? app.privacy.decrypt(row.id_number_encrypted) : row.id_number_masked,
          row.national_number,
          row.title,
          chinaDateTime(row.checked_in_at && row.checked_in_at > row.starts_at ? row.checked_in_at : row.starts_at),
          chinaDateTime(row.checked_out_at && row.checked_out_at < row.ends_at ? row.checked_out_at : row.ends_at),
          row.half_hours! / 2,
          `${summary.targetGroup.name}：${row.title}`,
          issuerOf(row.town_name, row.community_name, row.team_name),
        ];
      });
      await app.audit({
        actorId: user.id,
        action: 'volunteers.export',
        subjectType: 'community',
        subjectId: community ?? communities.join(','),
        detail: { from, to, rows: rows.length, fullIdNumbers: fullNumbers },
      });
      const body = csvDocument(EXPORT_COLUMNS, lines);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', `attachment; filename="volunteer-hours-${from}-${to}.csv"`)
        .send(body);
    },
  );
};
