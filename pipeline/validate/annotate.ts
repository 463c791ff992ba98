/**
 * The officer's own file back, with every wrong cell filled red and its message as a cell note,
 * to fix in place. An XLSX is copied sheet by sheet; a CSV becomes a workbook with its rows at
 * the same row numbers. Text written back is neutralised (safe-cell) so nothing turns into a formula.
 */
import ExcelJS from 'exceljs';
import type { DatasetDef } from '../../core/datasets/index.ts';
import type { Receipt, ReceiptIssue } from '../../core/contracts/receipt.ts';
import type { RawCell, Sheet } from './grid.ts';
import { findHeader, headerScore, type HeaderMatch } from './match-header.ts';
import { readCsv } from './read-csv.ts';
import { isZip, rawCell } from './read-xlsx.ts';
import { neutralizeCell } from './safe-cell.ts';

const ERROR_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFC7CE' } };
const WARNING_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFEB9C' } };
/** The sheet a CSV's rows are written to. */
export const CSV_SHEET_NAME = 'Dữ liệu';

function gridOf(worksheet: ExcelJS.Worksheet): Sheet {
  const rows: Sheet['rows'] = [];
  worksheet.eachRow({ includeEmpty: false }, (row) => {
    const cells: RawCell[] = [];
    for (let c = 1; c <= row.cellCount; c += 1) cells.push(rawCell(row.getCell(c).value));
    rows.push({ number: row.number, cells });
  });
  return { name: worksheet.name, rows };
}

async function workbookOf(bytes: Uint8Array, dataset: DatasetDef): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  if (isZip(bytes)) {
    // exceljs's declared Buffer type predates Node's generic Buffer; the bytes are what it wants.
    await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
    workbook.eachSheet((worksheet) =>
      worksheet.eachRow((row) =>
        row.eachCell((cell) => {
          if (typeof cell.value === 'string') cell.value = neutralizeCell(cell.value);
        }),
      ),
    );
    return workbook;
  }
  const sheet = readCsv(bytes, (s) => headerScore(dataset, s));
  const worksheet = workbook.addWorksheet(CSV_SHEET_NAME);
  for (const row of sheet.rows)
    row.cells.forEach((cell, i) => {
      if (cell !== null) worksheet.getCell(row.number, i + 1).value = neutralizeCell(cell);
    });
  return workbook;
}

function noteOf(issues: readonly ReceiptIssue[]): string {
  return issues.map((i) => `${i.message_vi}\n(${i.message_en})`).join('\n\n');
}

/**
 * The annotated workbook as XLSX bytes; undefined when the file cannot be opened at all (its
 * receipt then holds only a file-level error, which no cell can show).
 */
export async function annotateUpload(
  bytes: Uint8Array,
  receipt: Receipt,
  dataset: DatasetDef,
): Promise<Uint8Array | undefined> {
  if (
    receipt.errors.some(
      (e) => e.rule.startsWith('file.') && e.rule !== 'file.wrong_dataset' && e.rule !== 'file.wrong_version',
    )
  )
    return undefined;
  let workbook: ExcelJS.Workbook;
  try {
    workbook = await workbookOf(bytes, dataset);
  } catch {
    return undefined;
  }
  const headers = new Map<string, HeaderMatch | undefined>();
  const headerOf = (worksheet: ExcelJS.Worksheet) => {
    if (!headers.has(worksheet.name)) headers.set(worksheet.name, findHeader(dataset, gridOf(worksheet)));
    return headers.get(worksheet.name);
  };
  const byCell = new Map<string, { issues: ReceiptIssue[]; error: boolean }>();
  for (const [list, error] of [
    [receipt.errors, true],
    [receipt.warnings, false],
  ] as const)
    for (const issue of list) {
      if (issue.row === null) continue;
      const worksheet = workbook.getWorksheet(issue.sheet ?? CSV_SHEET_NAME);
      if (!worksheet) continue;
      const header = headerOf(worksheet);
      const column = issue.column;
      const position =
        column === null || !header
          ? undefined
          : (header.columns.get(column) ??
            [...header.location].find(([k]) => k === column)?.[1] ??
            header.scaled.find((s) => s.key === column)?.position);
      const key = `${worksheet.name}\u0000${issue.row}\u0000${(position ?? 0) + 1}`;
      const entry = byCell.get(key) ?? { issues: [], error: false };
      entry.issues.push(issue);
      entry.error ||= error;
      byCell.set(key, entry);
    }
  for (const [key, entry] of byCell) {
    const [sheetName, row, col] = key.split('\u0000') as [string, string, string];
    const cell = workbook.getWorksheet(sheetName)!.getCell(Number(row), Number(col));
    // A loaded workbook shares one style object among the cells of one format: fill a copy,
    // or every amount cell of the sheet turns red with this one.
    cell.style = { ...cell.style, fill: entry.error ? ERROR_FILL : WARNING_FILL };
    cell.note = noteOf(entry.issues);
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
