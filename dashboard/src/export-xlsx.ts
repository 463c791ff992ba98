/** XLSX export with exceljs, bundled as its own chunk so the page itself stays small. */
import ExcelJS from 'exceljs';
import { defuseText } from '../../core/csv-dialect.ts';
import type { DataTable } from './data-table.ts';

/** Excel refuses sheet names over 31 characters or with []:*?/\ in them. */
const sheetTitle = (name: string) => name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Data';

export async function tableToXlsx(table: DataTable, sheetName: string): Promise<ArrayBuffer> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet(sheetTitle(sheetName));
  sheet.addRow(table.columns.map((c) => c.label)).font = { bold: true };
  for (const row of table.rows)
    sheet.addRow(
      table.columns.map((c) => {
        const cell = row[c.key] ?? null;
        return typeof cell === 'string' ? defuseText(cell) : cell;
      }),
    );
  sheet.columns.forEach((column) => (column.width = 18));
  return workbook.xlsx.writeBuffer();
}
