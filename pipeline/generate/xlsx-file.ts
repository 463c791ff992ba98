/**
 * XLSX as provinces fill the template: one sheet "BaoCao", header in row 1, amounts and counts
 * as numeric cells, everything else (tax codes included) as text.
 */
import ExcelJS from 'exceljs';
import type { DatasetDef } from '../../core/datasets/index.ts';
import { cells, fileColumns, header } from './cells.ts';
import type { Row } from './rows.ts';
import { fixZipTimestamps } from './zip-timestamps.ts';

export const SHEET_NAME = 'BaoCao';

/** `stamp` becomes the workbook's created/modified date, so the same input gives the same bytes. */
export async function xlsxFile(dataset: DatasetDef, rows: readonly Row[], stamp: Date): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = 'BHXH';
  workbook.created = stamp;
  workbook.modified = stamp;
  const sheet = workbook.addWorksheet(SHEET_NAME);
  const columns = fileColumns(dataset, rows);
  sheet.addRow(header(columns));
  for (const row of rows) sheet.addRow(cells(columns, row));
  columns.forEach((c, i) => {
    sheet.getColumn(i + 1).width = Math.max(12, c.vi.length + 2);
  });
  const bytes = Buffer.from(
    await workbook.xlsx.writeBuffer({ zip: { compression: 'STORE' } } as ExcelJS.XlsxWriteOptions),
  );
  return fixZipTimestamps(bytes, stamp);
}
