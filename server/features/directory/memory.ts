/**
 * The directory held in memory by each server process, for the list near a place (issue 12): every point's list
 * item already serialized up to its phone, its opening state computed once per minute (shared by the points that
 * keep the same hours), and a grid of cells (the same cells as the database's location index, server/lib/location-grid.ts) to find the
 * points near a place without a query. A request then costs at most a cheap version check (memory-freshness.ts)
 * instead of three queries, 20 rows read at random, opening hours recomputed for every point and a zod pass over
 * the answer.
 *
 * The answers are byte for byte those of the database path (pinned-answers.test.ts): the same fields
 * (pointFields, toSummary), the same box and circle tests and the same order (distance, then id).
 * Keyword searches stay on the database's term index (queries.ts).
 */
import type { Kysely } from 'kysely';
import { chinaLocal, type Calendar } from '@contract/rules/calendar';
import { currentPause, type PointPause } from '@contract/rules/pause';
import { openStatusAt, type OpeningHours } from '@contract/rules/opening-hours';
import { boundingBox, distanceMetres, walkingMinutes, type LatLng } from '@contract/rules/walking';
import directoryConfig from '../../../config/domain/directory.json';
import type { Database } from '../../db/schema';
import { gridCover } from '../../lib/location-grid';
import type { DirectoryFreshness } from './memory-freshness';
import { byDistanceThenId, parseHours, parsePause, pointFields, pointsWithPlaceNames, type Candidate, type SummaryRow } from './queries';

/** Opening hours, one object for all the points that keep the same hours (most share a few dozen), and their state. */
interface Schedule {
  hours: OpeningHours;
  /** The minute (ms since epoch / 60,000) `status` and `open` were computed for. */
  minute: number;
  /** `,"openNow":…,"closesAt":…,"nextOpenAt":…` at that minute. */
  status: string;
  open: boolean;
}

interface MemoryPoint {
  id: string;
  subcategory: string;
  townCode: string;
  communityId: string | null;
  lat: number;
  lng: number;
  schedule: Schedule;
  /** The list item's JSON up to the phone, without the closing brace, as UTF-8 bytes (utf8Bytes: encoded once). */
  head: string;
  /** The list item's JSON after the opening state, up to the pause: `,"isDemo":…`. */
  tail: string;
  /** The stored pause (or null) and its JSON as UTF-8 bytes: whether it shows depends on the day. */
  pause: PointPause | null;
  pauseBytes: string;
}

export interface MemoryCandidate extends Candidate {
  point: MemoryPoint;
}

/** What the in-memory list can narrow by (a keyword is the database's job). */
export interface MemoryFilters {
  subcategories?: ReadonlySet<string>;
  townCode?: string;
  communityId?: string;
}

/** Answers are cut from slabs of this size, as Node pools its small buffers: not a new ArrayBuffer per answer. */
const SLAB_BYTES = 512 * 1024;
let slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
let slabUsed = 0;

function takeBuffer(size: number): Buffer {
  if (size > SLAB_BYTES / 16) return Buffer.allocUnsafe(size);
  if (slabUsed + size > SLAB_BYTES) {
    // The old slab lives on until the answers cut from it have been sent.
    slab = Buffer.allocUnsafeSlow(SLAB_BYTES);
    slabUsed = 0;
  }
  const out = slab.subarray(slabUsed, slabUsed + size);
  slabUsed += (size + 7) & ~7;
  return out;
}

/**
 * An answer's JSON built as bytes: the points' list items are kept as their UTF-8 bytes in one-byte strings (each
 * character one byte, latin1), the request's own pieces are ASCII (punctuation, numbers, ISO instants, base64url
 * cursors, true/false/null) and so their own bytes. Concatenating one-byte strings is a plain copy, and the whole
 * answer is written into its buffer in one call: no 10 KB two-byte string is built and encoded to UTF-8 again for
 * every answer.
 */
export class JsonBytes {
  private text = '';

  /** ASCII text, or UTF-8 bytes as a latin1 string (utf8Bytes): anything else would be written wrongly. */
  add(bytes: string): this {
    this.text += bytes;
    return this;
  }

  toBuffer(): Buffer {
    const out = takeBuffer(this.text.length);
    out.write(this.text, 0, 'latin1');
    return out;
  }
}

/** Text as its UTF-8 bytes in a one-byte string, for JsonBytes. */
const utf8Bytes = (text: string) => Buffer.from(text, 'utf8').toString('latin1');

/** One version of the directory, as read from the database. */
export class DirectorySnapshot {
  /** Grid row → grid column → the points of that cell (small integers as keys: no number boxing). */
  private readonly rows = new Map<number, Map<number, MemoryPoint[]>>();

  constructor(
    readonly version: number,
    rows: ReadonlyArray<SummaryRow & { grid_row: number; grid_col: number }>,
    private readonly calendar: Calendar,
  ) {
    const schedules = new Map<string, Schedule>();
    for (const row of rows) {
      const head = JSON.stringify(pointFields(row));
      const pause = parsePause(row.pause_json);
      let schedule = schedules.get(row.hours_json);
      if (!schedule) {
        schedule = { hours: parseHours(row.hours_json), minute: Number.NaN, status: '', open: false };
        schedules.set(row.hours_json, schedule);
      }
      const point: MemoryPoint = {
        id: row.id,
        subcategory: row.subcategory_id,
        townCode: row.town_code,
        communityId: row.community_id,
        lat: row.lat,
        lng: row.lng,
        schedule,
        head: utf8Bytes(head.slice(0, -1)),
        tail: `,"isDemo":${row.is_demo === 1}`,
        pause,
        pauseBytes: pause ? utf8Bytes(JSON.stringify(pause)) : 'null',
      };
      let gridRow = this.rows.get(row.grid_row);
      if (!gridRow) this.rows.set(row.grid_row, (gridRow = new Map()));
      const cell = gridRow.get(row.grid_col);
      if (cell) cell.push(point);
      else gridRow.set(row.grid_col, [point]);
    }
  }

  /**
   * The points within `reach` metres of `origin` passing `filters`, nearest first (ties by id): the grid cells
   * of the bounding box, then the box itself, then the circle — as the database query and findNearby do.
   */
  within(origin: LatLng, reach: number, filters: MemoryFilters): MemoryCandidate[] {
    const box = boundingBox(origin, reach);
    const cover = gridCover(box);
    const found: MemoryCandidate[] = [];
    for (const row of cover.rows) {
      const gridRow = this.rows.get(row);
      if (!gridRow) continue;
      for (let col = cover.firstCol; col <= cover.lastCol; col += 1) {
        const cell = gridRow.get(col);
        if (!cell) continue;
        for (const point of cell) {
          if (point.lat < box.minLat || point.lat > box.maxLat || point.lng < box.minLng || point.lng > box.maxLng) continue;
          if (filters.subcategories && !filters.subcategories.has(point.subcategory)) continue;
          if (filters.townCode !== undefined && point.townCode !== filters.townCode) continue;
          if (filters.communityId !== undefined && point.communityId !== filters.communityId) continue;
          const distance = distanceMetres(origin, point);
          if (distance <= reach) found.push({ id: point.id, distance, point });
        }
      }
    }
    return found.sort(byDistanceThenId);
  }

  /**
   * Whether the point is open at `now`. Opening hours are whole minutes from China-local midnights (whole
   * minutes of UTC), so the state — open or not, and when it closes or opens next — is the same at every instant
   * of a minute: it is computed once per minute for each set of hours.
   */
  isOpen(point: MemoryPoint, now: Date): boolean {
    return this.stateAt(point.schedule, now).open;
  }

  /** Appends the list item at `now` (toSummary, serialized). */
  writeItem(out: JsonBytes, candidate: MemoryCandidate, now: Date): void {
    const { point } = candidate;
    // The distance the search measured (distanceMetres, as toSummary measures it); minutes from the rounded
    // metres shown beside them.
    const metres = Math.round(candidate.distance);
    out.add(point.head).add(`,"distanceMeters":${metres},"walkingMinutes":${walkingMinutes(metres)}`).add(this.stateAt(point.schedule, now).status).add(point.tail);
    // As toSummary: the pause while it is ahead or in force, null once over (most points have none: no date computed).
    const showPause = point.pause !== null && currentPause(point.pause, chinaLocal(now).date) !== null;
    out.add(`,"paused":${showPause ? point.pauseBytes : 'null'}}`);
  }

  private stateAt(schedule: Schedule, now: Date): Schedule {
    const minute = Math.floor(now.getTime() / 60_000);
    if (schedule.minute === minute) return schedule;
    const status = openStatusAt(schedule.hours, now, this.calendar, directoryConfig.openingSearchDays);
    schedule.minute = minute;
    schedule.open = status.open;
    const closesAt = JSON.stringify(status.closesAt?.toISOString() ?? null);
    const nextOpenAt = JSON.stringify(status.nextOpenAt?.toISOString() ?? null);
    schedule.status = `,"openNow":${status.open},"closesAt":${closesAt},"nextOpenAt":${nextOpenAt}`;
    return schedule;
  }
}

/** Reads every point with what its list item shows (not its description, services or searchable text). */
async function readPoints(db: Kysely<Database>) {
  return pointsWithPlaceNames(db)
    .select([
      'service_points.id',
      'service_points.name',
      'service_points.category_id',
      'service_points.subcategory_id',
      'service_points.town_code',
      'service_points.community_id',
      'service_points.address',
      'service_points.lat',
      'service_points.lng',
      'service_points.grid_row',
      'service_points.grid_col',
      'service_points.phone',
      'service_points.hours_json',
      'service_points.is_demo',
      'service_points.pause_json',
    ])
    .execute();
}

/**
 * The current snapshot of this process: read on first use, and again whenever the database's directory version
 * has moved on (a request that saw the new version waits for the new snapshot, so it never answers older data
 * than it knows of). The version is read before the points: a snapshot is never older than its version says.
 */
export class DirectoryMemory {
  private snapshot: DirectorySnapshot | null = null;
  private loading: { version: number; promise: Promise<DirectorySnapshot> } | null = null;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly freshness: DirectoryFreshness,
    private readonly calendar: Calendar,
  ) {}

  async current(): Promise<DirectorySnapshot> {
    const version = await this.freshness.current(this.snapshot?.version ?? null);
    if (this.snapshot && this.snapshot.version >= version) return this.snapshot;
    if (this.loading?.version !== version) this.loading = { version, promise: this.load(version) };
    return this.loading.promise;
  }

  private async load(version: number): Promise<DirectorySnapshot> {
    try {
      const snapshot = new DirectorySnapshot(version, await readPoints(this.db), this.calendar);
      if (!this.snapshot || snapshot.version > this.snapshot.version) this.snapshot = snapshot;
      return snapshot;
    } finally {
      if (this.loading?.version === version) this.loading = null;
    }
  }
}
