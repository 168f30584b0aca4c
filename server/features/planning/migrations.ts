import type { Kysely, Migration } from 'kysely';

// Migrations take Kysely<any>: they describe the schema as it was at that version, not today's types.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const planningMigrations: Record<string, Migration> = {
  '0600_planning_cells': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('planning_cells')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id').onDelete('cascade'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('lat', 'double precision', (c) => c.notNull())
        .addColumn('lng', 'double precision', (c) => c.notNull())
        .addColumn('population', 'integer')
        .execute();
      // The planner reads a street's cells at once: community_id IN (…).
      await db.schema.createIndex('planning_cells_community').on('planning_cells').column('community_id').execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('planning_cells').execute();
    },
  },
};
