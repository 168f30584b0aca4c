/**
 * A 社区's grid cells (网格): where its residents live, so 15-minute coverage is judged from where people are and
 * not only from the 社区's centre. Population is optional: the grid data of many 社区 has none.
 */
export interface PlanningCellsTable {
  /** e.g. 'xinshi-1' */
  id: string;
  community_id: string;
  /** e.g. 第一网格 */
  name: string;
  lat: number;
  lng: number;
  population: number | null;
}

export interface PlanningTables {
  planning_cells: PlanningCellsTable;
}
