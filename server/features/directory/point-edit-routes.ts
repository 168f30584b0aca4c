/**
 * Staff keep a point's details right (issue 20): read it for editing, change fields (PATCH, optimistic lock on
 * `version`), 核实 (still right: only the date moves), add a point (workers), and the list of points nobody has
 * checked for `staleAfterDays`. Who may: the point's own staff, workers of its 社区 or 街道 (canKeepPoint).
 * Every change is in the audit log with who, when and the changed fields before → after.
 */
import { randomBytes } from 'node:crypto';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import { sql, type Kysely } from 'kysely';
import { servicePointParamsSchema } from '@contract/directory';
import { chinaLocal, shiftDate } from '@contract/rules/calendar';
import { findSubcategory } from '@contract/rules/categories';
import {
  editableFieldNames,
  editablePointAnswerSchema,
  newPointSchema,
  pointPatchSchema,
  pointVerifySchema,
  stalePointListSchema,
  type EditablePoint,
  type VersionConflict,
} from '@contract/upkeep';
import upkeepConfig from '../../../config/domain/upkeep.json';
import type { Database } from '../../db/schema';
import { inTransaction } from '../../db/portable';
import { audit } from '../../lib/audit';
import { requireRole, requireUser, type AuthUser } from '../../lib/auth';
import { DAY_MS } from '../../lib/clock';
import { fieldError, forbidden, notFound } from '../../lib/errors';
import { canKeepPoint, workerPointScope } from '../../lib/point-scope';
import { applyPatch, auditDetail, changedFields, editableOf, pointColumns, searchOf } from './point-edits';
import { insertServicePoints } from './seed';
import { insertTerms } from './search-index';

/** A point's own words for fields the shared labels give a person's meaning (姓名, 手机号). */
const POINT_LABELS = { name: '名称', phone: '电话', version: '版本', description: '介绍', 'services.name': '服务名称' };
const CONFLICT_WORDS = '这条信息刚被别人改过，请看看最新的内容再决定是否修改';
const STALE_LIST_MAX = 200;

/** A point that is not closed, with its services; null when there is none. */
async function loadPoint(db: Kysely<Database>, id: string) {
  const row = await db.selectFrom('service_points').selectAll().where('id', '=', id).where('closed_at', 'is', null).executeTakeFirst();
  if (!row) return null;
  const services = await db.selectFrom('service_point_services').selectAll().where('service_point_id', '=', id).orderBy('position').execute();
  return editableOf(row, services);
}

/** The point for this user to keep: 404 when there is none, 403 when it is not theirs. */
async function pointToKeep(db: Kysely<Database>, user: AuthUser, id: string): Promise<EditablePoint> {
  const scope = await db.selectFrom('service_points').select(['id', 'community_id', 'town_code']).where('id', '=', id).where('closed_at', 'is', null).executeTakeFirst();
  if (!scope) throw notFound('没有找到这个服务点，它可能已经下线');
  if (!canKeepPoint(user, scope)) throw forbidden('您只能修改本服务点或本社区（街道）的服务点');
  return (await loadPoint(db, id))!;
}

/**
 * Which fields changed since `version`: the edits after it, as the audit log recorded them, plus any field the
 * rejected edit sent that now differs (so the editor sees exactly what they would have overwritten).
 */
async function changedSince(db: Kysely<Database>, current: EditablePoint, version: number, sent: Record<string, unknown>): Promise<string[]> {
  const entries = await db
    .selectFrom('audit_log')
    .select('detail')
    .where('subject_type', '=', 'service_point')
    .where('subject_id', '=', current.id)
    .where('action', '=', 'directory.point_edit')
    .orderBy('id', 'desc')
    .limit(50)
    .execute();
  const changed = new Set<string>();
  for (const entry of entries) {
    const detail = JSON.parse(entry.detail ?? '{}') as { fields?: string; toVersion?: number };
    if ((detail.toVersion ?? 0) > version && detail.fields) detail.fields.split(',').forEach((f) => changed.add(f));
  }
  for (const field of editableFieldNames) {
    if (sent[field] !== undefined && JSON.stringify(sent[field]) !== JSON.stringify(current[field])) changed.add(field);
  }
  return editableFieldNames.filter((f) => changed.has(f));
}

export const pointEditRoutes: FastifyPluginAsyncZod = async (app) => {
  const today = () => chinaLocal(app.now()).date;

  async function conflictBody(id: string, version: number, sent: Record<string, unknown>): Promise<VersionConflict> {
    const current = await loadPoint(app.db, id);
    if (!current) throw notFound('没有找到这个服务点，它可能已经下线');
    return { error: { code: 'CONFLICT', message: CONFLICT_WORDS }, code: 'version_conflict', message: CONFLICT_WORDS, current, changed: await changedSince(app.db, current, version, sent) };
  }

  app.get(
    '/services/:id/editable',
    { schema: { tags: ['upkeep'], params: servicePointParamsSchema, response: { 200: editablePointAnswerSchema } } },
    async (request) => ({ point: await pointToKeep(app.db, requireUser(request), request.params.id) }),
  );

  app.patch(
    '/services/:id',
    { config: { fieldLabels: POINT_LABELS }, schema: { tags: ['upkeep'], params: servicePointParamsSchema, body: pointPatchSchema } },
    async (request, reply) => {
      const user = requireUser(request);
      const { id } = request.params;
      const patch = request.body;
      const saved = await inTransaction(app.db, async (trx) => {
        const before = await pointToKeep(trx, user, id);
        if (before.version !== patch.version) return null;
        const after: EditablePoint = { ...applyPatch(before, patch), version: before.version + 1, verifiedAt: today() };
        const fields = changedFields(before, after);
        const search = searchOf(after);
        // The version decides between concurrent edits: only the one that still finds the version it started from writes.
        const result = await trx
          .updateTable('service_points')
          .set({ ...pointColumns(after), search_text: search.searchText, verified_at: after.verifiedAt, version: sql<number>`version + 1` })
          .where('id', '=', id)
          .where('version', '=', patch.version)
          .where('closed_at', 'is', null)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) return null;
        if (fields.includes('services')) {
          await trx.deleteFrom('service_point_services').where('service_point_id', '=', id).execute();
          if (after.services.length > 0) {
            await trx
              .insertInto('service_point_services')
              .values(after.services.map((s, position) => ({
                service_point_id: id,
                position,
                name: s.name,
                price_cents: s.priceCents,
                unit: s.unit,
                subsidised: s.subsidised ? 1 : 0,
                subsidy_cents: s.subsidyCents,
              })))
              .execute();
          }
        }
        if (fields.some((f) => f === 'name' || f === 'address' || f === 'services')) {
          await trx.deleteFrom('service_point_terms').where('point_id', '=', id).execute();
          await insertTerms(trx, search.terms.map((term) => ({ term, point_id: id })));
        }
        await audit(trx, {
          actorId: user.id,
          action: 'directory.point_edit',
          subjectType: 'service_point',
          subjectId: id,
          detail: { role: user.role, ...auditDetail(before, after, fields) },
          at: app.now(),
        });
        return after;
      });
      if (!saved) return reply.code(409).send(await conflictBody(id, patch.version, patch));
      return { point: saved };
    },
  );

  app.post(
    '/services/:id/verify',
    { config: { fieldLabels: POINT_LABELS }, schema: { tags: ['upkeep'], params: servicePointParamsSchema, body: pointVerifySchema } },
    async (request, reply) => {
      const user = requireUser(request);
      const { id } = request.params;
      const { version } = request.body;
      const verified = await inTransaction(app.db, async (trx) => {
        const point = await pointToKeep(trx, user, id);
        // 核实 confirms what the worker saw: not a version someone has changed since.
        const result = await trx
          .updateTable('service_points')
          .set({ verified_at: today() })
          .where('id', '=', id)
          .where('version', '=', version)
          .where('closed_at', 'is', null)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) === 0) return null;
        await audit(trx, {
          actorId: user.id,
          action: 'directory.point_verify',
          subjectType: 'service_point',
          subjectId: id,
          detail: { role: user.role, version, before: point.verifiedAt, after: today() },
          at: app.now(),
        });
        return { ...point, verifiedAt: today() };
      });
      if (!verified) return reply.code(409).send(await conflictBody(id, version, {}));
      return { point: verified };
    },
  );

  app.post(
    '/services',
    {
      preHandler: requireRole('worker'),
      config: { fieldLabels: POINT_LABELS },
      schema: { tags: ['upkeep'], body: newPointSchema, response: { 201: editablePointAnswerSchema } },
    },
    async (request, reply) => {
      const user = requireUser(request);
      const body = request.body;
      const communityId = body.communityId ?? user.scope.communityId;
      if (!communityId) throw fieldError('communityId', '请选择社区');
      if (!user.scopeCommunityIds.includes(communityId)) throw fieldError('communityId', '只能选择您负责的社区');
      const subcategory = findSubcategory(body.subcategory);
      if (!subcategory) throw fieldError('subcategory', '没有这个服务类别');
      const community = await app.db.selectFrom('communities').select('town_code').where('id', '=', communityId).executeTakeFirstOrThrow();
      const id = `sp-${randomBytes(6).toString('hex')}`;
      const point = await inTransaction(app.db, async (trx) => {
        await insertServicePoints(trx, [
          {
            id,
            name: body.name,
            subcategory: body.subcategory,
            townCode: community.town_code,
            communityId,
            address: body.address,
            lat: body.lat,
            lng: body.lng,
            phone: body.phone,
            hours: body.hours,
            services: body.services,
            operator: '',
            accessibility: body.accessibility,
            description: body.description,
            verifiedAt: today(),
            isDemo: false,
          },
        ]);
        if (body.pause) await trx.updateTable('service_points').set({ pause_json: JSON.stringify(body.pause) }).where('id', '=', id).execute();
        await audit(trx, {
          actorId: user.id,
          action: 'directory.point_create',
          subjectType: 'service_point',
          subjectId: id,
          detail: { role: user.role, communityId, subcategory: body.subcategory, name: body.name },
          at: app.now(),
        });
        return (await loadPoint(trx, id))!;
      });
      return reply.code(201).send({ point });
    },
  );

  app.get(
    '/services/stale',
    { preHandler: requireRole('worker'), schema: { tags: ['upkeep'], response: { 200: stalePointListSchema } } },
    async (request) => {
      const scope = workerPointScope(requireUser(request));
      const now = today();
      let query = app.db
        .selectFrom('service_points')
        .select(['id', 'name', 'verified_at'])
        .where('closed_at', 'is', null)
        .where('verified_at', '<=', shiftDate(now, -upkeepConfig.staleAfterDays));
      query = 'townCode' in scope ? query.where('town_code', '=', scope.townCode) : query.where('community_id', 'in', scope.communityIds.length > 0 ? scope.communityIds : ['']);
      const rows = await query.orderBy('verified_at').orderBy('id').limit(STALE_LIST_MAX).execute();
      const daysSince = (date: string) => Math.round((Date.parse(now) - Date.parse(date)) / DAY_MS);
      return { items: rows.map((r) => ({ id: r.id, name: r.name, verifiedAt: r.verified_at, daysSince: daysSince(r.verified_at) })) };
    },
  );
};
