/** CSV as provinces export it: UTF-8, comma, one header row, CRLF line ends (RFC 4180). */
import type { DatasetDef } from '../datasets/index.ts';
import { cells, header } from './cells.ts';
import type { Cell, Row } from './rows.ts';

function quote(cell: Cell): string {
  const text = String(cell);
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function csvFile(dataset: DatasetDef, rows: readonly Row[]): Buffer {
  const lines = [header(dataset), ...rows.map((r) => cells(dataset, r))].map((line) =>
    line.map(quote).join(','),
  );
  return Buffer.from(`${lines.join('\r\n')}\r\n`, 'utf8');
}
