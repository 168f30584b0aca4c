/**
 * Elders and relatives: profiles (own, or an elder without the app), binding a relative (the elder's code, the
 * elder in the app, or a worker of the 社区 confirms), unbinding from either side, and the classes and 低保
 * flag that only workers set. Personal data: the ID number and phones are stored encrypted and shown masked;
 * every worker look at a profile is audited.
 */
import { randomInt } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  bindElderBodySchema,
  bindElderResultSchema,
  confirmBindingBodySchema,
  createElderBodySchema,
  elderClassesBodySchema,
  elderDetailSchema,
  elderListQuerySchema,
  elderPageSchema,
  elderSummarySchema,
  idParamsSchema,
  okSchema,
  unbindQuerySchema,
  type ElderSummary,
} from '@contract/care';
import { chinaLocal } from '@contract/rules/calendar';
import { checkResidentIdNumber, isRealDate } from '@contract/rules/id-number';
import { maskName } from '@contract/rules/mask';
import { inTransaction, isUniqueViolation } from '../../db/portable';
import { requireRole, requireSignedIn, requireUser, type AuthUser } from '../../lib/auth';
import { conflict, fieldError, forbidden, notFound } from '../../lib/errors';
import { decodeKeyset, encodeKeyset } from '../../lib/keyset-cursor';
import { sendMessage } from '../../lib/messages';
import {
  ELDER_NOT_FOUND,
  elderIdHash,
  pendingBindingCounts,
  requireElderAccess,
  selectElders,
  toElderDetail,
  toElderSummary,
  type ElderAccessResult,
} from './elders';

const FAMILY_LINK = '/features/care/pages/family/index';
const CODE_TTL_MS = 24 * 60 * 60 * 1000;
const CODE_ATTEMPTS = 5;
const TOO_MANY_TRIES = '绑定码错误次数过多，请老人在「家人」里直接同意，或请社区工作人员审核';

export const elderRoutes: FastifyPluginAsyncZod = async (app) => {
  const idHash = (idNumber: string) => elderIdHash(app.privacy, idNumber);
  const codeHash = (bindingId: number, code: string) => app.privacy.keyedHash(`elder-binding:${bindingId}:${code}`);

  /** The ID number checked (GB 11643), normalised, with the birth date it holds. */
  function checkIdNumber(idNumber: string) {
    const check = checkResidentIdNumber(idNumber, chinaLocal(app.now()).date);
    if (!check.ok) throw fieldError('idNumber', check.message);
    return check;
  }

  async function summaryFor(user: AuthUser, elderId: number): Promise<ElderSummary> {
    const found = await requireElderAccess(app.db, user, elderId);
    return toElderSummary(app.privacy, found.elder, found.access, found.binding?.relation ?? null, app.now());
  }

  async function auditWorkerView(user: AuthUser, found: ElderAccessResult, action: string) {
    if (found.access === 'worker') {
      await app.audit({ actorId: user.id, action, subjectType: 'elder', subjectId: Number(found.elder.id), detail: { community: found.elder.community_id } });
    }
  }

  app.get(
    '/elders',
    { preHandler: requireSignedIn, schema: { tags: ['care'], querystring: elderListQuerySchema, response: { 200: elderPageSchema } } },
    async (request) => {
      const user = requireUser(request);
      const now = app.now();
      const query = request.query;
      if (user.role !== 'worker') {
        // A resident's own profile, then the elders they are bound to (or asked to be).
        const own = await selectElders(app.db).where('elder_profiles.user_id', '=', user.id).execute();
        const bound = await selectElders(app.db)
          .innerJoin('elder_bindings', 'elder_bindings.elder_id', 'elder_profiles.id')
          .select(['elder_bindings.id as binding_id', 'elder_bindings.relation', 'elder_bindings.status'])
          .where('elder_bindings.user_id', '=', user.id)
          .orderBy('elder_bindings.id')
          .execute();
        const pending = await pendingBindingCounts(app.db, own.map((row) => Number(row.id)));
        return {
          items: [
            ...own.map((row) => ({ ...toElderSummary(app.privacy, row, 'self', null, now), pendingBindings: pending.get(Number(row.id)) ?? 0 })),
            ...bound.map((row) =>
              toElderSummary(app.privacy, row, row.status, row.relation, now),
            ),
          ],
          nextCursor: null,
        };
      }
      // A worker: the elders of their 社区 (or of every 社区 of their 街道), by name.
      if (query.community && !user.scopeCommunityIds.includes(query.community)) throw forbidden('您只能查看本社区的老人');
      const communities = query.community ? [query.community] : user.scopeCommunityIds;
      if (communities.length === 0) return { items: [], nextCursor: null };
      let rows = selectElders(app.db)
        .where('elder_profiles.community_id', 'in', communities)
        .orderBy('elder_profiles.name')
        .orderBy('elder_profiles.id')
        .limit(query.limit + 1);
      if (query.class) rows = rows.where('elder_profiles.classes_json', 'like', `%"${query.class}"%`);
      if (query.q) rows = rows.where((eb) => eb(eb.fn('lower', ['elder_profiles.name']), 'like', `%${query.q!.toLowerCase()}%`));
      if (query.pending) {
        rows = rows.where((eb) =>
          eb.exists(
            eb
              .selectFrom('elder_bindings')
              .select('elder_bindings.id')
              .whereRef('elder_bindings.elder_id', '=', 'elder_profiles.id')
              .where('elder_bindings.status', '=', 'pending'),
          ),
        );
      }
      if (query.cursor) {
        const after = decodeKeyset(query.cursor);
        rows = rows.where((eb) =>
          eb.or([
            eb('elder_profiles.name', '>', after.key),
            eb.and([eb('elder_profiles.name', '=', after.key), eb('elder_profiles.id', '>', after.id)]),
          ]),
        );
      }
      const found = await rows.execute();
      const page = found.slice(0, query.limit);
      const last = page[page.length - 1];
      await app.audit({ actorId: user.id, action: 'elder.list', detail: { communities: communities.join(','), count: page.length } });
      const pending = await pendingBindingCounts(app.db, page.map((row) => Number(row.id)));
      return {
        items: page.map((row) => ({ ...toElderSummary(app.privacy, row, 'worker', null, now), pendingBindings: pending.get(Number(row.id)) ?? 0 })),
        nextCursor: found.length > query.limit ? encodeKeyset({ key: last.name, id: Number(last.id) }) : null,
      };
    },
  );

  app.get(
    '/elders/:id',
    { preHandler: requireSignedIn, schema: { tags: ['care'], params: idParamsSchema, response: { 200: elderDetailSchema } } },
    async (request) => {
      const user = requireUser(request);
      const found = await requireElderAccess(app.db, user, request.params.id);
      if (found.access === 'pending') throw forbidden('绑定生效后才能查看老人的档案，请等老人确认或社区审核');
      await auditWorkerView(user, found, 'elder.view_profile');
      return toElderDetail(app.db, app.privacy, found, app.now());
    },
  );

  app.post(
    '/elders',
    { preHandler: requireSignedIn, schema: { tags: ['care'], body: createElderBodySchema, response: { 201: elderDetailSchema } } },
    async (request, reply) => {
      const user = requireUser(request);
      const body = request.body;
      const now = app.now();
      if (body.relation === 'worker' && user.role !== 'worker') throw forbidden('只有社区工作人员可以为老人建档');
      const community = await app.db.selectFrom('communities').select('id').where('id', '=', body.communityId).executeTakeFirst();
      if (!community) throw fieldError('communityId', '没有这个社区');
      if (body.relation === 'worker' && !user.scopeCommunityIds.includes(body.communityId)) {
        throw forbidden('您只能为本社区的老人建档');
      }
      const id = checkIdNumber(body.idNumber);
      if (body.relation === 'self') {
        const own = await app.db.selectFrom('elder_profiles').select('id').where('user_id', '=', user.id).executeTakeFirst();
        if (own) throw conflict('您已经建立了本人档案，可在「家人」里查看');
      }
      let elderId: number;
      try {
        elderId = await inTransaction(app.db, async (trx) => {
          const inserted = await trx
            .insertInto('elder_profiles')
            .values({
              user_id: body.relation === 'self' ? user.id : null,
              name: body.name,
              id_number_encrypted: app.privacy.encrypt(id.value),
              id_number_hash: idHash(id.value),
              birth_date: id.birthDate,
              phone_encrypted: body.phone ? app.privacy.encrypt(body.phone) : null,
              address: body.address,
              community_id: body.communityId,
              grid: body.grid ?? null,
              living_situation: body.livingSituation,
              emergency_contacts_encrypted: app.privacy.encrypt(JSON.stringify(body.emergencyContacts)),
              health_notes: body.healthNotes,
              diet: body.diet,
              classes_json: '[]',
              dibao: 0,
              bath_assessed_on: null,
              booking_seq: 0,
              created_by: user.id,
              created_at: now.toISOString(),
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          const newId = Number(inserted.id);
          if (body.relation !== 'self' && body.relation !== 'worker') {
            // A relative's profile of an elder without the app: bound once a worker of the 社区 approves.
            await trx
              .insertInto('elder_bindings')
              .values({
                elder_id: newId,
                user_id: user.id,
                relation: body.relation,
                status: 'pending',
                code_hash: null,
                code_expires_at: null,
                code_attempts: 0,
                requested_at: now.toISOString(),
                confirmed_at: null,
                confirmed_by: null,
              })
              .execute();
          }
          return newId;
        });
      } catch (error) {
        if (isUniqueViolation(error)) {
          throw conflict(
            body.relation === 'self'
              ? '这个身份证号已经建档。如果档案是家人为您建的，请联系社区关联到您的账号'
              : '这位老人已经建档，请用「绑定家人」申请绑定',
          );
        }
        throw error;
      }
      const found = await requireElderAccess(app.db, user, elderId);
      if (body.relation === 'worker') await auditWorkerView(user, found, 'elder.create_profile');
      return reply.code(201).send(await toElderDetail(app.db, app.privacy, found, now));
    },
  );

  app.post(
    '/elders/bind',
    { preHandler: requireSignedIn, schema: { tags: ['care'], body: bindElderBodySchema, response: { 201: bindElderResultSchema } } },
    async (request, reply) => {
      const user = requireUser(request);
      const { name, idNumber, relation } = request.body;
      const now = app.now();
      const id = checkIdNumber(idNumber);
      const elder = await app.db
        .selectFrom('elder_profiles')
        .select(['id', 'name', 'user_id'])
        .where('id_number_hash', '=', idHash(id.value))
        .executeTakeFirst();
      // A wrong name answers like an unknown ID number: nobody learns who has a profile.
      if (!elder || elder.name !== name) throw notFound('没有找到这位老人的档案，请核对姓名和身份证号；还没有建档的，可以为老人建档');
      if (elder.user_id === user.id) throw conflict('这是您本人的档案，不需要绑定');
      const elderId = Number(elder.id);
      const existing = await app.db
        .selectFrom('elder_bindings')
        .selectAll()
        .where('elder_id', '=', elderId)
        .where('user_id', '=', user.id)
        .executeTakeFirst();
      if (existing?.status === 'active') throw conflict('您已经绑定了这位老人');

      // The code goes to the elder's 消息; wrong tries add up over every code of this request (5 in all), after which only
      // the elder in the app or a worker can approve.
      const codeAllowed = elder.user_id !== null && (existing?.code_attempts ?? 0) < CODE_ATTEMPTS;
      const confirmWith = codeAllowed ? 'code' : 'worker';
      const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
      const bindingId = await inTransaction(app.db, async (trx) => {
        let id: number;
        if (existing) {
          id = Number(existing.id);
          await trx.updateTable('elder_bindings').set({ relation, requested_at: now.toISOString() }).where('id', '=', id).execute();
        } else {
          const inserted = await trx
            .insertInto('elder_bindings')
            .values({
              elder_id: elderId,
              user_id: user.id,
              relation,
              status: 'pending',
              code_hash: null,
              code_expires_at: null,
              code_attempts: 0,
              requested_at: now.toISOString(),
              confirmed_at: null,
              confirmed_by: null,
            })
            .onConflict((oc) => oc.columns(['elder_id', 'user_id']).doNothing())
            .returning('id')
            .executeTakeFirst();
          if (!inserted) throw conflict('您的绑定申请已提交，请勿重复提交');
          id = Number(inserted.id);
        }
        if (elder.user_id !== null) {
          const requester = await trx.selectFrom('users').select('display_name').where('id', '=', user.id).executeTakeFirstOrThrow();
          const who = `${maskName(requester.display_name)}（${relation}）申请绑定为您的家属，绑定后可以为您预约服务。`;
          if (codeAllowed) {
            // A new code each time it is asked for; the elder tells it to the relative they mean to bind.
            await trx
              .updateTable('elder_bindings')
              .set({ code_hash: codeHash(id, code), code_expires_at: new Date(now.getTime() + CODE_TTL_MS).toISOString() })
              .where('id', '=', id)
              .execute();
          }
          await sendMessage(trx, {
            userId: elder.user_id,
            kind: 'elder.binding_requested',
            title: '家属绑定申请',
            body: codeAllowed
              ? `${who}如果同意，请把绑定码 ${code} 告诉对方（24 小时内有效），也可以在「家人」里直接同意。不认识对方请不要告诉绑定码。`
              : `${who}如果同意，请在「家人」里直接同意；不认识对方请不要同意。`,
            link: FAMILY_LINK,
            at: now,
          });
        }
        return id;
      });
      return reply.code(201).send({ elder: await summaryFor(user, elderId), bindingId, confirmWith });
    },
  );

  app.post(
    '/elders/:id/confirm-binding',
    {
      preHandler: requireSignedIn,
      schema: { tags: ['care'], params: idParamsSchema, body: confirmBindingBodySchema, response: { 200: elderSummarySchema } },
    },
    async (request) => {
      const user = requireUser(request);
      const elderId = request.params.id;
      const { bindingCode, bindingId } = request.body;
      const now = app.now();

      let binding;
      let confirmedBy: 'code' | 'elder' | 'worker';
      if (bindingCode !== undefined) {
        // The relative enters the code the elder received.
        binding = await app.db
          .selectFrom('elder_bindings')
          .selectAll()
          .where('elder_id', '=', elderId)
          .where('user_id', '=', user.id)
          .executeTakeFirst();
        if (!binding) throw notFound(ELDER_NOT_FOUND);
        if (binding.status === 'active') return summaryFor(user, elderId);
        if (!binding.code_hash || !binding.code_expires_at || binding.code_expires_at <= now.toISOString()) {
          throw conflict('绑定码已失效，请重新申请绑定，或请社区工作人员审核');
        }
        // Count the try before comparing, atomically: however many arrive at once, at most 5 are ever compared.
        const counted = await app.db
          .updateTable('elder_bindings')
          .set((eb) => ({ code_attempts: eb('code_attempts', '+', 1) }))
          .where('id', '=', binding.id)
          .where('code_hash', 'is not', null)
          .where('code_attempts', '<', CODE_ATTEMPTS)
          .returning('code_attempts')
          .executeTakeFirst();
        if (!counted) throw conflict(TOO_MANY_TRIES);
        if (codeHash(Number(binding.id), bindingCode) !== binding.code_hash) {
          if (counted.code_attempts >= CODE_ATTEMPTS) {
            await app.db.updateTable('elder_bindings').set({ code_hash: null }).where('id', '=', binding.id).execute();
            throw conflict(TOO_MANY_TRIES);
          }
          throw fieldError('bindingCode', `不正确，请核对老人收到的绑定码（还可以试 ${CODE_ATTEMPTS - counted.code_attempts} 次）`);
        }
        confirmedBy = 'code';
      } else {
        // The elder in the app, or a worker of the elder's 社区, approves one request.
        const found = await requireElderAccess(app.db, user, elderId);
        if (found.access !== 'self' && found.access !== 'worker') throw forbidden('只有老人本人或社区工作人员可以同意绑定');
        binding = await app.db
          .selectFrom('elder_bindings')
          .selectAll()
          .where('id', '=', bindingId!)
          .where('elder_id', '=', elderId)
          .executeTakeFirst();
        if (!binding) throw notFound('没有找到这条绑定申请，可能已被撤回');
        confirmedBy = found.access === 'self' ? 'elder' : 'worker';
        if (found.access === 'worker') {
          await app.audit({ actorId: user.id, action: 'elder.approve_binding', subjectType: 'elder', subjectId: elderId, detail: { binding: Number(binding.id) } });
        }
      }

      if (binding.status === 'pending') {
        await inTransaction(app.db, async (trx) => {
          const updated = await trx
            .updateTable('elder_bindings')
            .set({ status: 'active', confirmed_at: now.toISOString(), confirmed_by: confirmedBy, code_hash: null })
            .where('id', '=', binding.id)
            .where('status', '=', 'pending')
            .executeTakeFirst();
          if (Number(updated.numUpdatedRows) === 0) return;
          const elder = await trx.selectFrom('elder_profiles').select('name').where('id', '=', elderId).executeTakeFirstOrThrow();
          await sendMessage(trx, {
            userId: Number(binding.user_id),
            kind: 'elder.binding_confirmed',
            title: '家属绑定成功',
            body: `您已绑定${elder.name}，现在可以为老人预约助餐、助浴等服务。`,
            link: FAMILY_LINK,
            at: now,
          });
        });
      }
      return summaryFor(user, elderId);
    },
  );

  app.delete(
    '/elders/:id/binding',
    {
      preHandler: requireSignedIn,
      schema: { tags: ['care'], params: idParamsSchema, querystring: unbindQuerySchema, response: { 200: okSchema } },
    },
    async (request) => {
      const user = requireUser(request);
      const elderId = request.params.id;
      const relative = request.query.relative;
      const now = app.now();
      const found = await requireElderAccess(app.db, user, elderId);
      let relativeId: number;
      if (relative === undefined || relative === user.id) {
        if (!found.binding) throw notFound('您没有绑定这位老人');
        relativeId = user.id;
      } else {
        // The elder, or a worker of the 社区, removes a relative.
        if (found.access !== 'self' && found.access !== 'worker') throw forbidden('只有老人本人或社区工作人员可以解除他人的绑定');
        relativeId = relative;
      }
      await inTransaction(app.db, async (trx) => {
        const deleted = await trx
          .deleteFrom('elder_bindings')
          .where('elder_id', '=', elderId)
          .where('user_id', '=', relativeId)
          .executeTakeFirst();
        if (Number(deleted.numDeletedRows) === 0) throw notFound('这位家属没有绑定这位老人');
        const notify = relativeId === user.id ? found.elder.user_id : relativeId;
        if (notify !== null) {
          await sendMessage(trx, {
            userId: notify,
            kind: 'elder.binding_removed',
            title: '家属绑定已解除',
            body:
              relativeId === user.id
                ? '一位家属解除了与您的绑定，对方不能再为您预约服务。'
                : `您与${found.elder.name}的家属绑定已解除，不能再为老人预约服务；已预约的服务不受影响。`,
            link: FAMILY_LINK,
            at: now,
          });
        }
      });
      if (found.access === 'worker') {
        await app.audit({ actorId: user.id, action: 'elder.remove_binding', subjectType: 'elder', subjectId: elderId, detail: { relative: relativeId } });
      }
      return { ok: true as const };
    },
  );

  app.post(
    '/elders/:id/classes',
    {
      preHandler: requireRole('worker'),
      schema: { tags: ['care'], params: idParamsSchema, body: elderClassesBodySchema, response: { 200: elderDetailSchema } },
    },
    async (request) => {
      const user = requireUser(request);
      const found = await requireElderAccess(app.db, user, request.params.id);
      if (found.access !== 'worker') throw forbidden('老人类别只能由老人所在社区的工作人员设置');
      const { classes, dibao, bathAssessedOn } = request.body;
      if (bathAssessedOn && !isRealDate(bathAssessedOn)) throw fieldError('bathAssessedOn', '没有这一天，请核对');
      if (bathAssessedOn && bathAssessedOn > chinaLocal(app.now()).date) throw fieldError('bathAssessedOn', '不能晚于今天');
      await app.db
        .updateTable('elder_profiles')
        .set({ classes_json: JSON.stringify(classes), dibao: dibao ? 1 : 0, bath_assessed_on: bathAssessedOn })
        .where('id', '=', request.params.id)
        .execute();
      await app.audit({
        actorId: user.id,
        action: 'elder.set_classes',
        subjectType: 'elder',
        subjectId: request.params.id,
        detail: { classes: classes.join(','), dibao, bathAssessed: bathAssessedOn !== null },
      });
      return toElderDetail(app.db, app.privacy, await requireElderAccess(app.db, user, request.params.id), app.now());
    },
  );
};
