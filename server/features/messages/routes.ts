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
import { fieldError } from '../../lib/errors';

interface MessageCursor {
  createdAt: string;
  id: number;
}

/** The sort key of a page's last message: the next page starts right after it, even if new ones arrived. */
function encodeCursor(cursor: MessageCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

function decodeCursor(text: string): MessageCursor {
  const invalid = () => fieldError('cursor', '无效，请从第一页重新加载', '翻页位置无效，请从第一页重新加载');
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const candidate = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (typeof candidate.createdAt !== 'string' || !Number.isSafeInteger(candidate.id)) throw invalid();
  return { createdAt: candidate.createdAt, id: candidate.id as number };
}

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
        const after = decodeCursor(cursor);
        query = query.where((eb) =>
          eb.or([
            eb('created_at', '<', after.createdAt),
            eb.and([eb('created_at', '=', after.createdAt), eb('id', '<', after.id)]),
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
        nextCursor: rows.length > limit ? encodeCursor({ createdAt: last.created_at, id: Number(last.id) }) : null,
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
