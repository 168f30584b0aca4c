import { z } from 'zod';
import { rowId } from './row-id';
import { hasControlCharacter } from './rules/text';

/**
 * 消息: what the app tells a user (a booking confirmed, a rating answered …), newest first, with an unread
 * count for the badge in 我的. Every feature writes them through the server's sendMessage; users only read
 * them and mark them read.
 */

export const MESSAGE_PAGE_DEFAULT = 20;
export const MESSAGE_PAGE_MAX = 50;

export const messageSchema = z.object({
  id: z.number().int(),
  /** What it is about, e.g. 'booking.confirmed'; the client may pick an icon by its first part. */
  kind: z.string(),
  title: z.string(),
  body: z.string(),
  /** An app path to open (e.g. '/features/care/pages/booking/index?id=3'); null when there is nothing to open. */
  link: z.string().nullable(),
  /** ISO time it was sent. */
  createdAt: z.string(),
  /** ISO time it was marked read; null while unread. */
  readAt: z.string().nullable(),
});
export type Message = z.infer<typeof messageSchema>;

/** Query strings arrive as text: '' counts as absent; a parameter given twice is refused. */
const queryText = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? undefined : v),
  z
    .string()
    .max(512)
    .refine((text) => !hasControlCharacter(text), { error: '包含无法识别的字符' })
    .optional(),
);

export const messageListQuerySchema = z.object({
  limit: z
    .preprocess(
      (v) => (typeof v === 'string' ? (v.trim() === '' ? undefined : /^\d+$/.test(v.trim()) ? Number(v) : Number.NaN) : v),
      z
        .number({ error: `请填写 1 到 ${MESSAGE_PAGE_MAX} 之间的整数` })
        .int()
        .min(1, { error: `请填写 1 到 ${MESSAGE_PAGE_MAX} 之间的整数` })
        .max(MESSAGE_PAGE_MAX, { error: `请填写 1 到 ${MESSAGE_PAGE_MAX} 之间的整数` })
        .optional(),
    )
    .transform((v) => v ?? MESSAGE_PAGE_DEFAULT),
  /** The `nextCursor` of the previous page, as given. */
  cursor: queryText,
});
export type MessageListQuery = z.infer<typeof messageListQuerySchema>;

/** GET /api/messages */
export const messagePageSchema = z.object({
  items: z.array(messageSchema),
  /** Pass as `cursor` for the next (older) page; null on the last page. */
  nextCursor: z.string().nullable(),
  /** All the caller's unread messages, not only this page's. */
  unreadCount: z.number().int(),
});
export type MessagePage = z.infer<typeof messagePageSchema>;

/** POST /api/messages/read: some messages by id, or all of them. Ids of other users' messages are ignored. */
export const markReadBodySchema = z
  .object({
    ids: z.array(rowId()).min(1).max(100).optional(),
    all: z.literal(true).optional(),
  })
  .strict()
  .superRefine((value, ctx) => {
    if ((value.ids === undefined) === (value.all === undefined)) {
      ctx.addIssue({ code: 'custom', path: ['ids'], message: '请给出要标记的消息，或选择全部标为已读' });
    }
  });
export type MarkReadBody = z.infer<typeof markReadBodySchema>;

export const markReadResultSchema = z.object({
  /** How many messages went from unread to read. */
  marked: z.number().int(),
  unreadCount: z.number().int(),
});
export type MarkReadResult = z.infer<typeof markReadResultSchema>;
