import type { Generated } from 'kysely';

/** A service point of the 15-minute circle (DOMAIN.md §1). */
export interface ServicePointsTable {
  id: string;
  name: string;
  category_id: string;
  subcategory_id: string;
  town_code: string;
  community_id: string | null;
  address: string;
  lat: number;
  lng: number;
  /** See server/lib/location-grid.ts: the indexed cell that makes circle searches independent of table size. */
  grid_row: number;
  grid_col: number;
  phone: string;
  /** OpeningHours (contract/rules/opening-hours.ts) as JSON: always read and written whole. */
  hours_json: string;
  operator: string;
  /** JSON array of facility names (无障碍坡道 …). */
  accessibility_json: string;
  description: string;
  /**
   * What the keyword search confirms a match in: name, address, services, category and subcategory names,
   * folded (see search-index.ts).
   */
  search_text: string;
  /** 'YYYY-MM-DD' */
  verified_at: string;
  is_demo: number;
  /** Optimistic lock of staff edits (point-edits.ts): every edit or 核实 adds 1; an edit names the version it started from. */
  version: Generated<number>;
  /** A PointPause (contract/rules/pause.ts) as JSON, or null: kept after it ends until staff clear it. */
  pause_json: string | null;
  /** ISO time the point was closed for good (关门了, confirmed by a worker): it leaves every list, search and detail. */
  closed_at: string | null;
}

/** A service a point offers, with its price in fen. */
export interface ServicePointServicesTable {
  service_point_id: string;
  position: number;
  name: string;
  price_cents: number;
  unit: string;
  subsidised: number;
  subsidy_cents: number | null;
}

/** The keyword index (search-index.ts): one row per term of a point's searchable text. */
export interface ServicePointTermsTable {
  term: string;
  point_id: string;
}

/**
 * One row (id 1) counting changes of the directory: triggers add 1 on every insert, update or delete of service
 * points and every change of a town's or community's name (migration 0510), so a server process holding the
 * directory in memory (memory.ts) knows when to read it again.
 */
export interface DirectoryVersionTable {
  id: number;
  version: number;
}

export interface DirectoryTables {
  directory_version: DirectoryVersionTable;
  service_points: ServicePointsTable;
  service_point_services: ServicePointServicesTable;
  service_point_terms: ServicePointTermsTable;
}
