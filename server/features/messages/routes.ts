/**
 * 消息 API: the signed-in user's own messages, newest first, and marking them read. Every query is limited
 * to the caller's user id: nobody reads or marks another user's messages.
 */
import type { FastifyPluginAsyncZod } from 'fastify-type-provider-zod';
import type { Kysely } from 'kysely';
import {
  markReadBodySchema,
  markReadResultSchema,
  messageListQuerySchema,
  messagePageSchema,
  type Message,
} from '@contract/messages';
import type { Database } from '../../db/schema';
import { requireSignedIn, requireUser } from '../../lib/auth';
import { decodeKeyset, encodeKeyset } from '../../lib/keyset-cursor';

async function unreadCount(db: Kysely<Database>, userId: number): Promise<number> {
  const row = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .where('user_id', '=', userId)
    .where('read_at', 'is', null)
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

export const messagesRoutes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    '/messages',
    {
      preHandler: requireSignedIn,
      schema: { tags: ['messages'], querystring: messageListQuerySchema, response: { 200: messagePageSchema } },
    },
    async (request) => {
      const user = requireUser(request);
      const { limit, cursor } = request.query;
      let query = app.db
        .selectFrom('messages')
        .selectAll()
        .where('user_id', '=', user.id)
        .orderBy('created_at', 'desc')
        .orderBy('id', 'desc')
        .limit(limit + 1);
      if (cursor) {
        // The key is the sending time: newest first, then by id.
        const after = decodeKeyset(cursor);
        query = query.where((eb) =>
          eb.or([
            eb('created_at', '<', after.key),
            eb.and([eb('created_at', '=', after.key), eb('id', '<', after.id)]),
          ]),
        );
      }
      const rows = await query.execute();
      const page = rows.slice(0, limit);
      const last = page[page.length - 1];
      const items: Message[] = page.map((row) => ({
        id: Number(row.id),
        kind: row.kind,
        title: row.title,
        body: row.body,
        link: row.link,
        createdAt: row.created_at,
        readAt: row.read_at,
      }));
      return {
        items,
        nextCursor: rows.length > limit ? encodeKeyset({ key: last.created_at, id: Number(last.id) }) : null,
        unreadCount: await unreadCount(app.db, user.id),
      };
    },
  );

  app.post(
    '/messages/read',
    {
      preHandler: requireSignedIn,
      schema: { tags: ['messages'], body: markReadBodySchema, response: { 200: markReadResultSchema } },
    },
    async (request) => {
      const user = requireUser(request);
      const { ids } = request.body;
      let update = app.db
        .updateTable('messages')
        .set({ read_at: app.now().toISOString() })
        .where('user_id', '=', user.id)
        .where('read_at', 'is', null);
      if (ids) update = update.where('id', 'in', ids);
      const result = await update.executeTakeFirst();
      return { marked: Number(result.numUpdatedRows), unreadCount: await unreadCount(app.db, user.id) };
    },
  );
};
