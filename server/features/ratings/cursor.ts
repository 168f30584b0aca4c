import { fieldError } from '../../lib/errors';

/**
 * Keyset cursors for the 好差评 lists: the sort key of the last item, as base64url JSON. A cursor that does
 * not decode to the expected shape is a 400 naming the field, never a 500.
 */
export function encodeCursor(key: Record<string, string | number>): string {
  return Buffer.from(JSON.stringify(key), 'utf8').toString('base64url');
}

export function decodeCursor<K extends Record<string, 'string' | 'number'>>(
  cursor: string,
  shape: K,
): { [P in keyof K]: K[P] extends 'number' ? number : string } {
  try {
    const value: unknown = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
    if (typeof value === 'object' && value !== null && Object.entries(shape).every(([k, type]) => typeof (value as Record<string, unknown>)[k] === type)) {
      return value as { [P in keyof K]: K[P] extends 'number' ? number : string };
    }
  } catch {
    // fall through to the field error
  }
  throw fieldError('cursor', '翻页位置已失效，请从第一页重新加载');
}
