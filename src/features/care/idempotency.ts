import { newIdempotencyKey } from '@/lib/api/client';

/**
 * One Idempotency-Key per booking attempt. A confirm tap starts an attempt; when its answer never arrives (no
 * network, a 5xx, a timeout) the next tap on the same choices is a retry of that attempt and sends the same key,
 * so the server answers what it did the first time instead of booking twice. Changed choices, a success or a
 * definite refusal end the attempt: the next tap is a new one with a new key.
 */
export interface PendingAttempt {
  key: string;
  /** The request body the key was sent with (JSON): the same key with another body is refused by the server. */
  body: string;
}

/** The attempt a confirm tap belongs to: the pending one when it was for the same body, else a new one. */
export function attemptFor(pending: PendingAttempt | null, body: string): PendingAttempt {
  return pending && pending.body === body ? pending : { key: newIdempotencyKey(), body };
}

/** After a failed attempt: keep it only when the request may not have been answered (worth retrying as is). */
export function afterFailure(attempt: PendingAttempt, retryable: boolean): PendingAttempt | null {
  return retryable ? attempt : null;
}
