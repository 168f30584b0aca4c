import type { Kysely } from 'kysely';
import type { Migration } from 'kysely';
import { idColumn } from '../../db/portable';

// Migrations take Kysely<any>: they describe the schema as it was at that version, not today's types.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const ratingsMigrations: Record<string, Migration> = {
  '0300_ratings': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('rating_visits')
        .addColumn('id', 'integer', (c) => idColumn(db, c))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('service_point_id', 'text', (c) => c.notNull().references('service_points.id'))
        .addColumn('visited_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('rating_visits_user_point').on('rating_visits').columns(['user_id', 'service_point_id', 'id']).execute();

      await db.schema
        .createTable('rating_visit_windows')
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('service_point_id', 'text', (c) => c.notNull().references('service_points.id'))
        .addColumn('last_visit_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('rating_visit_windows_pk', ['user_id', 'service_point_id'])
        .execute();

      await db.schema
        .createTable('ratings')
        .addColumn('id', 'integer', (c) => idColumn(db, c))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('interaction_kind', 'text', (c) => c.notNull())
        .addColumn('interaction_id', 'text', (c) => c.notNull())
        .addColumn('service_point_id', 'text', (c) => c.notNull().references('service_points.id'))
        .addColumn('community_id', 'text', (c) => c.references('communities.id'))
        .addColumn('town_code', 'text', (c) => c.notNull().references('towns.code'))
        .addColumn('level', 'integer', (c) => c.notNull())
        .addColumn('tags_json', 'text', (c) => c.notNull())
        .addColumn('comment', 'text')
        .addColumn('comment_status', 'text', (c) => c.notNull())
        .addColumn('comment_note', 'text')
        .addColumn('month', 'text', (c) => c.notNull())
        .addColumn('excluded', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('follow_up_level', 'text')
        .addColumn('follow_up_comment', 'text')
        .addColumn('follow_up_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        // 一次一评: the database itself refuses a second rating of the same interaction, whatever races.
        .addUniqueConstraint('ratings_one_per_interaction', ['interaction_kind', 'interaction_id'])
        .execute();
      await db.schema.createIndex('ratings_point').on('ratings').columns(['service_point_id', 'id']).execute();
      await db.schema.createIndex('ratings_user').on('ratings').columns(['user_id', 'id']).execute();
      await db.schema.createIndex('ratings_community_month').on('ratings').columns(['community_id', 'month']).execute();
      await db.schema.createIndex('ratings_town_month').on('ratings').columns(['town_code', 'month']).execute();

      await db.schema
        .createTable('rating_work_orders')
        .addColumn('id', 'integer', (c) => idColumn(db, c))
        .addColumn('rating_id', 'integer', (c) => c.notNull().unique().references('ratings.id'))
        .addColumn('service_point_id', 'text', (c) => c.notNull())
        .addColumn('community_id', 'text')
        .addColumn('town_code', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('opened_at', 'text', (c) => c.notNull())
        .addColumn('callback_due', 'text', (c) => c.notNull())
        .addColumn('feedback_due', 'text', (c) => c.notNull())
        .addColumn('due_on', 'text')
        .addColumn('handler_id', 'integer', (c) => c.references('users.id'))
        .addColumn('resolution', 'text')
        .addColumn('rectify_by', 'text')
        .addColumn('callback_at', 'text')
        .addColumn('feedback_on', 'text')
        .addColumn('closed_at', 'text')
        .execute();
      await db.schema.createIndex('rating_work_orders_queue').on('rating_work_orders').columns(['community_id', 'due_on', 'id']).execute();
      await db.schema.createIndex('rating_work_orders_town').on('rating_work_orders').columns(['town_code', 'due_on', 'id']).execute();

      await db.schema
        .createTable('rating_work_order_events')
        .addColumn('id', 'integer', (c) => idColumn(db, c))
        .addColumn('work_order_id', 'integer', (c) => c.notNull().references('rating_work_orders.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('actor_id', 'integer')
        .addColumn('note', 'text')
        .addColumn('public_text', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('rating_work_order_events_order').on('rating_work_order_events').columns(['work_order_id', 'id']).execute();

      await db.schema
        .createTable('rating_appeals')
        .addColumn('id', 'integer', (c) => idColumn(db, c))
        .addColumn('rating_id', 'integer', (c) => c.notNull().unique().references('ratings.id'))
        .addColumn('provider_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('decided_by', 'integer', (c) => c.references('users.id'))
        .addColumn('decision_note', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('decided_at', 'text')
        .execute();
      await db.schema.createIndex('rating_appeals_status').on('rating_appeals').columns(['status', 'id']).execute();
    },
    async down(db: Kysely<any>) {
      for (const table of ['rating_appeals', 'rating_work_order_events', 'rating_work_orders', 'ratings', 'rating_visit_windows', 'rating_visits']) {
        await db.schema.dropTable(table).execute();
      }
    },
  },
};
