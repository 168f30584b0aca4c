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
      // Circle searches read one range per grid row; the index covers what the search needs (see server/lib/location-grid.ts).
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
  // Every later change of what a list item shows bumps directory_version (see tables.ts): in the database itself,
  // so imports, the admin CLI, other processes and hand-written SQL are all seen, not only this server's writes.
  '0510_directory_version': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('directory_version')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('version', 'integer', (c) => c.notNull())
        .execute();
      await db.insertInto('directory_version').values({ id: 1, version: 1 }).execute();
      if (databaseKind(db) === 'postgres') {
        // Once per statement, and a notification at commit to every server process listening (memory-freshness.ts).
        await sql`create function directory_changed() returns trigger language plpgsql as $$
          begin
            update directory_version set version = version + 1 where id = 1;
            perform pg_notify('directory_changed', '');
            return null;
          end $$`.execute(db);
        for (const [table, events] of VERSIONED_CHANGES) {
          await sql`create trigger ${sql.raw(`${table}_directory_changed`)} after ${sql.raw(events.join(' or '))} on ${sql.table(table)}
            for each statement execute function directory_changed()`.execute(db);
        }
      } else {
        for (const [table, events] of VERSIONED_CHANGES) {
          for (const event of events) {
            await sql`create trigger ${sql.raw(`${table}_directory_${event}`)} after ${sql.raw(event)} on ${sql.table(table)}
              begin update directory_version set version = version + 1 where id = 1; end`.execute(db);
          }
        }
      }
    },
    async down(db: Kysely<any>) {
      if (databaseKind(db) === 'postgres') {
        for (const [table] of VERSIONED_CHANGES) await sql`drop trigger ${sql.raw(`${table}_directory_changed`)} on ${sql.table(table)}`.execute(db);
        await sql`drop function directory_changed()`.execute(db);
      } else {
        for (const [table, events] of VERSIONED_CHANGES) {
          for (const event of events) await sql`drop trigger ${sql.raw(`${table}_directory_${event}`)}`.execute(db);
        }
      }
      await db.schema.dropTable('directory_version').execute();
    },
  },
  // Issue 20: staff edits (version), pauses and closing. Existing points start at version 1, open, not paused.
  '0520_directory_upkeep': {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('service_points').addColumn('version', 'integer', (c) => c.notNull().defaultTo(1)).execute();
      await db.schema.alterTable('service_points').addColumn('pause_json', 'text').execute();
      await db.schema.alterTable('service_points').addColumn('closed_at', 'text').execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.alterTable('service_points').dropColumn('closed_at').execute();
      await db.schema.alterTable('service_points').dropColumn('pause_json').execute();
      await db.schema.alterTable('service_points').dropColumn('version').execute();
    },
  },
};

/**
 * What changes a list item: any write to a point; a town or community only by its name (a new one changes no
 * point, and one still named by a point cannot be deleted).
 */
const VERSIONED_CHANGES: Array<[string, string[]]> = [
  ['service_points', ['insert', 'update', 'delete']],
  ['towns', ['update']],
  ['communities', ['update']],
];

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
