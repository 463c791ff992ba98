/**
 * The data behind a chart as a table a reader can take away: CSV (UTF-8 with a byte-order mark,
 * so Excel opens Vietnamese text correctly) or XLSX. Text that a spreadsheet would run as a
 * formula ("=…", "+…", "-…", "@…") is prefixed with an apostrophe; numbers stay numbers.
 */
export type Cell = string | number | null;

export interface DataTable {
  columns: readonly { key: string; label: string }[];
  rows: readonly Record<string, Cell>[];
}

const FORMULA_START = /^[=+\-@\t\r]/;

/** Text that cannot run as a spreadsheet formula. */
export function neutralise(text: string): string {
  return FORMULA_START.test(text) ? `'${text}` : text;
}

function csvField(cell: Cell): string {
  if (cell === null) return '';
  if (typeof cell === 'number') return String(cell);
  const safe = neutralise(cell);
  return /[",\n\r]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function tableToCsv(table: DataTable): string {
  const lines = [
    table.columns.map((c) => csvField(c.label)).join(','),
    ...table.rows.map((row) => table.columns.map((c) => csvField(row[c.key] ?? null)).join(',')),
  ];
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}

/** Hands `blob` to the browser as a download named `fileName`. */
export function download(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = fileName;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 0);
}

export function downloadCsv(table: DataTable, baseName: string): void {
  download(new Blob([tableToCsv(table)], { type: 'text/csv;charset=utf-8' }), `${baseName}.csv`);
}

/** The XLSX writer is a separate chunk, fetched only when someone asks for a workbook. */
export async function downloadXlsx(table: DataTable, baseName: string, sheetName: string): Promise<void> {
  const { tableToXlsx } = await import('./export-xlsx.ts');
  const bytes = await tableToXlsx(table, sheetName);
  download(
    new Blob([bytes], { type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' }),
    `${baseName}.xlsx`,
  );
}
