import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely';
import { databaseKind } from '../../db/portable';
import { insertTerms, searchEntry } from './search-index';

// Migrations take Kysely<any>: they describe the schema as it was at that version, not today's types.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const directoryMigrations: Record<string, Migration> = {
  '0100_directory': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('service_points')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('category_id', 'text', (c) => c.notNull())
        .addColumn('subcategory_id', 'text', (c) => c.notNull())
        .addColumn('town_code', 'text', (c) => c.notNull().references('towns.code'))
        .addColumn('community_id', 'text', (c) => c.references('communities.id'))
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('lat', 'double precision', (c) => c.notNull())
        .addColumn('lng', 'double precision', (c) => c.notNull())
        .addColumn('grid_row', 'integer', (c) => c.notNull())
        .addColumn('grid_col', 'integer', (c) => c.notNull())
        .addColumn('phone', 'text', (c) => c.notNull())
        .addColumn('hours_json', 'text', (c) => c.notNull())
        .addColumn('operator', 'text', (c) => c.notNull())
        .addColumn('accessibility_json', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('search_text', 'text', (c) => c.notNull())
        .addColumn('verified_at', 'text', (c) => c.notNull())
        .addColumn('is_demo', 'integer', (c) => c.notNull())
        .execute();
      // Circle searches read one range per grid row; the index covers what the search needs (see grid.ts).
      await db.schema
        .createIndex('service_points_location')
        .on('service_points')
        .columns(['grid_row', 'grid_col', 'lat', 'lng', 'subcategory_id', 'id'])
        .execute();
      // Lists without a location are ordered by name, then id (keyset paging).
      await db.schema.createIndex('service_points_name').on('service_points').columns(['name', 'id']).execute();
      await db.schema.createIndex('service_points_subcategory').on('service_points').column('subcategory_id').execute();
      await db.schema.createIndex('service_points_town').on('service_points').column('town_code').execute();
      await db.schema.createIndex('service_points_community').on('service_points').column('community_id').execute();

      await db.schema
        .createTable('service_point_services')
        .addColumn('service_point_id', 'text', (c) => c.notNull().references('service_points.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('price_cents', 'integer', (c) => c.notNull())
        .addColumn('unit', 'text', (c) => c.notNull())
        .addColumn('subsidised', 'integer', (c) => c.notNull())
        .addColumn('subsidy_cents', 'integer')
        .addPrimaryKeyConstraint('service_point_services_pk', ['service_point_id', 'position'])
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('service_point_services').execute();
      await db.schema.dropTable('service_points').execute();
    },
  },
  // Sorts after every feature's first migration: databases that already ran those take it as the next one.
  '0500_directory_search': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('service_point_terms')
        // Binary order on PostgreSQL too (as SQLite's default): "terms starting with 药" is then one key range.
        .addColumn('term', 'text', (c) => (databaseKind(db) === 'postgres' ? c.modifyFront(sql`collate "C"`) : c).notNull())
        .addColumn('point_id', 'text', (c) => c.notNull().references('service_points.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('service_point_terms_pk', ['term', 'point_id'])
        .execute();
      await db.schema.createIndex('service_point_terms_point').on('service_point_terms').column('point_id').execute();
      await reindexAllPoints(db);
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('service_point_terms').execute();
    },
  },
};

/** Rebuilds the searchable text and the terms of every stored point (in batches, by id). */
export async function reindexAllPoints(db: Kysely<any>): Promise<void> {
  await db.deleteFrom('service_point_terms').execute();
  let after = '';
  for (;;) {
    const points: Array<{ id: string; name: string; address: string; subcategory_id: string }> = await db
      .selectFrom('service_points')
      .select(['id', 'name', 'address', 'subcategory_id'])
      .where('id', '>', after)
      .orderBy('id')
      .limit(500)
      .execute();
    if (points.length === 0) return;
    const services: Array<{ service_point_id: string; name: string }> = await db
      .selectFrom('service_point_services')
      .select(['service_point_id', 'name'])
      .where('service_point_id', 'in', points.map((p) => p.id))
      .orderBy('service_point_id')
      .orderBy('position')
      .execute();
    const terms: Array<{ term: string; point_id: string }> = [];
    for (const point of points) {
      const entry = searchEntry({
        id: point.id,
        name: point.name,
        address: point.address,
        subcategoryId: point.subcategory_id,
        serviceNames: services.filter((s) => s.service_point_id === point.id).map((s) => s.name),
      });
      await db.updateTable('service_points').set({ search_text: entry.searchText }).where('id', '=', point.id).execute();
      terms.push(...entry.terms.map((term) => ({ term, point_id: point.id })));
    }
    await insertTerms(db, terms);
    after = points[points.length - 1].id;
  }
}
