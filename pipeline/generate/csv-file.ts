/** CSV as provinces export it: UTF-8, comma, one header row, CRLF line ends (RFC 4180). */
import type { DatasetDef } from '../../core/datasets/index.ts';
import { cells, header } from './cells.ts';
import type { Cell, Row } from './rows.ts';

function quote(cell: Cell): string {
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** The header line, CRLF included. */
export function csvHeaderLine(dataset: DatasetDef): string {
  return `${header(dataset).map(quote).join(',')}\r\n`;
}

/** One row's line, CRLF included: for writers that stream rows instead of holding a file. */
export function csvRowLine(dataset: DatasetDef, row: Row): string {
  return `${cells(dataset, row).map(quote).join(',')}\r\n`;
}

export function csvFile(dataset: DatasetDef, rows: readonly Row[]): Buffer {
  return Buffer.from(csvHeaderLine(dataset) + rows.map((r) => csvRowLine(dataset, r)).join(''), 'utf8');
}
