/** CSV for Excel users in China: UTF-8 with a BOM (so Excel reads the Chinese), CRLF lines, every cell quoted. */

/** One CSV cell: quoted, and a leading = + - @ neutralised so Excel never runs it as a formula. */
export function csvCell(value: string | number | null): string {
  let text = value === null ? '' : String(value);
  if (/^[=+\-@]/.test(text)) text = `'${text}`;
  return `"${text.replace(/"/g, '""')}"`;
}

/** The whole file: header and rows, BOM first, a CRLF after every line. */
export function csvDocument(header: readonly string[], rows: ReadonlyArray<ReadonlyArray<string | number | null>>): string {
  return `\uFEFF${[header, ...rows].map((cells) => cells.map(csvCell).join(',')).join('\r\n')}\r\n`;
}
