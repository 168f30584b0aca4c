/**
 * The 15-minute coverage of a place (DOMAIN.md §1): for each basic service of the circle
 * (config/domain/directory.json), the nearest point and the layer it falls in — 5, 8 or
 * 15 minutes on foot, or not within 15 minutes.
 */
import type { Kysely } from 'kysely';
import type { CoverageItem } from '@contract/directory';
import { coverageDefinitions, coverageLayers, coverageReach, findSubcategory, nearestForDefinition } from '@contract/rules/categories';
import { walkableMetres, walkingMinutes, type LatLng } from '@contract/rules/walking';
import directoryConfig from '../../../config/domain/directory.json';
import type { Database } from '../../db/schema';
import { findNearby, type NearbyCandidate } from './queries';

const CIRCLE_METRES = walkableMetres(Math.max(...coverageLayers));

export async function computeCoverage(db: Kysely<Database>, origin: LatLng): Promise<CoverageItem[]> {
  const allSubcategories = [...new Set(coverageDefinitions.flatMap((d) => d.subcategories))];
  const nearest = new Map<string, { id: string; distance: number }>();
  const remember = (candidates: NearbyCandidate[]) => {
    for (const c of candidates) if (!nearest.has(c.subcategory)) nearest.set(c.subcategory, c);
  };
  // First the circle itself (the common case, cheap); then, for what is missing, the whole search range.
  remember(await findNearby(db, origin, CIRCLE_METRES, { subcategories: allSubcategories }, false));
  const missing = allSubcategories.filter((s) => !nearest.has(s));
  if (missing.length > 0) remember(await findNearby(db, origin, directoryConfig.maxRadiusMetres, { subcategories: missing }, false));

  const pointIds = [...new Set([...nearest.values()].map((n) => n.id))];
  const rows = pointIds.length
    ? await db.selectFrom('service_points').select(['id', 'name', 'subcategory_id', 'is_demo']).where('id', 'in', pointIds).execute()
    : [];
  const rowsById = new Map(rows.map((r) => [r.id, r]));

  return coverageDefinitions.map((definition) => {
    const best = nearestForDefinition(definition, nearest);
    const row = best ? rowsById.get(best.id) : undefined;
    const { walkingMinutes: minutes, layer, meetsTarget } = coverageReach(definition, best ? walkingMinutes(Math.round(best.distance)) : null);
    return {
      id: definition.id,
      name: definition.name,
      targetMinutes: definition.targetMinutes,
      subcategories: definition.subcategories,
      nearest:
        best && row && minutes !== null
          ? {
              id: row.id,
              name: row.name,
              subcategory: row.subcategory_id,
              subcategoryName: findSubcategory(row.subcategory_id)?.name ?? row.subcategory_id,
              distanceMeters: Math.round(best.distance),
              walkingMinutes: minutes,
              isDemo: row.is_demo === 1,
            }
          : null,
      layer,
      meetsTarget,
    };
  });
}

/** Groups in the order the page shows them: 5, 8, 15 minutes, then not within 15 minutes. */
export function groupCoverage(items: CoverageItem[]) {
  const labels = new Map<number | null, string>();
  let previous = 0;
  for (const layer of coverageLayers) {
    labels.set(layer, previous === 0 ? `步行 ${layer} 分钟内` : `步行 ${previous + 1}–${layer} 分钟`);
    previous = layer;
  }
  labels.set(null, `${previous} 分钟内没有`);
  return [...labels].map(([layer, label]) => ({ layer, label, items: items.filter((item) => item.layer === layer) }));
}
