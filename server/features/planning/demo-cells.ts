/**
 * Demo grid cells (网格) of the 新市街道 社区, placed a few hundred metres around each 社区's centre, with invented
 * populations. 沿江社区's grid data has no head counts (its cells weigh alike); 兴华社区 has a cell out by the river,
 * over a kilometre east, so its residents reach less than its centre does. Every other 社区 has no cells.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

const METRES_PER_DEGREE_LAT = 111_195;
const NAMES = ['第一网格', '第二网格', '第三网格', '第四网格', '第五网格'];

/** Per 社区: each cell's offset from the centre in metres (north, east) and its population. */
const DEMO_CELLS: Record<string, Array<[north: number, east: number, population: number | null]>> = {
  xinshi: [
    [350, 300, 1850],
    [-300, 250, 2100],
    [-250, -400, 1600],
    [400, -350, 1320],
  ],
  yanjiang: [
    [300, 0, null],
    [-350, 300, null],
    [-100, -450, null],
  ],
  'xinshi-xinghua': [
    [250, 200, 1200],
    [-200, 300, 980],
    [-300, -250, 1430],
    [350, -300, 760],
    [100, 1150, 640],
  ],
};

export async function seedDemoCells(db: Kysely<Database>): Promise<void> {
  const centres = await db.selectFrom('communities').select(['id', 'lat', 'lng']).where('id', 'in', Object.keys(DEMO_CELLS)).execute();
  const rows = centres.flatMap((centre) =>
    DEMO_CELLS[centre.id].map(([north, east, population], index) => ({
      id: `${centre.id}-${index + 1}`,
      community_id: centre.id,
      name: NAMES[index],
      lat: Math.round((centre.lat + north / METRES_PER_DEGREE_LAT) * 1e6) / 1e6,
      lng: Math.round((centre.lng + east / (METRES_PER_DEGREE_LAT * Math.cos((centre.lat * Math.PI) / 180))) * 1e6) / 1e6,
      population,
    })),
  );
  if (rows.length > 0) await db.insertInto('planning_cells').values(rows).execute();
}
