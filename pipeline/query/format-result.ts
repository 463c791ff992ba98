/** The output formats of `vss query`: text for the terminal or a file, XLSX as bytes. */
import type { QueryResult } from './engine.ts';
import { CSV_DIALECTS } from '../../core/csv-dialect.ts';
import { toCsv } from './format-csv.ts';
import { toTable } from './format-table.ts';

/** csv-vi: the CSV a Vietnamese-locale Excel opens into columns (";" separator, "," decimals). */
export const OUTPUT_FORMATS = ['table', 'csv', 'csv-vi', 'json', 'xlsx'] as const;
export type OutputFormat = (typeof OUTPUT_FORMATS)[number];

export async function formatResult(result: QueryResult, format: OutputFormat): Promise<string | Uint8Array> {
  switch (format) {
    case 'csv':
      return toCsv(result);
    case 'csv-vi':
      return toCsv(result, CSV_DIALECTS.vi);
    case 'json':
      return JSON.stringify(result.rows, null, 2) + '\n';
    case 'xlsx':
      // The workbook library is loaded only for a workbook: it costs every other query ~0.2 s.
      return (await import('./format-xlsx.ts')).toXlsx(result);
    default:
      return toTable(result);
  }
}
