import type { Insertable, Kysely } from 'kysely';
import type { Database } from '../db/schema';

export interface OutgoingMessage {
  userId: number;
  /** What it is about, dotted: 'booking.confirmed', 'rating.answered' … */
  kind: string;
  title: string;
  body: string;
  /** An app path the message opens, or null. */
  link?: string | null;
  /** The app clock's time (`app.now()`). */
  at: Date;
}

/**
 * Puts a message in a user's 消息 list. Pass the transaction when the message belongs to a change made in it,
 * so the message exists exactly when the change does (a retried or failed request sends none twice).
 */
export async function sendMessage(db: Kysely<Database>, message: OutgoingMessage): Promise<void> {
  await db.insertInto('messages').values(messageRow(message)).execute();
}

/** The row a message is stored as, for a caller that writes it together with other rows (guarded-writes.ts). */
export function messageRow(message: OutgoingMessage): Insertable<Database['messages']> {
  return {
    user_id: message.userId,
    kind: message.kind,
    title: message.title,
    body: message.body,
    link: message.link ?? null,
    created_at: message.at.toISOString(),
    read_at: null,
  };
}
