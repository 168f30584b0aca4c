/**
 * 15 分钟生活圈 of a 社区: from its centre, and from each of its grid cells (population-weighted where the data has
 * it), by the directory's shared rule (nearestForDefinition, coverageReach). One widened circle search per 社区 —
 * the box around the centre and all its cells — on the directory's location grid; each place then keeps the
 * candidates within its own circle.
 */
import type { Kysely } from 'kysely';
import type { PlanningDetails } from '@contract/planning';
import { coverageDefinitions, coverageLayers, coverageReach, nearestForDefinition, type CoverageReach } from '@contract/rules/categories';
import { cellWeighting, weightedCellShare } from '@contract/rules/planning';
import { boundingBox, distanceMetres, walkableMetres, walkingMinutes, type BoundingBox, type LatLng } from '@contract/rules/walking';
import type { Database } from '../../db/schema';
import { gridCover } from '../../lib/location-grid';

export type Coverage = PlanningDetails['coverage'];
export interface Cell extends LatLng {
  population: number | null;
}
interface Candidate extends LatLng {
  subcategory_id: string;
}

const CIRCLE_METRES = walkableMetres(Math.max(...coverageLayers));
const COVERAGE_SUBCATEGORIES = [...new Set(coverageDefinitions.flatMap((d) => d.subcategories))];

function enclosing(boxes: readonly BoundingBox[]): BoundingBox {
  return {
    minLat: Math.min(...boxes.map((b) => b.minLat)),
    maxLat: Math.max(...boxes.map((b) => b.maxLat)),
    minLng: Math.min(...boxes.map((b) => b.minLng)),
    maxLng: Math.max(...boxes.map((b) => b.maxLng)),
  };
}

/** Each basic service's reach from one place, among the candidates of the widened search. */
function reachFrom(place: LatLng, candidates: readonly Candidate[]): CoverageReach[] {
  const nearest = new Map<string, { distance: number }>();
  for (const c of candidates) {
    const distance = distanceMetres(place, c);
    if (distance > CIRCLE_METRES) continue;
    const known = nearest.get(c.subcategory_id);
    if (!known || distance < known.distance) nearest.set(c.subcategory_id, { distance });
  }
  return coverageDefinitions.map((definition) => {
    const best = nearestForDefinition(definition, nearest);
    return coverageReach(definition, best ? walkingMinutes(Math.round(best.distance)) : null);
  });
}

export async function coverageOf(db: Kysely<Database>, centre: LatLng, cells: readonly Cell[]): Promise<Coverage> {
  const cover = gridCover(enclosing([centre, ...cells].map((p) => boundingBox(p, CIRCLE_METRES))));
  const candidates = await db
    .selectFrom('service_points')
    .select(['subcategory_id', 'lat', 'lng'])
    .where('grid_row', 'in', cover.rows)
    .where('grid_col', '>=', cover.firstCol)
    .where('grid_col', '<=', cover.lastCol)
    .where('subcategory_id', 'in', COVERAGE_SUBCATEGORIES)
    .where('closed_at', 'is', null) // a point closed after residents' reports (issue 20) serves nobody
    .execute();
  const fromCentre = reachFrom(centre, candidates);
  const fromCells = cells.map((cell) => ({ population: cell.population, reach: reachFrom(cell, candidates) }));
  const items = coverageDefinitions.map((definition, i) => ({
    id: definition.id,
    name: definition.name,
    targetMinutes: definition.targetMinutes,
    ...fromCentre[i],
    cellShare: weightedCellShare(fromCells, (cell) => cell.reach[i].meetsTarget),
    cellsReached: fromCells.filter((cell) => cell.reach[i].meetsTarget).length,
  }));
  const weighting = cellWeighting(cells);
  return {
    met: items.filter((i) => i.meetsTarget).length,
    total: items.length,
    items,
    cells: {
      count: cells.length,
      population: weighting === 'population' ? cells.reduce((sum, c) => sum + c.population!, 0) : null,
      weighting,
      share: weighting === 'none' ? null : oneDecimal(items.reduce((sum, i) => sum + i.cellShare!, 0) / items.length),
    },
  };
}

const oneDecimal = (value: number) => Math.round(value * 10) / 10;

/** A street's cell figure: its 社区's shares, weighted by their population when all have one, else by cell count. */
export function combineCells(parts: readonly Coverage['cells'][]): Coverage['cells'] {
  const withCells = parts.filter((p) => p.weighting !== 'none');
  const byPopulation = withCells.length > 0 && withCells.every((p) => p.weighting === 'population');
  const weight = (p: Coverage['cells']) => (byPopulation ? p.population! : p.count);
  const whole = withCells.reduce((sum, p) => sum + weight(p), 0);
  const part = withCells.reduce((sum, p) => sum + weight(p) * p.share!, 0);
  return {
    count: parts.reduce((sum, p) => sum + p.count, 0),
    population: byPopulation ? whole : null,
    weighting: withCells.length === 0 ? 'none' : byPopulation ? 'population' : 'equal',
    share: whole === 0 ? null : oneDecimal(part / whole),
  };
}
