/**
 * The worker's side of a 差评 (工单): the queue of the worker's 社区 (a 街道 worker: the street; a provider: its
 * point, read-only), one order in detail, and the steps 接单 → 回访 → 处理方式 → 整改反馈 → 办结. Each step is a
 * conditional update on the status it moves from, so a repeated or racing request never acts twice.
 * Only the worker who took the order sees the rater's name and phone, and each such view is audit-logged.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  appealKindWords,
  appealStatusWords,
  idParamsSchema,
  workOrderActionSchema,
  workOrderDetailSchema,
  workOrderListQuerySchema,
  workOrderPageSchema,
  type WorkOrderActionBody,
  type WorkOrderDetail,
} from '@contract/ratings';
import { chinaLocal } from '@contract/rules/calendar';
import { maskName } from '@contract/rules/mask';
import { workOrderStatusWords, workOrderTransitions, type WorkOrderStatus } from '@contract/rules/rating';
import { inTransaction } from '../../db/portable';
import { requireRole, requireUser, type AuthUser } from '../../lib/auth';
import { conflict, fieldError, forbidden, notFound } from '../../lib/errors';
import { scopeFilter, inScope } from './access';
import { decodeCursor, encodeCursor } from './cursor';
import { dayText, tellRater, type ProgressStep } from './notify';
import { followUpView, selectWorkOrders, toWorkOrderSummary, workerTimeline, type WorkOrderRow } from './rows';

const OPEN: WorkOrderStatus[] = ['awaiting_callback', 'verifying', 'handling'];
const DONE: WorkOrderStatus[] = ['feedback_given', 'followed_up', 'closed'];
const NOT_FOUND = '没有找到这张工单，它可能不属于您负责的社区';

export const workOrderRoutes: FastifyPluginAsyncZod = async (app) => {
  /** The order if this user may see it; 404 otherwise (never saying it exists elsewhere). */
  async function visibleOrder(user: AuthUser, id: number): Promise<WorkOrderRow> {
    const row = await selectWorkOrders(app.db).where('rating_work_orders.id', '=', id).executeTakeFirst();
    if (!row || !inScope(user, row)) throw notFound(NOT_FOUND);
    return row;
  }

  function allowedActions(user: AuthUser, row: WorkOrderRow): WorkOrderDetail['allowedActions'] {
    if (user.role === 'provider') return row.appeal_id === null ? ['appeal'] : [];
    if (row.status === 'closed') return [];
    if (row.handler_id === null) return ['take'];
    if (row.handler_id !== user.id) return [];
    const next = (Object.keys(workOrderTransitions) as Array<keyof typeof workOrderTransitions>).filter((action) =>
      (workOrderTransitions[action].from as readonly WorkOrderStatus[]).includes(row.status),
    );
    return next;
  }

  async function detail(user: AuthUser, row: WorkOrderRow): Promise<WorkOrderDetail> {
    const now = app.now();
    const events = await app.db
      .selectFrom('rating_work_order_events')
      .select(['kind', 'note', 'public_text', 'created_at'])
      .where('work_order_id', '=', row.id)
      .orderBy('id')
      .execute();
    const rater = await app.db
      .selectFrom('users')
      .select(['display_name', 'phone_encrypted'])
      .where('id', '=', row.rater_id)
      .executeTakeFirstOrThrow();
    let contact: WorkOrderDetail['rater'] = null;
    if (user.role === 'worker' && row.handler_id === user.id) {
      contact = { name: rater.display_name, phone: rater.phone_encrypted ? app.privacy.decrypt(rater.phone_encrypted) : null };
      await app.audit({
        actorId: user.id,
        action: 'rating.view_rater',
        subjectType: 'rating_work_order',
        subjectId: row.id,
        detail: { ratingId: row.rating_id },
      });
    }
    return {
      ...toWorkOrderSummary(row, user, now),
      comment: row.comment,
      commentStatus: row.comment_status,
      maskedName: maskName(rater.display_name),
      rater: contact,
      resolution: row.resolution,
      rectifyBy: row.rectify_by,
      events: workerTimeline(events, row.resolution),
      followUp: followUpView(row.follow_up_level, row.follow_up_comment),
      appeal:
        row.appeal_id !== null && row.appeal_kind && row.appeal_status && row.appeal_reason !== null
          ? {
              id: row.appeal_id,
              kind: row.appeal_kind,
              reason: row.appeal_reason,
              status: row.appeal_status,
              statusWord: `${appealKindWords[row.appeal_kind]}：${appealStatusWords[row.appeal_status]}`,
            }
          : null,
      allowedActions: allowedActions(user, row),
    };
  }

  app.get(
    '/work-orders',
    {
      preHandler: requireRole('worker', 'provider'),
      schema: { tags: ['ratings'], querystring: workOrderListQuerySchema, response: { 200: workOrderPageSchema } },
    },
    async (request) => {
      const user = requireUser(request);
      const filter = scopeFilter(user);
      if (!filter) throw forbidden('您的账号还没有负责的社区或服务点');
      const { state, limit, cursor } = request.query;
      let query = selectWorkOrders(app.db)
        .where(`rating_work_orders.${filter.column}`, 'in', filter.values)
        .where('rating_work_orders.status', 'in', state === 'open' ? OPEN : DONE)
        .limit(limit + 1);
      if (state === 'open') {
        // Earliest deadline first: overdue orders stand at the top.
        query = query.orderBy('rating_work_orders.due_on').orderBy('rating_work_orders.id');
        if (cursor) {
          const after = decodeCursor(cursor, { due: 'string', id: 'number' });
          query = query.where((eb) =>
            eb.or([
              eb('rating_work_orders.due_on', '>', after.due),
              eb.and([eb('rating_work_orders.due_on', '=', after.due), eb('rating_work_orders.id', '>', after.id)]),
            ]),
          );
        }
      } else {
        query = query.orderBy('rating_work_orders.id', 'desc');
        if (cursor) query = query.where('rating_work_orders.id', '<', decodeCursor(cursor, { id: 'number' }).id);
      }
      const rows = await query.execute();
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      const now = app.now();
      return {
        items: page.map((row) => toWorkOrderSummary(row, user, now)),
        nextCursor:
          rows.length > limit ? encodeCursor(state === 'open' ? { due: last.due_on ?? '', id: last.id } : { id: last.id }) : null,
      };
    },
  );

  app.get(
    '/work-orders/:id',
    { preHandler: requireRole('worker', 'provider'), schema: { tags: ['ratings'], params: idParamsSchema, response: { 200: workOrderDetailSchema } } },
    async (request) => {
      const user = requireUser(request);
      return detail(user, await visibleOrder(user, request.params.id));
    },
  );

  app.post(
    '/work-orders/:id/actions',
    {
      preHandler: requireRole('worker', 'provider'),
      schema: { tags: ['ratings'], params: idParamsSchema, body: workOrderActionSchema, response: { 200: workOrderDetailSchema } },
    },
    async (request) => {
      const user = requireUser(request);
      const row = await visibleOrder(user, request.params.id);
      if (user.role !== 'worker') throw forbidden('服务点不能处理工单；如认为评价有误，可以提出申诉');
      await act(user, row, request.body);
      return detail(user, await visibleOrder(user, row.id));
    },
  );

  async function act(user: AuthUser, row: WorkOrderRow, body: WorkOrderActionBody): Promise<void> {
    const now = app.now();
    const at = now.toISOString();
    const today = chinaLocal(now).date;

    if (body.action === 'take') {
      if (row.handler_id === user.id) return; // taken already by this worker: a retry, nothing to do
      if (row.status === 'closed') throw conflict('这张工单已办结');
      const taken = await inTransaction(app.db, async (trx) => {
        const result = await trx
          .updateTable('rating_work_orders')
          .set({ handler_id: user.id })
          .where('id', '=', row.id)
          .where('handler_id', 'is', null)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) return false;
        await trx
          .insertInto('rating_work_order_events')
          .values({ work_order_id: row.id, kind: 'taken', actor_id: user.id, note: null, public_text: null, created_at: at })
          .execute();
        return true;
      });
      if (taken) return;
      // Lost a race: fine if the winner was this same worker (a retried or doubled tap).
      const current = await app.db.selectFrom('rating_work_orders').select('handler_id').where('id', '=', row.id).executeTakeFirstOrThrow();
      if (current.handler_id !== user.id) throw conflict('这张工单已由其他工作人员接单处理');
      return;
    }

    if (row.handler_id === null) throw conflict('请先接单，再记录处理情况');
    if (row.handler_id !== user.id) throw forbidden(`这张工单由${row.handler_name ?? '其他工作人员'}处理，您不能代为操作`);

    const transition = workOrderTransitions[body.action];
    let changes: Partial<Record<string, string | null>> = {};
    let step: ProgressStep;
    let eventKind: 'callback' | 'decision' | 'feedback' | 'closed';
    let note: string | null = null;
    let publicText: string | null = null;

    switch (body.action) {
      case 'callback':
        changes = { callback_at: at, due_on: row.feedback_due };
        step = { step: 'callback' };
        eventKind = 'callback';
        note = body.note;
        publicText = '工作人员已与您联系核实情况';
        break;
      case 'decide': {
        if (body.resolution === 'deadline') {
          if (!body.rectifyBy) throw fieldError('rectifyBy', '限期整改请填写整改期限');
          if (body.rectifyBy < today || body.rectifyBy > row.feedback_due) {
            throw fieldError('rectifyBy', `请选择今天到${dayText(row.feedback_due)}（整改反馈期限）之间的日期`);
          }
        } else if (body.rectifyBy) throw fieldError('rectifyBy', '只有限期整改需要填写整改期限');
        changes = { resolution: body.resolution, rectify_by: body.rectifyBy ?? null };
        step = { step: 'decision', resolution: body.resolution, rectifyBy: body.rectifyBy ?? null };
        eventKind = 'decision';
        publicText = body.resolution === 'deadline' ? `${body.note}（整改期限：${dayText(body.rectifyBy!)}）` : body.note;
        break;
      }
      case 'feedback':
        changes = { feedback_on: today, due_on: null };
        step = { step: 'feedback' };
        eventKind = 'feedback';
        publicText = body.note;
        break;
      case 'close':
        changes = { closed_at: at };
        step = { step: 'closed' };
        eventKind = 'closed';
        note = body.note ?? null;
        publicText = '处理完毕';
        break;
    }

    const moved = await inTransaction(app.db, async (trx) => {
      const result = await trx
        .updateTable('rating_work_orders')
        .set({ ...changes, status: transition.to })
        .where('id', '=', row.id)
        .where('handler_id', '=', user.id)
        .where('status', 'in', transition.from as readonly WorkOrderStatus[] as WorkOrderStatus[])
        .executeTakeFirst();
      if (Number(result.numUpdatedRows) === 0) return false;
      await trx
        .insertInto('rating_work_order_events')
        .values({ work_order_id: row.id, kind: eventKind, actor_id: user.id, note, public_text: publicText, created_at: at })
        .execute();
      await tellRater(trx, row.rater_id, row.rating_id, row.point_name, step, now);
      return true;
    });
    if (!moved) throw conflict(`工单现在是“${workOrderStatusWords[row.status]}”，不能进行这一步；请刷新后查看`);
  }
};
