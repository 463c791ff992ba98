/** CSV as provinces export it: UTF-8, comma, one header row, CRLF line ends (RFC 4180). */
import type { ColumnDef, DatasetDef } from '../../core/datasets/index.ts';
import { cells, fileColumns, header } from './cells.ts';
import type { Cell, Row } from './rows.ts';

function quote(cell: Cell): string {
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The header line, CRLF included; every template column unless `columns` says which. */
export function csvHeaderLine(dataset: DatasetDef, columns: readonly ColumnDef[] = dataset.columns): string {
  return `${header(columns).map(quote).join(',')}\r\n`;
}

/** One row's line, CRLF included: for writers that stream rows instead of holding a file. */
export function csvRowLine(
  dataset: DatasetDef,
  row: Row,
  columns: readonly ColumnDef[] = dataset.columns,
): string {
  return `${cells(columns, row).map(quote).join(',')}\r\n`;
}

export function csvFile(dataset: DatasetDef, rows: readonly Row[]): Buffer {
  const columns = fileColumns(dataset, rows);
  const lines = rows.map((r) => csvRowLine(dataset, r, columns)).join('');
  return Buffer.from(csvHeaderLine(dataset, columns) + lines, 'utf8');
}
