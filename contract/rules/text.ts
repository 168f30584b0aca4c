/**
 * Checks on free text that arrives from clients. Pure, shared by the request schemas.
 */

/** Control characters are never typed; a NUL even ends a SQLite string early and is refused by PostgreSQL. */
export function hasControlCharacter(text: string): boolean {
  return Array.from(text).some((c) => c < ' ' || c === '\u007f');
}
