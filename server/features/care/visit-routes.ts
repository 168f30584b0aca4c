/**
 * 月探访: workers see the elders of the eight classes in their 社区 (a 街道 worker: every 社区 of the street)
 * with whether they were visited this month, the month's visit rate per 社区 (target 100 %), and record visits.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Selectable } from 'kysely';
import { createVisitBodySchema, visitListQuerySchema, visitPageSchema, visitSchema, type Visit, type VisitElder } from '@contract/care';
import { chinaLocal } from '@contract/rules/calendar';
import { visitRatePercent } from '@contract/rules/care';
import { isRealDate } from '@contract/rules/id-number';
import { ageOn } from '@contract/rules/care-price';
import { maskName } from '@contract/rules/mask';
import { requireRole, requireUser } from '../../lib/auth';
import { fieldError, forbidden, notFound } from '../../lib/errors';
import { decodeKeyset, encodeKeyset } from '../../lib/keyset-cursor';
import { elderClassesOf, findElderAccess, selectElders } from './elders';
import type { CareVisitsTable } from './tables';

type VisitRow = Selectable<CareVisitsTable> & { worker_name: string };

function toVisit(row: VisitRow): Visit {
  return {
    id: Number(row.id),
    elderId: Number(row.elder_id),
    method: row.method,
    visitedOn: row.visited_on,
    health: row.health,
    economy: row.economy,
    safety: row.safety,
    needsReferred: row.needs_referred,
    workerName: maskName(row.worker_name),
    createdAt: row.created_at,
  };
}

export const visitRoutes: FastifyPluginAsyncZod = async (app) => {
  const selectVisits = () =>
    app.db.selectFrom('care_visits').innerJoin('users', 'users.id', 'care_visits.worker_user_id').selectAll('care_visits').select('users.display_name as worker_name');

  app.get(
    '/visits',
    { preHandler: requireRole('worker'), schema: { tags: ['care'], querystring: visitListQuerySchema, response: { 200: visitPageSchema } } },
    async (request) => {
      const user = requireUser(request);
      const query = request.query;
      const today = chinaLocal(app.now()).date;
      const month = query.month ?? today.slice(0, 7);
      if (query.community && !user.scopeCommunityIds.includes(query.community)) throw forbidden('您只能查看本社区的探访');
      const communityIds = query.community ? [query.community] : user.scopeCommunityIds;
      if (communityIds.length === 0) return { month, communities: [], items: [], nextCursor: null };

      const communities = await app.db.selectFrom('communities').select(['id', 'name']).where('id', 'in', communityIds).orderBy('id').execute();
      // Elders of the eight classes (anyone with at least one class), by name.
      const elders = (
        await selectElders(app.db)
          .where('elder_profiles.community_id', 'in', communityIds)
          .where('elder_profiles.classes_json', '!=', '[]')
          .orderBy('elder_profiles.name')
          .orderBy('elder_profiles.id')
          .execute()
      ).map((row) => ({ ...row, id: Number(row.id) }));
      const visits = elders.length
        ? await selectVisits()
            .where('care_visits.elder_id', 'in', elders.map((e) => e.id))
            .where('care_visits.visited_on', '<=', `${month}-31`)
            .orderBy('care_visits.visited_on', 'desc')
            .orderBy('care_visits.id', 'desc')
            .execute()
        : [];
      const lastVisit = new Map<number, VisitRow>();
      for (const visit of visits) if (!lastVisit.has(Number(visit.elder_id))) lastVisit.set(Number(visit.elder_id), visit);
      const visitedInMonth = new Set(visits.filter((v) => v.month === month).map((v) => Number(v.elder_id)));

      const rates = communities.map((community) => {
        const due = elders.filter((e) => e.community_id === community.id);
        const visited = due.filter((e) => visitedInMonth.has(e.id)).length;
        return {
          communityId: community.id,
          communityName: community.name,
          due: due.length,
          visited,
          ratePercent: visitRatePercent(due.length, visited),
        };
      });

      let listed = elders.filter((e) => query.status === undefined || (query.status === 'visited') === visitedInMonth.has(e.id));
      if (query.cursor) {
        const after = decodeKeyset(query.cursor);
        listed = listed.filter((e) => e.name > after.key || (e.name === after.key && e.id > after.id));
      }
      const page = listed.slice(0, query.limit);
      const items: VisitElder[] = page.map((e) => {
        const last = lastVisit.get(e.id);
        return {
          elder: { id: e.id, name: e.name, age: ageOn(e.birth_date, today), communityId: e.community_id, classes: elderClassesOf(e), address: e.address },
          visitedThisMonth: visitedInMonth.has(e.id),
          lastVisit: last ? toVisit(last) : null,
        };
      });
      await app.audit({ actorId: user.id, action: 'visit.list', detail: { month, communities: communityIds.join(','), count: items.length } });
      const last = page[page.length - 1];
      return {
        month,
        communities: rates,
        items,
        nextCursor: listed.length > query.limit ? encodeKeyset({ key: last.name, id: last.id }) : null,
      };
    },
  );

  app.post(
    '/visits',
    { preHandler: requireRole('worker'), schema: { tags: ['care'], body: createVisitBodySchema, response: { 201: visitSchema } } },
    async (request, reply) => {
      const user = requireUser(request);
      const body = request.body;
      const now = app.now();
      const today = chinaLocal(now).date;
      const found = await findElderAccess(app.db, user, body.elderId);
      if (!found || found.access !== 'worker') throw notFound('没有找到这位老人，或老人不在您负责的社区');
      const visitedOn = body.visitedOn ?? today;
      if (!isRealDate(visitedOn)) throw fieldError('visitedOn', '没有这一天，请核对');
      if (visitedOn > today) throw fieldError('visitedOn', '不能晚于今天');
      const inserted = await app.db
        .insertInto('care_visits')
        .values({
          elder_id: body.elderId,
          community_id: found.elder.community_id,
          worker_user_id: user.id,
          method: body.method,
          visited_on: visitedOn,
          month: visitedOn.slice(0, 7),
          health: body.health,
          economy: body.economy,
          safety: body.safety,
          needs_referred: body.needsReferred,
          created_at: now.toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await app.audit({ actorId: user.id, action: 'visit.record', subjectType: 'elder', subjectId: body.elderId, detail: { method: body.method, visitedOn } });
      const row = await selectVisits().where('care_visits.id', '=', Number(inserted.id)).executeTakeFirstOrThrow();
      return reply.code(201).send(toVisit(row));
    },
  );
};
