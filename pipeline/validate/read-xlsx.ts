import { Readable } from 'node:stream';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import {
  isBlankRow,
  ReadLimitError,
  TooManyRowsError,
  UnreadableFileError,
  type RawCell,
  type Sheet,
} from './grid.ts';
import { IN_MEMORY_SHARE, type UploadLimits } from './limits.ts';
import { ReadBudget } from './read-budget.ts';
import { guardZip, ZipGuardError, type ZipEntry } from './zip-guard.ts';

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
    // No cached value (never calculated, or an error such as #DIV/0!, which the streaming reader
    // does not keep): the formula itself is shown, so the officer sees which cell to recalculate.
    if (result === undefined || result === null || Number.isNaN(result)) {
      const formula = 'formula' in value ? value.formula : value.sharedFormula;
      return `=${formula}`;
    }
    if (typeof result === 'object' && !(result instanceof Date)) return result.error;
    return result;
  }
  if ('error' in value) return value.error;
  if ('hyperlink' in value) return typeof value.text === 'string' ? value.text : rawCell(value.text);
  return null;
}

/**
 * exceljs's `cell.value` drops a formula's falsy cached result (0, ""), so a SUM of zeros would
 * look uncalculated; the cell's model keeps it.
 */
function cellOf(cell: ExcelJS.Cell): RawCell {
  const value = cell.value;
  if (value !== null && typeof value === 'object' && ('formula' in value || 'sharedFormula' in value)) {
    const result: unknown = cell.model.result;
    if (result === 0 || result === '') return result;
  }
  return rawCell(value);
}

/**
 * A row's values by column, visiting only the cells that hold one: `row.cellCount` runs to the
 * rightmost cell and `getCell` creates every cell up to it (16,384 for a value in column XFD).
 */
function rowCells(row: ExcelJS.Row, budget: ReadBudget): RawCell[] {
  const cells: RawCell[] = [];
  row.eachCell({ includeEmpty: false }, (cell, column) => {
    budget.column(column);
    const value = cellOf(cell);
    if (value === null) return;
    budget.cell(value);
    while (cells.length < column - 1) cells.push(null);
    cells[column - 1] = value;
  });
  return cells;
}

/** Parts a reader holds whole are refused from their declared (and guard-checked) size. */
function checkHeldParts(entries: readonly ZipEntry[], limits: UploadLimits, inMemory: boolean): void {
  const shared = entries.find((e) => e.name === 'xl/sharedStrings.xml')?.uncompressedSize ?? 0;
  if (shared > limits.maxDecodedBytes)
    throw new ReadLimitError('decoded_bytes', limits.maxDecodedBytes, shared);
  if (!inMemory) return;
  const whole = entries.reduce((sum, e) => sum + e.uncompressedSize, 0);
  const max = Math.floor(limits.maxDecodedBytes / IN_MEMORY_SHARE);
  if (whole > max) throw new ReadLimitError('decoded_bytes', max, whole);
}

const workbookShape = z.object({
  workbookRels: z.array(z.object({ Id: z.string(), Target: z.string() })).optional(),
  model: z.object({ sheets: z.array(z.object({ name: z.string(), rId: z.string() })).optional() }).optional(),
});

/** Sheets read before workbook.xml got a placeholder name: the real one is known at the end. */
function nameLateSheets(reader: object, pending: ReadonlyArray<{ sheet: Sheet; id: unknown }>): void {
  const parsed = workbookShape.safeParse({
    workbookRels: Reflect.get(reader, 'workbookRels'),
    model: Reflect.get(reader, 'model'),
  });
  if (!parsed.success) return;
  for (const { sheet, id } of pending) {
    const rel = parsed.data.workbookRels?.find((r) => r.Target === `worksheets/sheet${String(id)}.xml`);
    const named = rel && parsed.data.model?.sheets?.find((s) => s.rId === rel.Id);
    if (named && (sheet.name === null || sheet.name === `Sheet${String(id)}`)) sheet.name = named.name;
  }
}

/**
 * exceljs's streaming reader loses shared strings when a worksheet precedes sharedStrings.xml or
 * workbook.xml in the archive (streamed writers do that): such files are read in memory, which
 * the zip guard has already bounded.
 */
function streamable(entries: readonly ZipEntry[]): boolean {
  const sorted = [...entries].sort((a, b) => a.headerStart - b.headerStart).map((e) => e.name);
  const firstSheet = sorted.findIndex((name) => name.startsWith('xl/worksheets/'));
  const ahead = sorted.slice(0, firstSheet < 0 ? sorted.length : firstSheet);
  const needed = ['xl/workbook.xml', 'xl/_rels/workbook.xml.rels'];
  if (sorted.includes('xl/sharedStrings.xml')) needed.push('xl/sharedStrings.xml');
  return needed.every((name) => ahead.includes(name));
}

async function readInMemory(bytes: Uint8Array, limits: UploadLimits): Promise<Sheet[]> {
  const workbook = new ExcelJS.Workbook();
  try {
    // exceljs's declared Buffer type predates Node's generic Buffer; the bytes are what it wants.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  } catch (error) {
    throw new UnreadableFileError(error instanceof Error ? error.message : String(error));
  }
  let rowsRead = 0;
  const budget = new ReadBudget(limits);
  return workbook.worksheets.map((worksheet) => {
    const rows: Sheet['rows'] = [];
    worksheet.eachRow({ includeEmpty: false }, (row) => {
      const cells = rowCells(row, budget);
      if (isBlankRow(cells)) return;
      rowsRead += 1;
      if (rowsRead > limits.maxRows) throw new TooManyRowsError(limits.maxRows);
      rows.push({ number: row.number, cells });
    });
    return { name: worksheet.name, rows };
  });
}

/**
 * Every worksheet of an XLSX upload, in the archive's order, as raw rows. The zip is inspected
 * first (zip-guard), then read with exceljs's streaming reader: rows are kept as raw cells only,
 * styles are read just to tell dates from numbers.
 */
export async function readXlsx(bytes: Uint8Array, limits: UploadLimits): Promise<Sheet[]> {
  let entries: ZipEntry[];
  try {
    entries = await guardZip(bytes, limits);
  } catch (error) {
    // A broken archive is unreadable; only a size the limits refuse is a decompression error.
    if (error instanceof ReadLimitError) throw error;
    if (error instanceof ZipGuardError && error.reason !== 'structure') throw error;
    throw new UnreadableFileError(error instanceof Error ? error.message : String(error));
  }
  const inMemory = !streamable(entries);
  checkHeldParts(entries, limits, inMemory);
  if (inMemory) return readInMemory(bytes, limits);
  const sheets: Sheet[] = [];
  let rowsRead = 0;
  const budget = new ReadBudget(limits);
  try {
    const reader = new ExcelJS.stream.xlsx.WorkbookReader(Readable.from([Buffer.from(bytes)]), {
      worksheets: 'emit',
      sharedStrings: 'cache',
      styles: 'cache',
      hyperlinks: 'ignore',
      entries: 'ignore',
    });
    // Streamed writers put workbook.xml after the sheets; exceljs then reads a missing model.
    Reflect.set(reader, 'model', { sheets: [] });
    const pending: Array<{ sheet: Sheet; id: unknown }> = [];
    for await (const worksheet of reader) {
      // The streaming reader sets the sheet's name at run time; its type declarations omit it.
      const name: unknown = Reflect.get(worksheet, 'name');
      const sheet: Sheet = { name: typeof name === 'string' ? name : null, rows: [] };
      pending.push({ sheet, id: Reflect.get(worksheet, 'id') });
      sheets.push(sheet);
      for await (const row of worksheet) {
        if (budget.rowOverLimit()) throw new TooManyRowsError(limits.maxRows);
        const cells = rowCells(row, budget);
        if (isBlankRow(cells)) continue;
        rowsRead += 1;
        if (rowsRead > limits.maxRows) throw new TooManyRowsError(limits.maxRows);
        sheet.rows.push({ number: row.number, cells });
      }
    }
    nameLateSheets(reader, pending);
  } catch (error) {
    if (error instanceof TooManyRowsError || error instanceof ReadLimitError) throw error;
    throw new UnreadableFileError(error instanceof Error ? error.message : String(error));
  }
  return sheets;
}
