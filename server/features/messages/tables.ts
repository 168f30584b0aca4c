import type { Generated } from 'kysely';

/** A message to one user (消息); written by server/lib/messages.ts, read and marked read by its owner. */
export interface MessagesTable {
  id: Generated<number>;
  user_id: number;
  /** e.g. 'booking.confirmed' */
  kind: string;
  title: string;
  body: string;
  /** An app path to open, or null. */
  link: string | null;
  /** ISO-8601 UTC */
  created_at: string;
  read_at: string | null;
}

export interface MessagesTables {
  messages: MessagesTable;
}
