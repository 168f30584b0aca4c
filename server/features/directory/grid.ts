/**
 * A grid-cell column for the location index: the world cut into 0.01° × 0.01° cells
 * (≈ 1.1 km × 0.83 km at 临江), numbered row by row so that the cells of one row inside a
 * bounding box form ONE contiguous integer range. A circle search then reads a handful of
 * `grid_cell BETWEEN a AND b` index ranges (3–4 rows for a 15-minute walk), so its cost
 * depends on how many points are near, not on the size of the table. Plain integers and
 * BETWEEN: portable to PostgreSQL as is.
 */
import type { BoundingBox, LatLng } from '@contract/rules/walking';

const CELLS_PER_DEGREE = 100;
/** Row stride: larger than the number of longitude cells (360 × 100). */
const ROW_STRIDE = 100_000;

const latRow = (lat: number) => Math.floor(lat * CELLS_PER_DEGREE) + 90 * CELLS_PER_DEGREE;
const lngColumn = (lng: number) => Math.floor(lng * CELLS_PER_DEGREE) + 180 * CELLS_PER_DEGREE;

export function gridCell({ lat, lng }: LatLng): number {
  return latRow(lat) * ROW_STRIDE + lngColumn(lng);
}

/** The [first, last] cell numbers of each grid row the box touches. */
export function gridCellRanges(box: BoundingBox): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const first = lngColumn(box.minLng);
  const last = lngColumn(box.maxLng);
  for (let row = latRow(box.minLat); row <= latRow(box.maxLat); row += 1) {
    ranges.push([row * ROW_STRIDE + first, row * ROW_STRIDE + last]);
  }
  return ranges;
}
