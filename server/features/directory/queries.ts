/**
 * Reading service points: the circle search (grid cells → box → exact distance), keyset pages
 * by name, and turning rows into the API's shapes. Kysely builder only (portable to PostgreSQL).
 */
import { sql, type Kysely, type Selectable, type SelectQueryBuilder, type SqlBool } from 'kysely';
import type { ServicePointSummary } from '@contract/directory';
import { findSubcategory, categoryTree } from '@contract/rules/categories';
import { parseSearch } from '@contract/rules/search-words';
import { soundsLike } from './sounds-like';
import { chinaLocal, type Calendar } from '@contract/rules/calendar';
import { currentPause, type PointPause } from '@contract/rules/pause';
import { openStatusAt, type OpeningHours } from '@contract/rules/opening-hours';
import { boundingBox, distanceMetres, walkingMinutes, type LatLng } from '@contract/rules/walking';
import directoryConfig from '../../../config/domain/directory.json';
import type { Database } from '../../db/schema';
import { gridCover } from '../../lib/location-grid';
import { keywordCondition, type KeywordMode } from './search-index';

export interface PointFilters {
  subcategories?: string[];
  keyword?: string;
  townCode?: string;
  communityId?: string;
}

type PointQuery = SelectQueryBuilder<Database, 'service_points', object>;

/** Narrows a query of points; `keywordMode` says how the keyword index is used (see search-index.ts). */
export function applyFilters<Q extends PointQuery>(query: Q, filters: PointFilters, keywordMode: KeywordMode = 'list'): Q {
  // A closed point (closed_at) is gone from every list and search.
  let q = (query as PointQuery).where('service_points.closed_at', 'is', null);
  if (filters.subcategories) q = q.where('service_points.subcategory_id', 'in', filters.subcategories);
  if (filters.townCode) q = q.where('service_points.town_code', '=', filters.townCode);
  if (filters.communityId) q = q.where('service_points.community_id', '=', filters.communityId);
  if (filters.keyword) {
    const words = parseSearch(filters.keyword, soundsLike);
    if (words.length > 0) q = q.where((eb) => keywordCondition(eb, words, keywordMode));
    // Only punctuation (%, ？): nothing can match. Only fillers (附近): nothing to narrow by, the list stays whole.
    else if (!/[\p{L}\p{N}]/u.test(filters.keyword)) q = q.where(sql<SqlBool>`1 = 0`);
  }
  return q as Q;
}

export interface NearbyCandidate {
  id: string;
  subcategory: string;
  distance: number;
  hours_json?: string;
}

/**
 * Points within `radius` metres of `origin`, nearest first (ties by id). The index narrows to the
 * grid cells of the bounding box; the exact distance is computed here and filters the circle.
 */
export async function findNearby(
  db: Kysely<Database>,
  origin: LatLng,
  radius: number,
  filters: PointFilters,
  withHours: boolean,
): Promise<NearbyCandidate[]> {
  const box = boundingBox(origin, radius);
  const cover = gridCover(box);
  let query = db
    .selectFrom('service_points')
    .select(['service_points.id', 'service_points.subcategory_id', 'service_points.lat', 'service_points.lng'])
    .where('service_points.grid_row', 'in', cover.rows)
    .where('service_points.grid_col', '>=', cover.firstCol)
    .where('service_points.grid_col', '<=', cover.lastCol)
    .where('service_points.lat', '>=', box.minLat)
    .where('service_points.lat', '<=', box.maxLat)
    .where('service_points.lng', '>=', box.minLng)
    .where('service_points.lng', '<=', box.maxLng);
  // The location index already narrowed to the circle: each candidate probes its own terms.
  query = applyFilters(query, filters, 'probe');
  const rows = withHours
    ? await query.select('service_points.hours_json').execute()
    : await query.execute();
  const candidates: NearbyCandidate[] = [];
  for (const row of rows) {
    const distance = distanceMetres(origin, row);
    if (distance > radius) continue;
    const hours = (row as { hours_json?: string }).hours_json;
    candidates.push({ id: row.id, subcategory: row.subcategory_id, distance, hours_json: hours });
  }
  return candidates.sort(byDistanceThenId);
}

export function byDistanceThenId(a: Candidate, b: Candidate): number {
  return a.distance - b.distance || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
}

/** The first search reach: a 250 m circle already holds a page in a town centre. */
const FIRST_REACH_METRES = 250;
/**
 * Up to this radius a keyword is checked point by point in the circle (probe); beyond it the term index lists
 * the matches first (a 20 km circle holds a whole city, the matches of a word far fewer). Measured with
 * `npm run bench:directory`.
 */
const PROBE_RADIUS_METRES = 2500;

/** A point found near a place: what paging needs (distance, then id). */
export interface Candidate {
  id: string;
  distance: number;
}

/** The candidates within `reach` metres, nearest first (ties by id). */
export type FindWithin<C extends Candidate> = (reach: number) => C[] | Promise<C[]>;

export interface PageOptions<C extends Candidate> {
  count: number;
  after?: { distance: number; id: string };
  keep?: (candidate: C) => boolean;
}

/**
 * The nearest `count` points within `radius` that come after `after` (distance, then id) and pass
 * `keep`, plus whether more follow. Searches a small circle first and doubles it only while it
 * holds too few: every point inside a reach is nearer than any point outside it, so the first
 * `count` found inside are the first `count` of the whole circle. A page in a dense town costs a
 * few dozen points instead of everything within 15 minutes. `wholeCircle` searches the radius at once.
 */
export async function nearestPage<C extends Candidate>(
  find: FindWithin<C>,
  radius: number,
  options: PageOptions<C> & { wholeCircle?: boolean },
): Promise<{ items: C[]; more: boolean }> {
  const { count, after, keep } = options;
  let reach = options.wholeCircle ? radius : Math.min(radius, (after?.distance ?? 0) + FIRST_REACH_METRES);
  for (;;) {
    const found = (await find(reach)).filter((c) => comesAfter(c, after) && (!keep || keep(c)));
    if (found.length > count || reach >= radius) return { items: found.slice(0, count), more: found.length > count };
    reach = Math.min(radius, reach * 2);
  }
}

function comesAfter(c: Candidate, after: { distance: number; id: string } | undefined): boolean {
  return !after || c.distance > after.distance || (c.distance === after.distance && c.id > after.id);
}

/** nearestPage on the database's location and keyword indexes (the list with a keyword). */
export async function nearestPageInDatabase(
  db: Kysely<Database>,
  origin: LatLng,
  radius: number,
  filters: PointFilters,
  options: PageOptions<NearbyCandidate>,
): Promise<{ items: NearbyCandidate[]; more: boolean }> {
  if (filters.keyword && radius > PROBE_RADIUS_METRES) {
    const found = (await matchingWithin(db, origin, radius, filters)).filter((c) => comesAfter(c, options.after) && (!options.keep || options.keep(c)));
    return { items: found.slice(0, options.count), more: found.length > options.count };
  }
  // A keyword in a small circle: each point of the circle probes its terms, the whole circle at once.
  const find = (reach: number) => findNearby(db, origin, reach, filters, options.keep !== undefined);
  return nearestPage(find, radius, { ...options, wholeCircle: Boolean(filters.keyword) });
}

/**
 * Points matching a keyword within `radius`, nearest first, found keyword-first: the matching ids come from
 * the term index at once (their number depends on the words, not on the circle) and distances are measured
 * here. For wide circles, where probing every point in the circle would cost more.
 */
async function matchingWithin(db: Kysely<Database>, origin: LatLng, radius: number, filters: PointFilters): Promise<NearbyCandidate[]> {
  const rows = await applyFilters(
    db
      .selectFrom('service_points')
      .select(['service_points.id', 'service_points.subcategory_id', 'service_points.lat', 'service_points.lng', 'service_points.hours_json']),
    filters,
    'list',
  ).execute();
  const found: NearbyCandidate[] = [];
  for (const row of rows) {
    const distance = distanceMetres(origin, row);
    if (distance <= radius) found.push({ id: row.id, subcategory: row.subcategory_id, distance, hours_json: row.hours_json });
  }
  return found.sort(byDistanceThenId);
}

/** Points with the names of their town and community; select the point's columns you need. */
export function pointsWithPlaceNames(db: Kysely<Database>) {
  return db
    .selectFrom('service_points')
    .innerJoin('towns', 'towns.code', 'service_points.town_code')
    .leftJoin('communities', 'communities.id', 'service_points.community_id')
    .where('service_points.closed_at', 'is', null)
    .select(['towns.name as town_name', 'communities.name as community_name']);
}

/** Columns of a full point with its town and community names. */
export function selectPoints(db: Kysely<Database>) {
  return pointsWithPlaceNames(db).selectAll('service_points');
}
export type PointRow = Awaited<ReturnType<ReturnType<typeof selectPoints>['executeTakeFirstOrThrow']>>;

export function parseHours(json: string): OpeningHours {
  return JSON.parse(json) as OpeningHours;
}

/** The columns a list item is made of. */
export type SummaryRow = Pick<
  PointRow,
  | 'id' | 'name' | 'category_id' | 'subcategory_id' | 'town_code' | 'town_name' | 'community_id' | 'community_name'
  | 'address' | 'lat' | 'lng' | 'phone' | 'hours_json' | 'is_demo' | 'pause_json'
>;

export function parsePause(json: string | null): PointPause | null {
  return json === null ? null : (JSON.parse(json) as PointPause);
}

/** A stored service of a point as the API gives it (detail and edit form alike). */
export function offeredServiceOf(row: Pick<Selectable<Database['service_point_services']>, 'name' | 'price_cents' | 'unit' | 'subsidised' | 'subsidy_cents'>) {
  return { name: row.name, priceCents: row.price_cents, unit: row.unit, subsidised: row.subsidised === 1, subsidyCents: row.subsidy_cents };
}

/** The fields of a list item that do not depend on the request, up to the phone, in the answer's order. */
export function pointFields(row: SummaryRow) {
  const subcategory = findSubcategory(row.subcategory_id);
  const category = categoryTree.find((c) => c.id === row.category_id);
  return {
    id: row.id,
    name: row.name,
    category: row.category_id,
    categoryName: category?.name ?? row.category_id,
    subcategory: row.subcategory_id,
    subcategoryName: subcategory?.name ?? row.subcategory_id,
    townCode: row.town_code,
    townName: row.town_name,
    communityId: row.community_id,
    communityName: row.community_name,
    address: row.address,
    lat: row.lat,
    lng: row.lng,
    phone: row.phone,
  };
}

/** One point as a list item, with distance from `origin` (when given) and its state at `now`. */
export function toSummary(row: SummaryRow, now: Date, calendar: Calendar, origin: LatLng | null): ServicePointSummary {
  const status = openStatusAt(parseHours(row.hours_json), now, calendar, directoryConfig.openingSearchDays);
  // Minutes from the rounded metres shown beside them, so the two figures always agree.
  const distance = origin ? Math.round(distanceMetres(origin, row)) : null;
  return {
    ...pointFields(row),
    distanceMeters: distance,
    walkingMinutes: distance === null ? null : walkingMinutes(distance),
    openNow: status.open,
    closesAt: status.closesAt?.toISOString() ?? null,
    nextOpenAt: status.nextOpenAt?.toISOString() ?? null,
    isDemo: row.is_demo === 1,
    paused: currentPause(parsePause(row.pause_json), chinaLocal(now).date),
  };
}
