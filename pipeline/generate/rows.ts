/**
 * A generated row: column key → value. Category cells hold the English code; the file writers
 * turn them into the Vietnamese labels of the dataset definition.
 */
export type Cell = string | number;
export type Row = Record<string, Cell>;

/**
 * The rows of a merged unit from the rows of its old units: integer cells summed per value of
 * `keyColumn` (or all into one row when there is none), so merged figures continue the old ones.
 */
export function sumRows(parts: readonly (readonly Row[])[], keyColumn?: string): Row[] {
  const byKey = new Map<string, Row>();
  for (const rows of parts) {
    for (const row of rows) {
      const key = keyColumn === undefined ? '' : String(row[keyColumn]);
      const into = byKey.get(key);
      if (!into) {
        byKey.set(key, { ...row });
        continue;
      }
      for (const [column, value] of Object.entries(row)) {
        const before = into[column];
        if (typeof value === 'number' && typeof before === 'number') into[column] = before + value;
      }
    }
  }
  return [...byKey.values()];
}
