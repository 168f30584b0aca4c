/**
 * Grid columns for the location index: the map cut into 0.0025° × 0.0025° cells (≈ 280 m ×
 * 210 m at 临江), each point stored with its cell's row and column. A circle search reads
 * `grid_row IN (…) AND grid_col BETWEEN a AND b` — one short index range per row of the
 * bounding box (≈ 10 rows for a 15-minute walk) on an index that also holds lat, lng,
 * subcategory and id, so the candidates come from the index alone. Its cost depends on how
 * many points are near, not on the size of the table. Plain integers: portable to PostgreSQL.
 */
import type { BoundingBox } from '@contract/rules/walking';

const CELLS_PER_DEGREE = 400;

export const gridRow = (lat: number) => Math.floor(lat * CELLS_PER_DEGREE);
export const gridCol = (lng: number) => Math.floor(lng * CELLS_PER_DEGREE);

/** The grid rows a box touches and the column range it spans in each of them. */
export function gridCover(box: BoundingBox): { rows: number[]; firstCol: number; lastCol: number } {
  const rows: number[] = [];
  for (let row = gridRow(box.minLat); row <= gridRow(box.maxLat); row += 1) rows.push(row);
  return { rows, firstCol: gridCol(box.minLng), lastCol: gridCol(box.maxLng) };
}
