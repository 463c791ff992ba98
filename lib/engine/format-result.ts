/** The output formats of `vss query`: text for the terminal or a file, XLSX as bytes. */
import type { QueryResult } from './engine.ts';
import { toCsv } from './format-csv.ts';
import { toTable } from './format-table.ts';
import { toXlsx } from './format-xlsx.ts';

export const OUTPUT_FORMATS = ['table', 'csv', 'json', 'xlsx'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export async function formatResult(result: QueryResult, format: OutputFormat): Promise<string | Uint8Array> {
  switch (format) {
    case 'csv':
      return toCsv(result);
    case 'json':
      return JSON.stringify(result.rows, null, 2) + '\n';
    case 'xlsx':
      return toXlsx(result);
    default:
      return toTable(result);
  }
}
