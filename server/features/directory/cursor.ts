/**
 * Opaque page cursors. A cursor is the sort key of the last item of a page, so the next page
 * starts right after it even if items were added before it (no duplicates, no gaps):
 * distance then id when a location is given, name then id otherwise.
 */
import { fieldError } from '../../lib/errors';

export type PageCursor = { by: 'distance'; distance: number; id: string } | { by: 'name'; name: string; id: string };

export function encodeCursor(cursor: PageCursor): string {
  return Buffer.from(JSON.stringify(cursor), 'utf8').toString('base64url');
}

const invalid = () => fieldError('cursor', '无效，请从第一页重新加载', '翻页位置无效，请从第一页重新加载');

/** Decodes a cursor made for this kind of list; anything else is a 400 naming the cursor. */
export function decodeCursor(text: string, expected: PageCursor['by']): PageCursor {
  let value: unknown;
  try {
    value = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof value !== 'object' || value === null) throw invalid();
  const candidate = value as Record<string, unknown>;
  if (candidate.by !== expected || typeof candidate.id !== 'string') throw invalid();
  if (expected === 'distance' && typeof candidate.distance === 'number' && Number.isFinite(candidate.distance)) {
    return { by: 'distance', distance: candidate.distance, id: candidate.id };
  }
  if (expected === 'name' && typeof candidate.name === 'string') return { by: 'name', name: candidate.name, id: candidate.id };
  throw invalid();
}
