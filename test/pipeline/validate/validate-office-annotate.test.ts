/**
 * The annotated copy of office-corpus files: refused cells of the new rules filled red, cells read
 * with a normalisation (a restored leading 0, a dash read as 0) filled yellow, each with its
 * message as a note, at the cell the officer sees, under one- and two-row merged headers alike.
 */
import { execFile } from 'node:child_process';
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { DATASETS } from '../../../core/datasets/index.ts';
import { annotateUpload, CSV_SHEET_NAME } from '../../../pipeline/validate/annotate.ts';
import { OFFICE_DIR } from '../../fixtures/office/generate.ts';
import { officeBytes, validateOfficeFile, type OfficeFile } from './validate-office-helpers.ts';

const RED = 'FFFFC7CE';
const YELLOW = 'FFFFEB9C';

async function annotated(entry: OfficeFile) {
  const { receipt } = await validateOfficeFile(entry);
  const bytes = await annotateUpload(await officeBytes(entry.file), receipt, DATASETS[entry.dataset]);
  expect(bytes).toBeDefined();
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes!) as unknown as ExcelJS.Buffer);
  return { receipt, workbook };
}

const fillOf = (cell: ExcelJS.Cell) =>
  cell.fill?.type === 'pattern' ? (cell.fill.fgColor?.argb ?? null) : null;
/**
 * Every filled cell of a sheet, as "B9 colour", but column A: row-level warnings (the unknown STT
 * header, the lines below the totals) are marked there, and STT holds no checked cell.
 */
function filled(sheet: ExcelJS.Worksheet): string[] {
  const out: string[] = [];
  sheet.eachRow((row) =>
    row.eachCell((cell) => {
      const fill = Number(cell.col) === 1 ? null : fillOf(cell);
      if (fill) out.push(`${cell.address} ${fill === RED ? 'red' : fill === YELLOW ? 'yellow' : fill}`);
    }),
  );
  return out.sort();
}

describe('the annotated copy of office files', () => {
  it('marks a subtotal that does not add up at its row and column, with its message', async () => {
    const { receipt, workbook } = await annotated({ file: 'debt-05-subtotal-wrong.csv', dataset: 'debt' });
    const sheet = workbook.getWorksheet(CSV_SHEET_NAME)!;
    expect(filled(sheet)).toEqual(['D18 red']);
    expect(sheet.getCell('C18').value).toBe('Cộng huyện Gia Lâm');
    const error = receipt.errors.find((e) => e.rule === 'subtotal.mismatch')!;
    expect(String(sheet.getCell('D18').note)).toContain(error.message_vi);
    expect(String(sheet.getCell('D18').note)).toContain(error.message_en);
  });

  it('marks restored tax codes yellow, each with what it was read as', async () => {
    const { workbook } = await annotated({ file: 'debt-08-leading-zero-lost.csv', dataset: 'debt' });
    const sheet = workbook.getWorksheet(CSV_SHEET_NAME)!;
    expect(filled(sheet)).toEqual(['B11 yellow', 'B13 yellow', 'B15 yellow', 'B9 yellow']);
    expect(String(sheet.getCell('B9').note)).toContain('0100109106');
  });

  it('marks dash zeros yellow and a parenthesised negative red', async () => {
    const dashes = await annotated({ file: 'debt-02-accounting-dash-zero.csv', dataset: 'debt' });
    const marks = filled(dashes.workbook.getWorksheet(CSV_SHEET_NAME)!);
    expect(marks).toHaveLength(12);
    expect(marks.every((m) => m.endsWith(' yellow'))).toBe(true);
    expect(marks).toContain('F9 yellow');
    const negative = await annotated({ file: 'debt-03-parenthesized-negative.csv', dataset: 'debt' });
    expect(filled(negative.workbook.getWorksheet(CSV_SHEET_NAME)!)).toEqual(['H12 red']);
  });

  it('finds the cell under a two-row merged header in the workbook itself', async () => {
    const total = await annotated({ file: 'debt-25-merged-total-wrong.xlsx', dataset: 'debt' });
    const sheet = total.workbook.getWorksheet('Nợ T8')!;
    const row = total.receipt.errors[0]!.row!;
    expect(filled(sheet)).toEqual([`I${row} red`]);
    const negative = await annotated({ file: 'debt-24-negative-number.xlsx', dataset: 'debt' });
    const [error] = negative.receipt.errors;
    expect(filled(negative.workbook.getWorksheet('Nợ T8')!)).toEqual([`F${error!.row} red`]);
  });

  it('marks doubtful dates and scientific notation', async () => {
    const dates = await annotated({ file: 'prosecution-31-month-first-text.xlsx', dataset: 'prosecution' });
    expect(filled(dates.workbook.getWorksheet('Sổ theo dõi')!)).toEqual(['E4 red', 'E7 red']);
    const sci = await annotated({ file: 'debt-09-scientific-tax-code.csv', dataset: 'debt' });
    expect(filled(sci.workbook.getWorksheet(CSV_SHEET_NAME)!)).toEqual(['B10 red']);
  });

  it('marks the header cells of columns in a scaled unit', async () => {
    const { workbook } = await annotated({ file: 'debt-19-thousands.csv', dataset: 'debt' });
    expect(filled(workbook.getWorksheet(CSV_SHEET_NAME)!)).toEqual(['D7 red', 'E7 red', 'F7 red']);
    const millions = await annotated({ file: 'debt-27-recovered-in-millions.xlsx', dataset: 'debt' });
    expect(filled(millions.workbook.getWorksheet('Nợ T8')!)).toEqual(['H7 red']);
  });

  it('gives no copy of a legacy file, which no cell can show', async () => {
    for (const file of ['debt-40-excel-97.xls', 'debt-41-tcvn3.csv', 'debt-42-vni.csv']) {
      const { receipt } = await validateOfficeFile({ file, dataset: 'debt' });
      expect(await annotateUpload(await officeBytes(file), receipt, DATASETS.debt)).toBeUndefined();
    }
  });

  it('is what vss validate --annotate writes for a workbook with a wrong subtotal', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vss-office-annotate-'));
    try {
      const out = join(dir, 'marked.xlsx');
      const file = join(OFFICE_DIR, 'files', 'debt-23-subtotal-typed-wrong.xlsx');
      const args = [
        'cli/vss.js',
        'validate',
        file,
        '--dataset',
        'debt',
        '--period',
        '2025-08',
        '--province',
        '01',
      ];
      const result = await promisify(execFile)(process.execPath, [
        ...args,
        '--json',
        '--annotate',
        out,
      ]).catch((error: { code: number; stdout: string }) => error);
      expect('code' in result ? result.code : 0).toBe(1);
      const [error] = z
        .array(z.object({ row: z.number(), rule: z.string() }))
        .parse(JSON.parse(result.stdout).errors);
      expect(error!.rule).toBe('subtotal.mismatch');
      const workbook = new ExcelJS.Workbook();
      await workbook.xlsx.load((await readFile(out)) as unknown as ExcelJS.Buffer);
      expect(filled(workbook.getWorksheet('Nợ T8')!)).toEqual([`E${error!.row} red`]);
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
