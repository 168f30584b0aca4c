/**
 * Staff edits of a point (issue 20) without the database: the point as staff edit it, an edit applied to it,
 * which fields differ, and the columns to write. The field rules are the import's (contract/upkeep.ts reuses
 * servicePointInputSchema), so an edited point is always one an import could have stored.
 */
import { editableFieldNames, type EditableFieldName, type EditablePoint, type PointPatch } from '@contract/upkeep';
import type { Selectable } from 'kysely';
import type { Database } from '../../db/schema';
import { gridCol, gridRow } from '../../lib/location-grid';
import { offeredServiceOf, parseHours, parsePause } from './queries';
import { searchEntry } from './search-index';

type PointRow = Selectable<Database['service_points']>;
type ServiceRow = Selectable<Database['service_point_services']>;

export function editableOf(row: PointRow, services: ServiceRow[]): EditablePoint {
  return {
    id: row.id,
    name: row.name,
    subcategory: row.subcategory_id,
    address: row.address,
    lat: row.lat,
    lng: row.lng,
    phone: row.phone,
    hours: parseHours(row.hours_json),
    pause: parsePause(row.pause_json),
    services: services.map(offeredServiceOf),
    accessibility: JSON.parse(row.accessibility_json) as string[],
    description: row.description,
    verifiedAt: row.verified_at,
    version: row.version,
    communityId: row.community_id,
  };
}

/** The point after an edit: the fields sent replace the stored ones, the rest stay. */
export function applyPatch(before: EditablePoint, patch: PointPatch): EditablePoint {
  const after: EditablePoint = { ...before };
  for (const field of editableFieldNames) {
    if (patch[field] !== undefined) (after as Record<EditableFieldName, unknown>)[field] = patch[field];
  }
  return after;
}

/** The editable fields whose values differ (compared as JSON: hours, services and lists whole). */
export function changedFields(a: EditablePoint, b: EditablePoint): EditableFieldName[] {
  return editableFieldNames.filter((field) => JSON.stringify(a[field]) !== JSON.stringify(b[field]));
}

/** The service_points columns an edited point is stored as (grid cell and search text follow the fields). */
export function pointColumns(point: EditablePoint) {
  return {
    name: point.name,
    address: point.address,
    lat: point.lat,
    lng: point.lng,
    grid_row: gridRow(point.lat),
    grid_col: gridCol(point.lng),
    phone: point.phone,
    hours_json: JSON.stringify(point.hours),
    pause_json: point.pause === null ? null : JSON.stringify(point.pause),
    accessibility_json: JSON.stringify(point.accessibility),
    description: point.description,
  };
}

/** The keyword index entry of a point (name, address, services): rewritten when one of them changes. */
export function searchOf(point: EditablePoint): { searchText: string; terms: string[] } {
  return searchEntry({
    id: point.id,
    name: point.name,
    address: point.address,
    subcategoryId: point.subcategory,
    serviceNames: point.services.map((s) => s.name),
  });
}

/** Audit detail of a change: the changed fields' names and their values before and after (a point holds no personal data). */
export function auditDetail(before: EditablePoint, after: EditablePoint, fields: readonly EditableFieldName[]) {
  const pick = (p: EditablePoint) => JSON.stringify(Object.fromEntries(fields.map((f) => [f, p[f]])));
  return { fields: fields.join(','), fromVersion: before.version, toVersion: after.version, before: pick(before), after: pick(after) };
}
