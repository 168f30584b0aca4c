/**
 * The directory held in memory by each server process, for the list near a place (issue 12): every point's list
 * item already serialized up to its phone, its opening state computed once per minute, and a grid of cells (the
 * same cells as the database's location index, grid.ts) to find the points near a place without a query. A
 * request then costs one cheap version check (memory-freshness.ts) instead of three queries, 20 rows read at
 * random, opening hours recomputed for every point and a zod pass over the answer.
 *
 * The answers are byte for byte those of the database path (pinned-answers.test.ts): the same fields
 * (pointFields, toSummary), the same box and circle tests and the same order (distance, then id).
 * Keyword searches stay on the database's term index (queries.ts).
 */
import type { Kysely } from 'kysely';
import type { Calendar } from '@contract/rules/calendar';
import { openStatusAt, type OpeningHours } from '@contract/rules/opening-hours';
import { boundingBox, distanceMetres, walkingMinutes, type LatLng } from '@contract/rules/walking';
import directoryConfig from '../../../config/domain/directory.json';
import type { Database } from '../../db/schema';
import { gridCover } from './grid';
import type { DirectoryFreshness } from './memory-freshness';
import { byDistanceThenId, parseHours, pointFields, pointsWithPlaceNames, type Candidate, type SummaryRow } from './queries';

interface MemoryPoint {
  id: string;
  subcategory: string;
  townCode: string;
  communityId: string | null;
  lat: number;
  lng: number;
  hours: OpeningHours;
  /** The list item's JSON up to the phone, without the closing brace, as UTF-8 (encoded once, not per answer). */
  head: Buffer;
  /** The list item's JSON after the opening state: `,"isDemo":…}`. */
  tail: string;
  /** The minute (ms since epoch / 60,000) `statusAndTail` and `open` were computed for. */
  statusMinute: number;
  /** `,"openNow":…,"closesAt":…,"nextOpenAt":…` at that minute, and the tail. */
  statusAndTail: string;
  open: boolean;
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
 * JSON text built from pieces into one UTF-8 buffer: the points' heads already encoded, and the request's own
 * pieces, which are ASCII only (punctuation, numbers, ISO instants, base64url cursors, true/false/null), written
 * byte for byte. No 10 KB string is built, flattened and encoded again for every answer.
 */
export class JsonBytes {
  private readonly parts: Array<string | Buffer> = [];
  private size = 0;
  /** ASCII written since the last buffer: one write for all of it. */
  private text = '';

  /** ASCII text only: anything else would be written wrongly. */
  ascii(text: string): this {
    this.text += text;
    return this;
  }

  utf8(bytes: Buffer): this {
    this.flushText();
    this.parts.push(bytes);
    this.size += bytes.length;
    return this;
  }

  toBuffer(): Buffer {
    this.flushText();
    const out = takeBuffer(this.size);
    let at = 0;
    for (const part of this.parts) at += typeof part === 'string' ? out.write(part, at, 'latin1') : part.copy(out, at);
    return out;
  }

  private flushText(): void {
    if (this.text === '') return;
    this.parts.push(this.text);
    this.size += this.text.length;
    this.text = '';
  }
}

/** One version of the directory, as read from the database. */
export class DirectorySnapshot {
  /** Grid row → grid column → the points of that cell (small integers as keys: no number boxing). */
  private readonly rows = new Map<number, Map<number, MemoryPoint[]>>();

  constructor(
    readonly version: number,
    rows: ReadonlyArray<SummaryRow & { grid_row: number; grid_col: number }>,
    private readonly calendar: Calendar,
  ) {
    for (const row of rows) {
      const head = JSON.stringify(pointFields(row));
      const point: MemoryPoint = {
        id: row.id,
        subcategory: row.subcategory_id,
        townCode: row.town_code,
        communityId: row.community_id,
        lat: row.lat,
        lng: row.lng,
        hours: parseHours(row.hours_json),
        head: Buffer.from(head.slice(0, -1)),
        tail: `,"isDemo":${row.is_demo === 1}}`,
        statusMinute: Number.NaN,
        statusAndTail: '',
        open: false,
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
   * of a minute: it is computed once per point per minute.
   */
  isOpen(point: MemoryPoint, now: Date): boolean {
    this.refreshStatus(point, now);
    return point.open;
  }

  /** Appends the list item at `now` (toSummary, serialized). */
  writeItem(out: JsonBytes, candidate: MemoryCandidate, now: Date): void {
    const { point } = candidate;
    this.refreshStatus(point, now);
    // The distance the search measured (distanceMetres, as toSummary measures it); minutes from the rounded
    // metres shown beside them.
    const metres = Math.round(candidate.distance);
    out.utf8(point.head).ascii(`,"distanceMeters":${metres},"walkingMinutes":${walkingMinutes(metres)}`).ascii(point.statusAndTail);
  }

  private refreshStatus(point: MemoryPoint, now: Date): void {
    const minute = Math.floor(now.getTime() / 60_000);
    if (point.statusMinute === minute) return;
    const status = openStatusAt(point.hours, now, this.calendar, directoryConfig.openingSearchDays);
    point.statusMinute = minute;
    point.open = status.open;
    const closesAt = JSON.stringify(status.closesAt?.toISOString() ?? null);
    const nextOpenAt = JSON.stringify(status.nextOpenAt?.toISOString() ?? null);
    point.statusAndTail = `,"openNow":${status.open},"closesAt":${closesAt},"nextOpenAt":${nextOpenAt}${point.tail}`;
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
