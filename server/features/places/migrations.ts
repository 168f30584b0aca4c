import type { Kysely } from 'kysely';
import type { Migration } from 'kysely';

// Migrations take Kysely<any>: they describe the schema as it was at that version, not today's types.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const placesMigrations: Record<string, Migration> = {
  '0001_places': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('towns')
        .addColumn('code', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('lat', 'double precision', (c) => c.notNull())
        .addColumn('lng', 'double precision', (c) => c.notNull())
        .addColumn('sort_order', 'integer', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('communities')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('town_code', 'text', (c) => c.notNull().references('towns.code'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('is_demo', 'integer', (c) => c.notNull())
        .addColumn('lat', 'double precision', (c) => c.notNull())
        .addColumn('lng', 'double precision', (c) => c.notNull())
        .addColumn('phone', 'text', (c) => c.notNull())
        .addColumn('sort_order', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('communities_town_code').on('communities').column('town_code').execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('communities').execute();
      await db.schema.dropTable('towns').execute();
    },
  },
};
