/**
 * CSV for analysts, who open it in Excel: a UTF-8 BOM so Vietnamese text shows right, RFC 4180
 * quoting, text defused against formulas whatever separator the reader splits on (csv-dialect.ts).
 * Numbers are written as numbers, so a negative change stays a number. `dialect` picks the
 * separator and decimal mark: CSV_DIALECTS.vi is the file a vi-VN Excel opens into columns.
 */
import { csvDocument, csvField, CSV_DIALECTS, type CsvDialect } from '../../core/csv-dialect.ts';
import type { QueryResult } from './engine.ts';

export function csvCell(value: unknown, dialect: CsvDialect = CSV_DIALECTS.standard): string {
  return csvField(value, dialect);
}

export function toCsv(result: QueryResult, dialect: CsvDialect = CSV_DIALECTS.standard): string {
  const names = result.columns.map((c) => c.name);
  return csvDocument([names, ...result.rows.map((row) => names.map((n) => row[n]))], dialect);
}
