/**
 * Residents' reports of wrong details (信息有误) and the workers' queue (issue 20). A signed-in user reports on
 * a point (a few a day); workers see the open reports of the points they look after, by due date, and handle
 * each once: 核实无误, 已更正 or 已关闭该点 (which closes the point), optionally pausing it. The reporter gets a
 * 消息 with the outcome; nobody else ever sees who reported.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql, type Kysely } from 'kysely';
import { IDEMPOTENCY_KEY_PATTERN } from '@contract/care';
import { servicePointParamsSchema } from '@contract/directory';
import { chinaLocal } from '@contract/rules/calendar';
import { pauseWords } from '@contract/rules/pause';
import {
  correctionActionSchema,
  correctionAnswerSchema,
  correctionListQuerySchema,
  correctionListSchema,
  correctionParamsSchema,
  newCorrectionSchema,
  type CorrectionKind,
} from '@contract/upkeep';
import upkeepConfig from '../../../config/domain/upkeep.json';
import type { Database } from '../../db/schema';
import { inTransaction, isUniqueViolation } from '../../db/portable';
import { audit } from '../../lib/audit';
import { requireRole, requireSignedIn, requireUser } from '../../lib/auth';
import { serverCalendar } from '../../lib/calendar';
import { ApiError, conflict, fieldError, forbidden, notFound } from '../../lib/errors';
import { sendMessage } from '../../lib/messages';
import { canKeepPoint, workerPointScope } from '../../lib/point-scope';
import { correctionView, dueDateFor, outcomeMessage } from './queue';

const DETAIL_PAGE = '/features/directory/pages/detail/index';

/** Reports with the name of their point (closed points included: a handled report still names it). */
function withPointName(db: Kysely<Database>) {
  return db
    .selectFrom('corrections')
    .innerJoin('service_points', 'service_points.id', 'corrections.service_point_id')
    .selectAll('corrections')
    .select('service_points.name as point_name');
}

/** The ISO instant a China date begins (00:00 UTC+8). */
function chinaDayStart(date: string): string {
  return new Date(Date.parse(`${date}T00:00:00+08:00`)).toISOString();
}

export const correctionRoutes: FastifyPluginAsyncZod = async (app) => {
  const calendar = serverCalendar(app.log);
  const today = () => chinaLocal(app.now()).date;

  app.post(
    '/services/:id/corrections',
    {
      preHandler: requireSignedIn,
      // The shared labels name a care service's kind and a work order's state.
      config: { fieldLabels: { kind: '问题类型' } },
      schema: { tags: ['upkeep'], params: servicePointParamsSchema, body: newCorrectionSchema, response: { 201: correctionAnswerSchema } },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const { id } = request.params;
      const point = await app.db.selectFrom('service_points').select(['id', 'name']).where('id', '=', id).where('closed_at', 'is', null).executeTakeFirst();
      if (!point) throw notFound('没有找到这个服务点，它可能已经下线');
      const now = app.now();
      const date = today();
      const header = request.headers['idempotency-key'];
      const key = typeof header === 'string' && header !== '' ? header : null;
      if (key !== null && !IDEMPOTENCY_KEY_PATTERN.test(key)) throw fieldError('idempotencyKey', '应为 8 到 64 位字母、数字、- 或 _');
      /** The report this key already made (a retry), before the daily limit counts it again; 422 for another report. */
      const replay = async () => {
        if (key === null) return null;
        const earlier = await app.db.selectFrom('corrections').selectAll().where('user_id', '=', user.id).where('idempotency_key', '=', key).executeTakeFirst();
        if (!earlier) return null;
        if (earlier.service_point_id !== id || earlier.kind !== request.body.kind || earlier.text !== (request.body.text || null)) {
          throw new ApiError(422, 'VALIDATION_FAILED', '这个请求编号已用于另一条反馈', { idempotencyKey: '请求编号：已用于另一条反馈' });
        }
        return reply.code(201).header('idempotent-replayed', 'true').send({ correction: correctionView({ ...earlier, point_name: point.name }, date) });
      };
      const replayed = await replay();
      if (replayed) return replayed;
      const insert = () => inTransaction(app.db, async (trx) => {
        const { count } = await trx
          .selectFrom('corrections')
          .select((eb) => eb.fn.countAll<number>().as('count'))
          .where('user_id', '=', user.id)
          .where('created_at', '>=', chinaDayStart(date))
          .executeTakeFirstOrThrow();
        if (Number(count) >= upkeepConfig.reportsPerResidentPerDay) {
          throw new ApiError(429, 'RATE_LIMITED', `每天最多反馈 ${upkeepConfig.reportsPerResidentPerDay} 次，谢谢您，请明天再来`);
        }
        return trx
          .insertInto('corrections')
          .values({
            service_point_id: id,
            user_id: user.id,
            kind: request.body.kind,
            text: request.body.text || null,
            created_at: now.toISOString(),
            due_date: dueDateFor(calendar, date),
            state: 'open',
            outcome: null,
            note: null,
            handled_at: null,
            handled_by: null,
            idempotency_key: key,
            report_day: date,
            day_number: Number(count) + 1,
          })
          .returningAll()
          .executeTakeFirstOrThrow();
      });
      let row;
      for (let attempt = 1; row === undefined; attempt += 1) {
        try {
          row = await insert();
        } catch (error) {
          if (!isUniqueViolation(error)) throw error;
          // The same key raced this request and won: answer its report.
          const earlier = await replay();
          if (earlier) return earlier;
          // Another report of this user took the same number of the day at the same instant: count again. Each
          // collision means one more number is taken (PostgreSQL reports it once the winner has committed), so
          // after as many as the limit the count says 429.
          if (attempt > upkeepConfig.reportsPerResidentPerDay) throw error;
        }
      }
      return reply.code(201).send({ correction: correctionView({ ...row, point_name: point.name }, date) });
    },
  );

  app.get(
    '/corrections',
    {
      preHandler: requireRole('worker'),
      config: { fieldLabels: { state: '处理状态' } },
      schema: { tags: ['upkeep'], querystring: correctionListQuerySchema, response: { 200: correctionListSchema } },
    },
    async (request) => {
      const scope = workerPointScope(requireUser(request));
      let query = withPointName(app.db).where('corrections.state', '=', request.query.state);
      query =
        'townCode' in scope
          ? query.where('service_points.town_code', '=', scope.townCode)
          : query.where('service_points.community_id', 'in', scope.communityIds.length > 0 ? scope.communityIds : ['']);
      const rows = await query.orderBy('corrections.due_date').orderBy('corrections.id').limit(500).execute();
      const date = today();
      return { items: rows.map((row) => correctionView(row, date)) };
    },
  );

  app.get(
    '/corrections/mine',
    { preHandler: requireSignedIn, schema: { tags: ['upkeep'], response: { 200: correctionListSchema } } },
    async (request) => {
      const user = requireUser(request);
      const rows = await withPointName(app.db).where('corrections.user_id', '=', user.id).orderBy('corrections.id', 'desc').limit(100).execute();
      const date = today();
      return { items: rows.map((row) => correctionView(row, date)) };
    },
  );

  app.post(
    '/corrections/:id/actions',
    {
      preHandler: requireRole('worker'),
      schema: { tags: ['upkeep'], params: correctionParamsSchema, body: correctionActionSchema, response: { 200: correctionAnswerSchema } },
    },
    async (request) => {
      const user = requireUser(request);
      const { outcome, note, pause } = request.body;
      const handled = await inTransaction(app.db, async (trx) => {
        const report = await withPointName(trx)
          .select(['service_points.community_id', 'service_points.town_code'])
          .where('corrections.id', '=', request.params.id)
          .executeTakeFirst();
        if (!report) throw notFound('没有找到这条反馈');
        if (!canKeepPoint(user, { id: report.service_point_id, community_id: report.community_id, town_code: report.town_code })) {
          throw forbidden('您只能处理本社区（街道）服务点的反馈');
        }
        const now = app.now();
        // Handled once: of two workers acting together, only the one that still finds it open writes.
        const result = await trx
          .updateTable('corrections')
          .set({ state: 'handled', outcome, note: note || null, handled_at: now.toISOString(), handled_by: user.id })
          .where('id', '=', report.id)
          .where('state', '=', 'open')
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) throw conflict('这条反馈已经处理过了');
        const pointChange = {
          ...(outcome === 'closed' ? { closed_at: now.toISOString() } : {}),
          ...(pause ? { pause_json: JSON.stringify(pause) } : {}),
        };
        if (Object.keys(pointChange).length > 0) {
          // The point's version moves too: an editor holding the old one must look again.
          await trx
            .updateTable('service_points')
            .set({ ...pointChange, version: sql<number>`version + 1` })
            .where('id', '=', report.service_point_id)
            .execute();
        }
        await audit(trx, {
          actorId: user.id,
          action: 'corrections.handle',
          subjectType: 'correction',
          subjectId: report.id,
          detail: { pointId: report.service_point_id, outcome, closed: outcome === 'closed', pause: pause ? `${pause.from}..${pause.to}` : null },
          at: now,
        });
        if (report.user_id !== null) {
          const words = outcomeMessage(report.point_name, report.kind as CorrectionKind, outcome, note || null, pause ? { words: pauseWords(pause, today()) } : null);
          await sendMessage(trx, {
            userId: report.user_id,
            kind: `correction.${outcome}`,
            ...words,
            link: outcome === 'closed' ? null : `${DETAIL_PAGE}?id=${report.service_point_id}`,
            at: now,
          });
        }
        return { ...report, state: 'handled', outcome, note: note || null, handled_at: now.toISOString(), handled_by: user.id };
      });
      return { correction: correctionView(handled, today()) };
    },
  );
};
