/** 消息 API calls (GET /api/messages, POST /api/messages/read); types only from the contract. */
import type { MarkReadResult, MessagePage } from '@contract/messages';
import { api } from '@/lib/api/client';

/** `background`: a badge count, not something the user asked for — a stale sign-in only clears the session. */
export async function fetchMessages(cursor: string | null, options: { limit?: number; background?: boolean } = {}): Promise<MessagePage> {
  const { data } = await api.get<MessagePage>('/api/messages', {
    params: { cursor: cursor || undefined, limit: options.limit },
    loginOnUnauthorized: !options.background,
  });
  return data;
}

/** Some messages by id, or every message of the user. Answers the unread count left. */
export async function markMessagesRead(which: { ids: number[] } | { all: true }): Promise<MarkReadResult> {
  const { data } = await api.post<MarkReadResult>('/api/messages/read', which);
  return data;
}
