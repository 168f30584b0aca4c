import { sql, type Kysely } from 'kysely';
import type { Migration } from 'kysely';
import { idColumn } from '../../db/portable';

// Migrations take Kysely<any>: they describe the schema as it was at that version, not today's types.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const careMigrations: Record<string, Migration> = {
  '0200_care': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('elder_profiles')
        .addColumn('id', 'integer', (c) => idColumn(db, c))
        .addColumn('user_id', 'integer', (c) => c.references('users.id').unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('id_number_encrypted', 'text', (c) => c.notNull())
        .addColumn('id_number_hash', 'text', (c) => c.notNull().unique())
        .addColumn('birth_date', 'text', (c) => c.notNull())
        .addColumn('phone_encrypted', 'text')
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id'))
        .addColumn('grid', 'text')
        .addColumn('living_situation', 'text', (c) => c.notNull())
        .addColumn('emergency_contacts_encrypted', 'text', (c) => c.notNull())
        .addColumn('health_notes', 'text', (c) => c.notNull())
        .addColumn('diet', 'text', (c) => c.notNull())
        .addColumn('classes_json', 'text', (c) => c.notNull())
        .addColumn('dibao', 'integer', (c) => c.notNull())
        .addColumn('bath_assessed_on', 'text')
        .addColumn('booking_seq', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_by', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('elder_profiles_community').on('elder_profiles').columns(['community_id', 'name', 'id']).execute();

      await db.schema
        .createTable('elder_bindings')
        .addColumn('id', 'integer', (c) => idColumn(db, c))
        .addColumn('elder_id', 'integer', (c) => c.notNull().references('elder_profiles.id').onDelete('cascade'))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('relation', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('code_hash', 'text')
        .addColumn('code_expires_at', 'text')
        .addColumn('code_attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('requested_at', 'text', (c) => c.notNull())
        .addColumn('confirmed_at', 'text')
        .addColumn('confirmed_by', 'text')
        .addUniqueConstraint('elder_bindings_elder_user', ['elder_id', 'user_id'])
        .execute();
      await db.schema.createIndex('elder_bindings_user').on('elder_bindings').column('user_id').execute();

      await db.schema
        .createTable('care_services')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('service_point_id', 'text', (c) => c.notNull().references('service_points.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('place', 'text', (c) => c.notNull())
        .addColumn('price_fen', 'integer', (c) => c.notNull())
        .addColumn('delivery_fee_fen', 'integer')
        .addColumn('slot_template_json', 'text', (c) => c.notNull())
        .addColumn('weekly_menu_json', 'text')
        .addColumn('position', 'integer', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('care_services_point').on('care_services').column('service_point_id').execute();

      await db.schema
        .createTable('care_slots')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('service_id', 'text', (c) => c.notNull().references('care_services.id'))
        .addColumn('date', 'text', (c) => c.notNull())
        .addColumn('start_time', 'text', (c) => c.notNull())
        .addColumn('end_time', 'text', (c) => c.notNull())
        .addColumn('capacity', 'integer', (c) => c.notNull())
        .addColumn('booked', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('menu', 'text')
        .addCheckConstraint('care_slots_not_over_capacity', sql`booked >= 0 and booked <= capacity`)
        .execute();
      await db.schema.createIndex('care_slots_service_date').on('care_slots').columns(['service_id', 'date', 'start_time']).execute();

      await db.schema
        .createTable('bookings')
        .addColumn('id', 'integer', (c) => idColumn(db, c))
        .addColumn('booker_user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('elder_id', 'integer', (c) => c.notNull().references('elder_profiles.id'))
        .addColumn('service_point_id', 'text', (c) => c.notNull().references('service_points.id'))
        .addColumn('service_id', 'text', (c) => c.notNull().references('care_services.id'))
        .addColumn('slot_id', 'text', (c) => c.notNull().references('care_slots.id'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('slot_date', 'text', (c) => c.notNull())
        .addColumn('slot_start', 'text', (c) => c.notNull())
        .addColumn('slot_end', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('booker_relation', 'text', (c) => c.notNull())
        .addColumn('meal_mode', 'text')
        .addColumn('address', 'text')
        .addColumn('note', 'text')
        .addColumn('price_json', 'text', (c) => c.notNull())
        .addColumn('payable_fen', 'integer', (c) => c.notNull())
        .addColumn('active_slot_id', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('completed_at', 'text')
        // One place per elder and slot while the booking holds it (NULL once cancelled: distinct on both databases).
        .addUniqueConstraint('bookings_elder_active_slot', ['elder_id', 'active_slot_id'])
        .execute();
      await db.schema.createIndex('bookings_elder_date').on('bookings').columns(['elder_id', 'slot_date']).execute();
      await db.schema.createIndex('bookings_booker').on('bookings').columns(['booker_user_id', 'id']).execute();
      await db.schema.createIndex('bookings_point_date').on('bookings').columns(['service_point_id', 'slot_date']).execute();
      await db.schema.createIndex('bookings_slot').on('bookings').column('slot_id').execute();

      await db.schema
        .createTable('booking_events')
        .addColumn('id', 'integer', (c) => idColumn(db, c))
        .addColumn('booking_id', 'integer', (c) => c.notNull().references('bookings.id').onDelete('cascade'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('by_user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('by_role', 'text', (c) => c.notNull())
        .addColumn('note', 'text')
        .execute();
      await db.schema.createIndex('booking_events_booking').on('booking_events').columns(['booking_id', 'id']).execute();

      await db.schema
        .createTable('booking_requests')
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('idempotency_key', 'text', (c) => c.notNull())
        .addColumn('body_hash', 'text', (c) => c.notNull())
        .addColumn('booking_id', 'integer', (c) => c.references('bookings.id'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('booking_requests_pk', ['user_id', 'idempotency_key'])
        .execute();

      await db.schema
        .createTable('care_visits')
        .addColumn('id', 'integer', (c) => idColumn(db, c))
        .addColumn('elder_id', 'integer', (c) => c.notNull().references('elder_profiles.id').onDelete('cascade'))
        .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id'))
        .addColumn('worker_user_id', 'integer', (c) => c.notNull().references('users.id'))
        .addColumn('method', 'text', (c) => c.notNull())
        .addColumn('visited_on', 'text', (c) => c.notNull())
        .addColumn('month', 'text', (c) => c.notNull())
        .addColumn('health', 'text', (c) => c.notNull())
        .addColumn('economy', 'text', (c) => c.notNull())
        .addColumn('safety', 'text', (c) => c.notNull())
        .addColumn('needs_referred', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('care_visits_community_month').on('care_visits').columns(['community_id', 'month']).execute();
      await db.schema.createIndex('care_visits_elder').on('care_visits').columns(['elder_id', 'visited_on']).execute();
    },
    async down(db: Kysely<any>) {
      for (const table of ['care_visits', 'booking_requests', 'booking_events', 'bookings', 'care_slots', 'care_services', 'elder_bindings', 'elder_profiles']) {
        await db.schema.dropTable(table).execute();
      }
    },
  },
};
