/**
 * CSV for analysts, who open it in Excel: a UTF-8 BOM so Vietnamese text shows right, RFC 4180
 * quoting, and text that Excel would run as a formula (=, +, -, @ first) defused with a leading
 * apostrophe. Numbers are written as numbers, so a negative change stays a number.
 */
import type { QueryResult } from './engine.ts';

const FORMULA_START = /^[=+\-@\t\r]/;

export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  let text = typeof value === 'string' ? value : JSON.stringify(value);
  if (FORMULA_START.test(text)) text = `'${text}`;
  return /[",\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function toCsv(result: QueryResult): string {
  const names = result.columns.map((c) => c.name);
  const lines = [names.map(csvCell).join(',')];
  for (const row of result.rows) lines.push(names.map((n) => csvCell(row[n])).join(','));
  return `\uFEFF${lines.join('\r\n')}\r\n`;
}
