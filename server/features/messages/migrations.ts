import type { Kysely } from 'kysely';
import type { Migration } from 'kysely';
import { idColumn } from '../../db/portable';

// Migrations take Kysely<any>: they describe the schema as it was at that version, not today's types.
/* eslint-disable @typescript-eslint/no-explicit-any */
export const messagesMigrations: Record<string, Migration> = {
  '0150_messages': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('messages')
        .addColumn('id', 'integer', (c) => idColumn(db, c))
        .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id').onDelete('cascade'))
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('link', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('read_at', 'text')
        .execute();
      // A user's list, newest first (keyset on created_at, id); the unread count reads the same range.
      await db.schema.createIndex('messages_user_created').on('messages').columns(['user_id', 'created_at']).execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('messages').execute();
    },
  },
  '0151_wechat_recipients': {
    async up(db: Kysely<any>) {
      // The openid a WeChat subscribe message goes to, per user (encrypted; written at WeChat sign-in).
      await db.schema
        .createTable('wechat_recipients')
        .addColumn('user_id', 'integer', (c) => c.primaryKey().references('users.id').onDelete('cascade'))
        .addColumn('openid_encrypted', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropTable('wechat_recipients').execute();
    },
  },
};
