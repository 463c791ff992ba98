/**
 * The data behind a chart as a table a reader can take away: CSV (UTF-8 with a byte-order mark,
 * so Excel opens Vietnamese text correctly; standard or the vi-VN dialect) or XLSX. Text that a
 * spreadsheet would run as a formula is defused whatever separator the reader splits on
 * (core/csv-dialect.ts); numbers stay numbers.
 */
import { CSV_DIALECTS, csvDocument, defuseText, type CsvDialect } from '../../core/csv-dialect.ts';
import type { DataTable } from './data-table.ts';

/** Text that cannot run as a spreadsheet formula, whichever separator splits it. */
export function neutralise(text: string): string {
  return defuseText(text);
}

export function tableToCsv(table: DataTable, dialect: CsvDialect = CSV_DIALECTS.standard): string {
  return csvDocument(
    [
      table.columns.map((c) => c.label),
      ...table.rows.map((row) => table.columns.map((c) => row[c.key] ?? null)),
    ],
    dialect,
  );
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

export function downloadCsv(
  table: DataTable,
  baseName: string,
  dialect: CsvDialect = CSV_DIALECTS.standard,
): void {
  download(new Blob([tableToCsv(table, dialect)], { type: 'text/csv;charset=utf-8' }), `${baseName}.csv`);
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
