/**
 * Opaque page cursors for lists ordered by a text key then an integer id (messages by time, elders by name,
 * bookings by date): the next page starts right after the last item, even if items were added before it.
 */
import { fieldError } from './errors';

export interface Keyset {
  key: string;
  id: number;
}

export function encodeKeyset(cursor: Keyset): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

export function decodeKeyset(text: string): Keyset {
  const invalid = () => fieldError('cursor', '无效，请从第一页重新加载', '翻页位置无效，请从第一页重新加载');
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  const candidate = (typeof value === 'object' && value !== null ? value : {}) as Record<string, unknown>;
  if (typeof candidate.key !== 'string' || !Number.isSafeInteger(candidate.id)) throw invalid();
  return { key: candidate.key, id: candidate.id as number };
}
