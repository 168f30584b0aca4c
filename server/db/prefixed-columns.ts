/**
 * Several tables' rows from one query: each joined table's columns are selected under a prefix (they share names
 * such as id and name) and read back as that table's row. Used where one round trip instead of several matters,
 * such as reading all a booking needs (README, Performance → bookings).
 */
import { sql, type AliasedRawBuilder } from 'kysely';

/**
 * A table's full column list, checked by the compiler against the table's type: naming a column the table lacks,
 * or leaving one out, does not compile. `columnsOf<ElderProfilesTable>()(['id', 'name', …])`
 */
export function columnsOf<Table>() {
  return <const Columns extends readonly (keyof Table & string)[]>(
    columns: Columns & ([Exclude<keyof Table, Columns[number]>] extends [never] ? unknown : { missing: Exclude<keyof Table, Columns[number]> }),
  ): Columns => columns;
}

/** `table.column as prefix_column` for each column. */
export function prefixedColumns(table: string, prefix: string, columns: readonly string[]): AliasedRawBuilder<unknown, string>[] {
  return columns.map((column) => sql.ref(`${table}.${column}`).as(`${prefix}${column}`));
}

/**
 * The row a left join found under the prefix, or null when it found none (its first column, the key, is null).
 */
export function unprefixed<Row>(row: Record<string, unknown>, prefix: string, columns: readonly (keyof Row & string)[]): Row | null {
  if (row[`${prefix}${columns[0]}`] === null || row[`${prefix}${columns[0]}`] === undefined) return null;
  return Object.fromEntries(columns.map((column) => [column, row[`${prefix}${column}`]])) as Row;
}
