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

/** Where a user's WeChat subscribe messages go: their openid, encrypted (server/lib/wechat-api.ts). */
export interface WechatRecipientsTable {
  user_id: number;
  openid_encrypted: string;
  updated_at: string;
}

export interface MessagesTables {
  messages: MessagesTable;
  wechat_recipients: WechatRecipientsTable;
}
