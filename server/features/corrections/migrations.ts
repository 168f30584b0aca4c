import type { Kysely, Migration } from 'kysely';
import { idColumn } from '../../db/portable';

// Migrations take Kysely<any>: they describe the schema as it was at that version, not today's types.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const correctionsMigrations: Record<string, Migration> = {
  '0600_corrections': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('corrections')
        .addColumn('id', 'integer', (c) => idColumn(db, c))
        .addColumn('service_point_id', 'text', (c) => c.notNull().references('service_points.id'))
        .addColumn('user_id', 'integer', (c) => c.references('users.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('text', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('due_date', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('outcome', 'text')
        .addColumn('note', 'text')
        .addColumn('handled_at', 'text')
        .addColumn('handled_by', 'integer', (c) => c.references('users.id'))
        .execute();
      // The queue (open reports by due date) and a point's open count read these.
      await db.schema.createIndex('corrections_point_state').on('corrections').columns(['service_point_id', 'state']).execute();
      await db.schema.createIndex('corrections_state_due').on('corrections').columns(['state', 'due_date']).execute();
      await db.schema.createIndex('corrections_user').on('corrections').columns(['user_id', 'created_at']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('corrections').execute();
    },
  },
  // A report sent again with the same Idempotency-Key (a retry on a weak signal) is the same report.
  '0610_corrections_idempotency': {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('corrections').addColumn('idempotency_key', 'text').execute();
      await db.schema.createIndex('corrections_user_key').unique().on('corrections').columns(['user_id', 'idempotency_key']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropIndex('corrections_user_key').execute();
      await db.schema.alterTable('corrections').dropColumn('idempotency_key').execute();
    },
  },
  // The daily limit decided by the database: each report takes the next number of its reporter's China day, and
  // two reports racing for the same number collide here (the loser counts again and may find the day full).
  '0620_corrections_daily_number': {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('corrections').addColumn('report_day', 'text').execute();
      await db.schema.alterTable('corrections').addColumn('day_number', 'integer').execute();
      await db.schema.createIndex('corrections_user_day_number').unique().on('corrections').columns(['user_id', 'report_day', 'day_number']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropIndex('corrections_user_day_number').execute();
      await db.schema.alterTable('corrections').dropColumn('day_number').execute();
      await db.schema.alterTable('corrections').dropColumn('report_day').execute();
    },
  },
};
