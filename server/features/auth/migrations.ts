import { sql, type Kysely, type Migration } from 'kysely';
import { databaseKind, idColumn } from '../../db/portable';

/**
 * The tables a signed-in user is read from (server/lib/auth.ts, authUserOf), and the changes that can make a kept
 * one wrong: a new session or user is no one's kept session, a new 社区 widens a 街道 worker's scope. The same list
 * as AUTH_CHANGES in server/lib/session-cache.ts, copied rather than imported: a migration stays as it shipped.
 */
const AUTH_CHANGES: [string, string[]][] = [
  ['sessions', ['update', 'delete']],
  ['users', ['update', 'delete']],
  ['communities', ['insert', 'update', 'delete']],
];

// Migrations take Kysely<any>: they describe the schema as it was at that version, not today's types.
// Ids come from idColumn: on SQLite the same DDL as when this shipped, an identity column on PostgreSQL.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const authMigrations: Record<string, Migration> = {
  '0002_auth': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('users')
        .addColumn('id', 'integer', (c) => idColumn(db, c))
        .addColumn('display_name', 'text', (c) => c.notNull())
        .addColumn('phone_encrypted', 'text')
        .addColumn('phone_hash', 'text')
        .addColumn('role', 'text', (c) => c.notNull())
        .addColumn('scope_community_id', 'text', (c) => c.references('communities.id'))
        .addColumn('scope_town_code', 'text', (c) => c.references('towns.code'))
        .addColumn('scope_service_point_id', 'text')
        .addColumn('community_id', 'text', (c) => c.references('communities.id'))
        .addColumn('is_volunteer', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('demo_key', 'text', (c) => c.unique())
        .addColumn('wechat_openid_hash', 'text', (c) => c.unique())
        .addColumn('consent_version', 'text')
        .addColumn('consent_at', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('users_phone_hash').on('users').column('phone_hash').execute();

      await db.schema
        .createTable('sessions')
        .addColumn('id', 'integer', (c) => idColumn(db, c))
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .addColumn('revoked_at', 'text')
        .execute();
      await db.schema.createIndex('sessions_user_id').on('sessions').column('user_id').execute();

      await db.schema
        .createTable('consents')
        .addColumn('id', 'integer', (c) => idColumn(db, c))
        .addColumn('device_hash', 'text', (c) => c.notNull())
        .addColumn('user_id', 'integer', (c) => c.references('users.id').onDelete('set null'))
        .addColumn('version', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('audit_log')
        .addColumn('id', 'integer', (c) => idColumn(db, c))
        .addColumn('actor_id', 'integer')
        .addColumn('action', 'text', (c) => c.notNull())
        .addColumn('subject_type', 'text')
        .addColumn('subject_id', 'text')
        .addColumn('detail', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('audit_log_actor').on('audit_log').columns(['actor_id', 'created_at']).execute();
    },
    async down(db: Kysely<any>) {
      for (const table of ['audit_log', 'consents', 'sessions', 'users']) await db.schema.dropTable(table).execute();
    },
  },
  // After every feature's first migration (names sort globally): accounts an operator creates, consent
  // withdrawal, account deletion, and the index that purging expired sessions reads.
  '0500_auth_accounts': {
    async up(db: Kysely<any>) {
      await db.schema.alterTable('users').addColumn('activation_code_hash', 'text').execute();
      await db.schema.alterTable('users').addColumn('activation_expires_at', 'text').execute();
      await db.schema.alterTable('users').addColumn('deleted_at', 'text').execute();
      await db.schema.alterTable('consents').addColumn('withdrawn', 'integer', (c) => c.notNull().defaultTo(0)).execute();
      await db.schema.createIndex('users_activation_code_hash').on('users').column('activation_code_hash').unique().execute();
      await db.schema.createIndex('sessions_expires_at').on('sessions').column('expires_at').execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropIndex('sessions_expires_at').execute();
      await db.schema.dropIndex('users_activation_code_hash').execute();
      await db.schema.alterTable('consents').dropColumn('withdrawn').execute();
      for (const column of ['deleted_at', 'activation_expires_at', 'activation_code_hash']) {
        await db.schema.alterTable('users').dropColumn(column).execute();
      }
    },
  },
  // Every change of what a signed-in user is made of, told at commit to every server process that keeps sessions
  // in memory (server/lib/session-cache.ts). Per row, so a statement that changes nothing (the purge of expired
  // sessions at every sign-in) tells no one; PostgreSQL folds a transaction's identical notifications into one.
  // SQLite keeps no sessions in memory.
  '0630_auth_changes': {
    async up(db: Kysely<any>) {
      if (databaseKind(db) !== 'postgres') return;
      await sql`create function auth_changed() returns trigger language plpgsql as $$
        begin
          perform pg_notify('auth_changed', '');
          return null;
        end $$`.execute(db);
      for (const [table, events] of AUTH_CHANGES) {
        await sql`create trigger ${sql.raw(`${table}_auth_changed`)} after ${sql.raw(events.join(' or '))} on ${sql.table(table)}
          for each row execute function auth_changed()`.execute(db);
      }
    },
    async down(db: Kysely<any>) {
      if (databaseKind(db) !== 'postgres') return;
      for (const [table] of AUTH_CHANGES) await sql`drop trigger ${sql.raw(`${table}_auth_changed`)} on ${sql.table(table)}`.execute(db);
      await sql`drop function auth_changed()`.execute(db);
    },
  },
};
