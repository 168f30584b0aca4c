/**
 * The service directory API (DOMAIN.md §1), all public: categories with counts, the list of
 * points (near a place, by keyword, category, town/community, open now), one point's details,
 * and the 15-minute coverage of a place.
 */
import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import {
  categoryListSchema,
  coverageQuerySchema,
  coverageSchema,
  servicePointDetailQuerySchema,
  servicePointDetailSchema,
  servicePointPageSchema,
  servicePointParamsSchema,
  serviceListQuerySchema,
  type ServicePointDetail,
} from '@contract/directory';
import { chinaLocal, dayKindLabel } from '@contract/rules/calendar';
import { categoryTree, subcategoriesMatching } from '@contract/rules/categories';
import {
  formatIntervals,
  hoursForDay,
  isOpenAllDay,
  openStatusAt,
  weekdayKeys,
  weekdayNames,
} from '@contract/rules/opening-hours';
import { DEFAULT_RADIUS_METRES, type LatLng } from '@contract/rules/walking';
import directoryConfig from '../../../config/domain/directory.json';
import { serverCalendar } from '../../lib/calendar';
import { fieldError, notFound } from '../../lib/errors';
import { countOpenReports } from '../../lib/point-reports';
import { computeCoverage, groupCoverage } from './coverage';
import { decodeCursor, encodeCursor } from './cursor';
import { DirectoryMemory, JsonBytes, type MemoryCandidate, type MemoryFilters } from './memory';
import { directoryFreshness } from './memory-freshness';
import {
  applyFilters,
  nearestPage,
  nearestPageInDatabase,
  offeredServiceOf,
  parseHours,
  selectPoints,
  toSummary,
  type NearbyCandidate,
  type PointFilters,
  type PointRow,
} from './queries';

/** Batch size when reading by name and filtering "open now" in code. */
const NAME_BATCH = 100;
/** How many points beyond the circle are offered when nothing inside it matches. */
const BEYOND_COUNT = 3;

export const directoryRoutes: FastifyPluginAsyncZod = async (app) => {
  const calendar = serverCalendar(app.log);
  const lookAhead = directoryConfig.openingSearchDays;
  const isOpen = (hoursJson: string, now: Date) => openStatusAt(parseHours(hoursJson), now, calendar, lookAhead).open;
  const freshness = directoryFreshness(app.db, app.config.database, app.log);
  const memory = new DirectoryMemory(app.db, freshness, calendar);
  app.addHook('onClose', () => freshness.close());

  /**
   * The list near a place without a keyword — the 服务 tab's list, most of the API's traffic — from the
   * directory in memory (memory.ts), serialized here: the same bytes the database path and zod give
   * (pinned-answers.test.ts), about ten times the requests per second (README, Performance → API).
   */
  async function nearbyJson(
    origin: LatLng,
    radius: number,
    filters: PointFilters,
    options: { count: number; after?: { distance: number; id: string }; onlyOpen: boolean; now: Date },
  ): Promise<Buffer> {
    const { count, after, onlyOpen, now } = options;
    const snapshot = await memory.current();
    const narrow: MemoryFilters = {
      subcategories: filters.subcategories && new Set(filters.subcategories),
      townCode: filters.townCode,
      communityId: filters.communityId,
    };
    const keep = onlyOpen ? (c: MemoryCandidate) => snapshot.isOpen(c.point, now) : undefined;
    const page = await nearestPage((reach) => snapshot.within(origin, reach, narrow), radius, { count, after, keep });
    const last = page.items[page.items.length - 1];
    // Nothing in the circle: the nearest beyond it, rather than an empty answer.
    const widest = directoryConfig.maxRadiusMetres;
    const beyond =
      page.items.length === 0 && !after && radius < widest && filters.subcategories
        ? (await nearestPage((reach) => snapshot.within(origin, reach, narrow), widest, { count: BEYOND_COUNT, keep })).items
        : [];
    const nextCursor = page.more ? encodeCursor({ by: 'distance', distance: last.distance, id: last.id }) : null;
    const out = new JsonBytes().add('{"items":[');
    const items = (list: MemoryCandidate[]) =>
      list.forEach((c, i) => {
        if (i > 0) out.add(',');
        snapshot.writeItem(out, c, now);
      });
    items(page.items);
    out.add(`],"nextCursor":${JSON.stringify(nextCursor)},"origin":${JSON.stringify({ ...origin, radius })},"beyond":[`);
    items(beyond);
    return out.add(']}').toBuffer();
  }

  async function rowsInOrder(ids: string[]): Promise<PointRow[]> {
    if (ids.length === 0) return [];
    const rows = await selectPoints(app.db).where('service_points.id', 'in', ids).execute();
    const byId = new Map(rows.map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id)!);
  }

  /** Town and community filters must name real places: a typo should not look like "nothing here". */
  async function checkPlaces(town?: string, community?: string): Promise<void> {
    if (town && !(await app.db.selectFrom('towns').select('code').where('code', '=', town).executeTakeFirst())) {
      throw fieldError('town', '没有这个乡镇（街道）');
    }
    if (community && !(await app.db.selectFrom('communities').select('id').where('id', '=', community).executeTakeFirst())) {
      throw fieldError('community', '没有这个社区');
    }
  }

  app.get('/categories', { schema: { tags: ['directory'], response: { 200: categoryListSchema } } }, async () => {
    const counts = await app.db
      .selectFrom('service_points')
      .select(['subcategory_id', (eb) => eb.fn.countAll<number>().as('count')])
      .where('closed_at', 'is', null)
      .groupBy('subcategory_id')
      .execute();
    const countBySubcategory = new Map(counts.map((c) => [c.subcategory_id, Number(c.count)]));
    return {
      categories: categoryTree.map((category) => {
        const subcategories = category.subcategories.map((s) => ({ id: s.id, name: s.name, count: countBySubcategory.get(s.id) ?? 0 }));
        return { id: category.id, name: category.name, count: subcategories.reduce((sum, s) => sum + s.count, 0), subcategories };
      }),
    };
  });

  app.get(
    '/services',
    { schema: { tags: ['directory'], querystring: serviceListQuerySchema, response: { 200: servicePointPageSchema } } },
    async (request, reply) => {
      const query = request.query;
      await checkPlaces(query.town, query.community);
      const now = app.now();
      const filters: PointFilters = {
        subcategories: query.category ? subcategoriesMatching(query.category) : undefined,
        keyword: query.q,
        townCode: query.town,
        communityId: query.community,
      };
      // openNow=true keeps only points open now; false or absent lists all.
      const onlyOpen = query.openNow === true;

      if (query.lat !== undefined && query.lng !== undefined) {
        const origin: LatLng = { lat: query.lat, lng: query.lng };
        const radius = query.radius ?? DEFAULT_RADIUS_METRES;
        const after = query.cursor ? decodeCursor(query.cursor, 'distance') : null;
        const afterDistance = after?.by === 'distance' ? after : undefined;
        if (!filters.keyword) {
          const body = await nearbyJson(origin, radius, filters, { count: query.limit, after: afterDistance, onlyOpen, now });
          // Bytes with a JSON content type are sent as they are: the response schema's serializer is skipped (the
          // schema still documents the answer). Untyped reply: the typed one takes only the page as an object.
          return (reply as FastifyReply).type('application/json; charset=utf-8').send(body);
        }
        // A keyword: the term index in the database (search-index.ts).
        const keep = onlyOpen ? (c: NearbyCandidate) => isOpen(c.hours_json!, now) : undefined;
        const page = await nearestPageInDatabase(app.db, origin, radius, filters, { count: query.limit, after: afterDistance, keep });
        const last = page.items[page.items.length - 1];
        const rows = await rowsInOrder(page.items.map((c) => c.id));
        // Nothing in the circle: the nearest beyond it, rather than an empty answer.
        const widest = directoryConfig.maxRadiusMetres;
        const beyond =
          page.items.length === 0 && !after && radius < widest
            ? (await nearestPageInDatabase(app.db, origin, widest, filters, { count: BEYOND_COUNT, keep })).items
            : [];
        return {
          items: rows.map((row) => toSummary(row, now, calendar, origin)),
          nextCursor: page.more ? encodeCursor({ by: 'distance', distance: last.distance, id: last.id }) : null,
          origin: { ...origin, radius },
          beyond: (await rowsInOrder(beyond.map((c) => c.id))).map((row) => toSummary(row, now, calendar, origin)),
        };
      }

      // Without a location: by name, then id, read in keyset batches (filtering "open now" in code).
      let after = query.cursor ? decodeCursor(query.cursor, 'name') : null;
      const found: Array<{ id: string; name: string }> = [];
      for (;;) {
        let batch = applyFilters(
          app.db.selectFrom('service_points').select(['service_points.id', 'service_points.name', 'service_points.hours_json']),
          filters,
        )
          .orderBy('service_points.name')
          .orderBy('service_points.id')
          .limit(onlyOpen ? NAME_BATCH : query.limit + 1);
        if (after?.by === 'name') {
          const { name, id } = after;
          batch = batch.where((eb) =>
            eb.or([eb('service_points.name', '>', name), eb.and([eb('service_points.name', '=', name), eb('service_points.id', '>', id)])]),
          );
        }
        const rows = await batch.execute();
        for (const row of rows) if (!onlyOpen || isOpen(row.hours_json, now)) found.push(row);
        if (found.length > query.limit || rows.length < (onlyOpen ? NAME_BATCH : query.limit + 1)) break;
        const lastRow = rows[rows.length - 1];
        after = { by: 'name', name: lastRow.name, id: lastRow.id };
      }
      const page = found.slice(0, query.limit);
      const last = page[page.length - 1];
      const rows = await rowsInOrder(page.map((p) => p.id));
      return {
        items: rows.map((row) => toSummary(row, now, calendar, null)),
        nextCursor: found.length > query.limit ? encodeCursor({ by: 'name', name: last.name, id: last.id }) : null,
        origin: null,
        beyond: [],
      };
    },
  );

  app.get(
    '/services/:id',
    {
      schema: {
        tags: ['directory'],
        params: servicePointParamsSchema,
        querystring: servicePointDetailQuerySchema,
        response: { 200: servicePointDetailSchema },
      },
    },
    async (request): Promise<ServicePointDetail> => {
      const row = await selectPoints(app.db).where('service_points.id', '=', request.params.id).executeTakeFirst();
      if (!row) throw notFound('没有找到这个服务点，它可能已经下线');
      const services = await app.db
        .selectFrom('service_point_services')
        .selectAll()
        .where('service_point_id', '=', row.id)
        .orderBy('position')
        .execute();
      const now = app.now();
      const { lat, lng } = request.query;
      const origin = lat !== undefined && lng !== undefined ? { lat, lng } : null;
      const hours = parseHours(row.hours_json);
      const today = calendar.dayInfo(chinaLocal(now).date);
      const todayIntervals = hoursForDay(hours, today);
      return {
        ...toSummary(row, now, calendar, origin),
        description: row.description,
        operator: row.operator,
        services: services.map(offeredServiceOf),
        accessibility: JSON.parse(row.accessibility_json) as string[],
        hours: {
          weekly: weekdayKeys.map((key, index) => ({
            key,
            name: weekdayNames[key],
            intervals: hours.weekly[key],
            text: formatIntervals(hours.weekly[key]),
            isToday: index === today.weekday,
          })),
          holiday: { intervals: hours.holiday, text: formatIntervals(hours.holiday) },
          openAllDay: isOpenAllDay(hours),
          today: {
            date: today.date,
            kind: today.kind,
            label: dayKindLabel(today),
            intervals: todayIntervals,
            text: formatIntervals(todayIntervals),
          },
        },
        verifiedAt: row.verified_at,
        version: row.version,
        openReports: await countOpenReports(app.db, row.id),
      };
    },
  );

  app.get(
    '/coverage',
    { schema: { tags: ['directory'], querystring: coverageQuerySchema, response: { 200: coverageSchema } } },
    async (request) => {
      const { lat, lng, community } = request.query;
      let origin: LatLng & { label: string; communityId: string | null };
      if (lat !== undefined && lng !== undefined) origin = { lat, lng, label: '您的位置', communityId: null };
      else {
        const place = await app.db
          .selectFrom('communities')
          .select(['id', 'name', 'lat', 'lng'])
          .where('id', '=', community!)
          .executeTakeFirst();
        if (!place) throw fieldError('community', '没有这个社区');
        origin = { lat: place.lat, lng: place.lng, label: place.name, communityId: place.id };
      }
      const items = await computeCoverage(app.db, origin);
      return { origin, groups: groupCoverage(items) };
    },
  );
};
