import ExcelJS from 'exceljs';
import { isBlankRow, UnreadableFileError, type RawCell, type Sheet } from './grid.ts';

/** XLSX is a zip archive: its first bytes are "PK". File names are not trusted. */
export function isZip(bytes: Uint8Array): boolean {
  return bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
}

/**
 * A cell's value as the province saw it. Formulas are never evaluated: the value Excel cached
 * when the file was saved is the one the officer looked at.
 */
export function rawCell(value: ExcelJS.CellValue): RawCell {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'number' || typeof value === 'boolean') return value;
  if (value instanceof Date) return value;
  if ('richText' in value) return value.richText.map((part) => part.text).join('');
  if ('formula' in value || 'sharedFormula' in value) {
    const result = value.result;
    if (result === undefined || result === null) return null;
    if (typeof result === 'object' && !(result instanceof Date)) return result.error;
    return result;
  }
  if ('error' in value) return value.error;
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : rawCell(value.text);
  return null;
}

/** Every worksheet of an XLSX upload, in workbook order, as raw rows. */
export async function readXlsx(bytes: Uint8Array): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's declared Buffer type predates Node's generic Buffer; the bytes are what it wants.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new UnreadableFileError(error instanceof Error ? error.message : String(error));
  }
  return workbook.worksheets.map((worksheet) => {
    const rows: Sheet['rows'] = [];
    worksheet.eachRow({ includeEmpty: false }, (row) => {
      const cells: RawCell[] = [];
      for (let c = 1; c <= row.cellCount; c += 1) cells.push(rawCell(row.getCell(c).value));
      if (!isBlankRow(cells)) rows.push({ number: row.number, cells });
    });
    return { name: worksheet.name, rows };
  });
}
