/** The data behind a chart or a list, as the CSV and XLSX downloads take it (export-table.ts, export-xlsx.ts). */
export type Cell = string | number | null;

export interface DataTable {
  columns: readonly { key: string; label: string }[];
  rows: readonly Record<string, Cell>[];
}
