import type { Kysely } from 'kysely';
import type { Migration } from 'kysely';
import { idColumn } from '../../db/portable';

// Migrations take Kysely<any>: they describe the schema as it was at that version, not today's types.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const volunteersMigrations: Record<string, Migration> = {
  '0400_volunteers': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('volunteer_teams')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('is_party_team', 'integer', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('volunteers')
        .addColumn('id', 'integer', (c) => idColumn(db, c))
        .addColumn('user_id', 'integer', (c) => c.notNull().unique().references('users.id').onDelete('cascade'))
        .addColumn('real_name', 'text', (c) => c.notNull())
        .addColumn('id_type', 'text', (c) => c.notNull())
        .addColumn('id_number_encrypted', 'text', (c) => c.notNull())
        // One registration per ID number, checked without storing the number in the clear.
        .addColumn('id_number_hash', 'text', (c) => c.notNull().unique())
        .addColumn('id_number_masked', 'text', (c) => c.notNull())
        .addColumn('birth_date', 'text', (c) => c.notNull())
        .addColumn('sex', 'text', (c) => c.notNull())
        .addColumn('phone_encrypted', 'text', (c) => c.notNull())
        .addColumn('phone_masked', 'text', (c) => c.notNull())
        .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id'))
        .addColumn('skills_json', 'text', (c) => c.notNull())
        .addColumn('availability_json', 'text', (c) => c.notNull())
        .addColumn('is_party_member', 'integer', (c) => c.notNull())
        .addColumn('national_number', 'text')
        .addColumn('guardian_name', 'text')
        .addColumn('guardian_phone_encrypted', 'text')
        .addColumn('guardian_phone_masked', 'text')
        .addColumn('guardian_consent_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('activities')
        .addColumn('id', 'integer', (c) => idColumn(db, c))
        .addColumn('community_id', 'text', (c) => c.notNull().references('communities.id'))
        .addColumn('team_id', 'text', (c) => c.references('volunteer_teams.id'))
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('description', 'text', (c) => c.notNull())
        .addColumn('notice', 'text', (c) => c.notNull())
        .addColumn('point_id', 'text')
        .addColumn('address', 'text')
        .addColumn('lat', 'double precision')
        .addColumn('lng', 'double precision')
        .addColumn('starts_at', 'text', (c) => c.notNull())
        .addColumn('ends_at', 'text', (c) => c.notNull())
        .addColumn('signup_deadline', 'text', (c) => c.notNull())
        .addColumn('capacity', 'integer', (c) => c.notNull())
        .addColumn('taken', 'integer', (c) => c.notNull())
        .addColumn('min_age', 'integer', (c) => c.notNull())
        .addColumn('skills_json', 'text', (c) => c.notNull())
        .addColumn('safeguards_json', 'text', (c) => c.notNull())
        .addColumn('target_group', 'text', (c) => c.notNull())
        .addColumn('cancelled_at', 'text')
        .addColumn('cancel_reason', 'text')
        .addColumn('created_by', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('is_demo', 'integer', (c) => c.notNull())
        .execute();
      // Lists are ordered by start, then id (keyset paging), mostly within one community.
      await db.schema.createIndex('activities_start').on('activities').columns(['starts_at', 'id']).execute();
      await db.schema.createIndex('activities_community').on('activities').columns(['community_id', 'starts_at']).execute();

      await db.schema
        .createTable('activity_signups')
        .addColumn('id', 'integer', (c) => idColumn(db, c))
        .addColumn('activity_id', 'integer', (c) => c.notNull().references('activities.id').onDelete('cascade'))
        .addColumn('volunteer_id', 'integer', (c) => c.notNull().references('volunteers.id').onDelete('cascade'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('accompanied', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('checked_in_at', 'text')
        .addColumn('checked_out_at', 'text')
        .addColumn('half_hours', 'integer')
        .addColumn('confirmed_at', 'text')
        .addColumn('confirmed_by', 'integer')
        // One sign-up per volunteer and activity: a retried or doubled request can never take two places.
        .addUniqueConstraint('activity_signups_once', ['activity_id', 'volunteer_id'])
        .execute();
      await db.schema.createIndex('activity_signups_queue').on('activity_signups').columns(['activity_id', 'status', 'id']).execute();
      await db.schema.createIndex('activity_signups_volunteer').on('activity_signups').columns(['volunteer_id', 'status']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('activity_signups').execute();
      await db.schema.dropTable('activities').execute();
      await db.schema.dropTable('volunteers').execute();
      await db.schema.dropTable('volunteer_teams').execute();
    },
  },
};
