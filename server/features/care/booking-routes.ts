/**
 * Bookings: create (never over capacity, never twice for one Idempotency-Key), list, one with its timeline,
 * cancel (until the cut-off), and the provider's status changes. Each change is one transaction with its
 * timeline entry and messages.
 */
import { createHash } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  bookingListQuerySchema,
  bookingPageSchema,
  bookingSchema,
  bookingStatusBodySchema,
  cancelBookingBodySchema,
  createBookingBodySchema,
  IDEMPOTENCY_KEY_PATTERN,
  idParamsSchema,
  quoteQuerySchema,
  quoteSchema,
  type BookingStatus,
} from '@contract/care';
import { chinaLocal } from '@contract/rules/calendar';
import { cutoffRuleText, isBeforeCutoff } from '@contract/rules/care';
import type { CareServiceKind } from '@contract/rules/care-price';
import { inTransaction, isUniqueViolation } from '../../db/portable';
import { requireSignedIn, requireUser, type AuthUser } from '../../lib/auth';
import { ApiError, conflict, fieldError, forbidden } from '../../lib/errors';
import { decodeKeyset, encodeKeyset } from '../../lib/keyset-cursor';
import { book, factsOf, type BookOutcome } from './booking-create';
import { messageBookingChange, subscribeBookingChange } from './booking-notify';
import { readBookingRequest, type EarlierRequest } from './booking-read';
import { overlapIn, overlapRefusal, planFrom, SLOT_FULL, timeOrAssessmentRefusal } from './booking-rules';
import {
  bookingView,
  isActive,
  nextStatuses,
  requireBooking,
  selectBookings,
  toBooking,
  toBookingSummary,
  type BookingRow,
} from './booking-views';

/** Same key, different body: in the API's error shape, naming the header. */
const keyReused = () =>
  new ApiError(422, 'VALIDATION_FAILED', '这个请求编号已用于另一份不同的预约，请重新确认后提交', {
    idempotencyKey: '请求编号：已用于另一份不同的预约',
  });

/** Reads of a booking request before it gives up on an elder whose bookings keep changing under it. */
const ELDER_CHANGE_ATTEMPTS = 4;

/** A stable digest of the request body (keys sorted), to tell a retry from a different request. */
function bodyDigest(body: Record<string, unknown>): string {
  const sorted = Object.fromEntries(Object.entries(body).filter(([, v]) => v !== undefined).sort(([a], [b]) => a.localeCompare(b)));
  return createHash('sha256').update(JSON.stringify(sorted)).digest('hex');
}

const byRole = (viewer: 'party' | 'provider' | 'worker', row: BookingRow, user: AuthUser) =>
  viewer === 'provider' ? '服务点' : viewer === 'worker' ? '社区' : row.elder_user_id === user.id ? '本人' : '家属';

export const bookingRoutes: FastifyPluginAsyncZod = async (app) => {
  async function bookingAnswer(user: AuthUser, id: number) {
    const { row, viewer } = await requireBooking(app.db, user, id);
    return toBooking(app.db, row, viewer, app.now());
  }

  /** The answer for a key already used: the same booking, or 422 when the body differs; null when it made none. */
  async function replayOf(user: AuthUser, earlier: EarlierRequest | null | undefined, digest: string) {
    if (!earlier || earlier.booking_id === null) return null;
    if (earlier.body_hash !== digest) throw keyReused();
    return bookingAnswer(user, Number(earlier.booking_id));
  }

  /** A key's earlier request, looked up again: another request with the same key may have just won a race. */
  async function replay(user: AuthUser, key: string, digest: string) {
    const earlier = await app.db
      .selectFrom('booking_requests')
      .select(['body_hash', 'booking_id'])
      .where('user_id', '=', user.id)
      .where('idempotency_key', '=', key)
      .executeTakeFirst();
    return replayOf(user, earlier, digest);
  }

  app.get(
    '/care/quote',
    { preHandler: requireSignedIn, schema: { tags: ['care'], querystring: quoteQuerySchema, response: { 200: quoteSchema } } },
    async (request) => {
      const user = requireUser(request);
      const { elder, slot, mealMode } = request.query;
      const now = app.now();
      const read = await readBookingRequest(app.db, user, { elderId: elder, slotId: slot }, null);
      const plan = planFrom(read, user, { elderId: elder, slotId: slot, mealMode });
      const refusal = timeOrAssessmentRefusal(plan, now);
      const overlap = overlapIn(read.sameDay, plan.slot);
      const full = plan.slot.booked >= plan.slot.capacity;
      return {
        price: plan.price,
        refusal: refusal?.message ?? (overlap ? overlapRefusal(overlap, plan.slot.id).message : full ? SLOT_FULL : null),
        cutoffAt: plan.cutoffAt.toISOString(),
      };
    },
  );

  app.post(
    '/bookings',
    { preHandler: requireSignedIn, schema: { tags: ['care'], body: createBookingBodySchema, response: { 201: bookingSchema } } },
    async (request, reply) => {
      const user = requireUser(request);
      const body = request.body;
      const now = app.now();
      const header = request.headers['idempotency-key'];
      const key = typeof header === 'string' && header !== '' ? header : null;
      if (key !== null && !IDEMPOTENCY_KEY_PATTERN.test(key)) {
        throw fieldError('idempotencyKey', '应为 8 到 64 位字母、数字、- 或 _');
      }
      const digest = bodyDigest(body);
      for (let attempt = 1; ; attempt += 1) {
        const read = await readBookingRequest(app.db, user, body, key);
        // A retry: answer the booking its key made, whatever changed since (the slot filled, the cut-off passed).
        const earlier = await replayOf(user, read.earlier, digest);
        if (earlier) return reply.code(201).header('idempotent-replayed', 'true').send(earlier);
        const plan = planFrom(read, user, body);
        // Refused on the read; the write's guards make sure the slot's place and the elder's day are still as read.
        const overlap = overlapIn(read.sameDay, plan.slot);
        const refusal =
          timeOrAssessmentRefusal(plan, now) ??
          (overlap ? overlapRefusal(overlap, plan.slot.id) : plan.slot.booked >= plan.slot.capacity ? conflict(SLOT_FULL) : null);
        if (refusal) throw refusal;
        let outcome: BookOutcome;
        try {
          outcome = await book(app.db, user, plan, { seenSeq: plan.found.elder.booking_seq, idAhead: read.idAhead, note: body.note || null, key, digest, now });
        } catch (error) {
          // The same key was used for another elder's booking at the same moment: answer as a retry would be.
          if (key && isUniqueViolation(error)) {
            const raced = await replay(user, key, digest);
            if (raced) return reply.code(201).header('idempotent-replayed', 'true').send(raced);
          }
          if (isUniqueViolation(error)) throw conflict('已经为这位老人预约了这个时段，不用重复预约');
          throw error;
        }
        if (outcome.booked) {
          const { row, byRole } = outcome;
          // The booker is a party to what they just booked; its timeline is the one entry just written.
          const answer = bookingView(row, 'party', now, [{ status: 'booked', at: row.created_at, by_role: byRole, note: null }], user.displayName);
          await subscribeBookingChange(app, factsOf(row), 'booked');
          return reply.code(201).send(answer);
        }
        if (outcome.why === 'full') throw conflict(SLOT_FULL);
        // Something was booked for the elder since the read (a second tap, the same key from another process, a
        // relative): read again, which replays that booking or refuses the overlap.
        if (attempt >= ELDER_CHANGE_ATTEMPTS) throw conflict('这位老人的预约刚有变动，请稍后再试');
      }
    },
  );

  app.get(
    '/bookings',
    { preHandler: requireSignedIn, schema: { tags: ['care'], querystring: bookingListQuerySchema, response: { 200: bookingPageSchema } } },
    async (request) => {
      const user = requireUser(request);
      const query = request.query;
      const today = chinaLocal(app.now()).date;
      let rows = selectBookings(app.db);
      if (user.role === 'provider') {
        // A provider: its own point's bookings only.
        rows = rows.where('bookings.service_point_id', '=', user.scope.servicePointId ?? '');
        if (query.elder) rows = rows.where('bookings.elder_id', '=', query.elder);
      } else {
        // Bookings the caller made, or of their own profile, or of elders bound to them.
        const elderIds = (
          await app.db
            .selectFrom('elder_profiles')
            .select('id')
            .where('user_id', '=', user.id)
            .union(app.db.selectFrom('elder_bindings').select('elder_id as id').where('user_id', '=', user.id).where('status', '=', 'active'))
            .execute()
        ).map((r) => Number(r.id));
        if (query.elder !== undefined) {
          if (!elderIds.includes(query.elder)) return { items: [], nextCursor: null };
          rows = rows.where('bookings.elder_id', '=', query.elder);
        } else {
          rows = rows.where((eb) =>
            eb.or([eb('bookings.booker_user_id', '=', user.id), ...(elderIds.length ? [eb('bookings.elder_id', 'in', elderIds)] : [])]),
          );
        }
      }
      if (query.date) rows = rows.where('bookings.slot_date', '=', query.date);
      if (query.when === 'upcoming') rows = rows.where('bookings.status', 'in', ['booked', 'confirmed']).where('bookings.slot_date', '>=', today);
      if (query.when === 'past') {
        rows = rows.where((eb) => eb.or([eb('bookings.status', 'not in', ['booked', 'confirmed']), eb('bookings.slot_date', '<', today)]));
      }
      // Upcoming soonest first; otherwise latest first. Keyset on (date, start, id).
      const ascending = query.when === 'upcoming';
      const dir = ascending ? 'asc' : 'desc';
      const beyond = ascending ? '>' : '<';
      if (query.cursor) {
        const after = decodeKeyset(query.cursor);
        const [date, start] = after.key.split(' ');
        if (!date || !start) throw fieldError('cursor', '无效，请从第一页重新加载', '翻页位置无效，请从第一页重新加载');
        rows = rows.where((eb) =>
          eb.or([
            eb('bookings.slot_date', beyond, date),
            eb.and([eb('bookings.slot_date', '=', date), eb('bookings.slot_start', beyond, start)]),
            eb.and([eb('bookings.slot_date', '=', date), eb('bookings.slot_start', '=', start), eb('bookings.id', beyond, after.id)]),
          ]),
        );
      }
      const found = await rows
        .orderBy('bookings.slot_date', dir)
        .orderBy('bookings.slot_start', dir)
        .orderBy('bookings.id', dir)
        .limit(query.limit + 1)
        .execute();
      const page = found.slice(0, query.limit);
      const last = page[page.length - 1];
      return {
        items: page.map(toBookingSummary),
        nextCursor: found.length > query.limit ? encodeKeyset({ key: `${last.slot_date} ${last.slot_start}`, id: Number(last.id) }) : null,
      };
    },
  );

  app.get(
    '/bookings/:id',
    { preHandler: requireSignedIn, schema: { tags: ['care'], params: idParamsSchema, response: { 200: bookingSchema } } },
    async (request) => {
      const user = requireUser(request);
      const { row, viewer } = await requireBooking(app.db, user, request.params.id);
      if (viewer === 'worker') {
        await app.audit({ actorId: user.id, action: 'booking.view', subjectType: 'booking', subjectId: Number(row.id), detail: { elder: Number(row.elder_id) } });
      }
      return toBooking(app.db, row, viewer, app.now());
    },
  );

  /** One status change: conditional on the states it may come from, with its timeline entry and messages. */
  async function changeStatus(
    user: AuthUser,
    row: BookingRow,
    viewer: 'party' | 'provider' | 'worker',
    to: BookingStatus,
    from: BookingStatus[],
    note: string | null,
  ) {
    const now = app.now();
    await inTransaction(app.db, async (trx) => {
      const updated = await trx
        .updateTable('bookings')
        .set({
          status: to,
          ...(to === 'cancelled' ? { active_slot_id: null } : {}),
          ...(to === 'completed' ? { completed_at: now.toISOString() } : {}),
        })
        .where('id', '=', row.id)
        .where('status', 'in', from)
        .executeTakeFirst();
      if (Number(updated.numUpdatedRows) === 0) throw conflict('这份预约的状态已经变了，请刷新后再看');
      if (to === 'cancelled') {
        await trx.updateTable('care_slots').set((eb) => ({ booked: eb('booked', '-', 1) })).where('id', '=', row.slot_id).execute();
      }
      await trx
        .insertInto('booking_events')
        .values({ booking_id: row.id, status: to, at: now.toISOString(), by_user_id: user.id, by_role: byRole(viewer, row, user), note })
        .execute();
      await messageBookingChange(trx, factsOf(row), to, now, note);
    });
    await subscribeBookingChange(app, factsOf(row), to);
    return bookingAnswer(user, Number(row.id));
  }

  app.post(
    '/bookings/:id/cancel',
    {
      preHandler: requireSignedIn,
      schema: { tags: ['care'], params: idParamsSchema, body: cancelBookingBodySchema, response: { 200: bookingSchema } },
    },
    async (request) => {
      const user = requireUser(request);
      const { row, viewer } = await requireBooking(app.db, user, request.params.id);
      if (viewer !== 'party') throw forbidden('只有预约人、老人本人或绑定的家属可以取消预约');
      if (!isActive(row.status)) throw conflict(`这份预约${row.status === 'cancelled' ? '已经取消了' : '已经结束，不能取消'}`);
      const kind = row.kind as CareServiceKind;
      if (!isBeforeCutoff(kind, { date: row.slot_date, start: row.slot_start }, app.now())) {
        throw conflict(`已过取消截止时间：${cutoffRuleText(kind)}。如有变化，请直接打电话给服务点`);
      }
      return changeStatus(user, row, viewer, 'cancelled', ['booked', 'confirmed'], request.body.reason || null);
    },
  );

  app.post(
    '/bookings/:id/status',
    {
      preHandler: requireSignedIn,
      schema: { tags: ['care'], params: idParamsSchema, body: bookingStatusBodySchema, response: { 200: bookingSchema } },
    },
    async (request) => {
      const user = requireUser(request);
      const { row, viewer } = await requireBooking(app.db, user, request.params.id);
      if (viewer !== 'provider') throw forbidden('只有这个服务点的工作人员可以确认或完成预约');
      const { status, note } = request.body;
      if (!nextStatuses(row, app.now()).includes(status)) {
        if (!isActive(row.status)) throw conflict('这份预约已经结束，不能再改状态');
        if (status === 'no_show') throw conflict('服务时间还没到，不能记为未到');
        throw conflict('这份预约已经确认过了');
      }
      const from: BookingStatus[] = status === 'confirmed' ? ['booked'] : ['booked', 'confirmed'];
      return changeStatus(user, row, viewer, status, from, note || null);
    },
  );
};
