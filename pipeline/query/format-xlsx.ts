/**
 * A query result as an Excel workbook for analysts: one sheet, a bold header row that stays in
 * view, numbers as numbers (so sums work in Excel), Vietnamese text as it is. Text that Excel
 * would take for a formula once edited or re-saved as CSV (=, +, -, @ first) gets a leading
 * apostrophe, as in the CSV export.
 */
import ExcelJS from 'exceljs';
import type { QueryResult } from './engine.ts';

const FORMULA_START = /^[=+\-@\t\r]/;
const MAX_WIDTH = 60;

export function xlsxCell(value: unknown): string | number | boolean | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'number' || typeof value === 'boolean') return value;
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return FORMULA_START.test(text) ? `'${text}` : text;
}

export async function toXlsx(result: QueryResult, sheetName = 'vss'): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  const names = result.columns.map((c) => c.name);
  sheet.columns = names.map((name) => ({
    header: name,
    key: name,
    width: Math.min(
      MAX_WIDTH,
      Math.max(name.length, ...result.rows.slice(0, 200).map((r) => String(r[name] ?? '').length)) + 2,
    ),
  }));
  sheet.getRow(1).font = { bold: true };
  for (const row of result.rows) sheet.addRow(names.map((n) => xlsxCell(row[n])));
  const buffer = await workbook.xlsx.writeBuffer();
  return new Uint8Array(buffer as ArrayBuffer);
}
