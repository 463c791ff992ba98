import { execFile } from 'node:child_process';
import { mkdir, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { DATASETS } from '../../../core/datasets/index.ts';
import { annotateUpload, CSV_SHEET_NAME } from '../../../pipeline/validate/annotate.ts';
import { neutralizeCell } from '../../../pipeline/validate/safe-cell.ts';
import { csvOf, debtRow, validate } from './validate-upload-helpers.ts';

async function open(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(Buffer.from(bytes) as unknown as ExcelJS.Buffer);
  return workbook;
}

const fillOf = (cell: ExcelJS.Cell) =>
  cell.fill?.type === 'pattern' ? (cell.fill.fgColor?.argb ?? null) : null;

describe('neutralizeCell', () => {
  it('prefixes text that a spreadsheet would take for a formula, and nothing else', () => {
    expect(['=1+1', '+84 90', '-5', '@SUM(A1)', '\t=x'].map(neutralizeCell)).toEqual([
      "'=1+1",
      "'+84 90",
      "'-5",
      "'@SUM(A1)",
      "'\t=x",
    ]);
    expect([-5, 'Công ty A', '', null].map(neutralizeCell)).toEqual([-5, 'Công ty A', '', null]);
  });
});

describe('annotateUpload', () => {
  it('turns a CSV into a workbook with the same rows, wrong cells filled and noted, formulas neutralised', async () => {
    const csv = `BÁO CÁO NỢ THÁNG 08/2025\n${csvOf('debt', [
      debtRow({ ten_don_vi: '=HYPERLINK("http://x","bấm")' }),
      debtRow({ ma_so_thue: '0101234568', no_bhyt: '-5', tinh_trang: 'không rõ' }),
    ])}`;
    const { receipt } = await validate('debt', csv);
    expect(receipt.errors.map((e) => [e.row, e.column])).toEqual([
      [4, 'no_bhyt'],
      [4, 'tinh_trang'],
    ]);
    const bytes = await annotateUpload(new TextEncoder().encode(csv), receipt, DATASETS.debt);
    const sheet = (await open(bytes!)).getWorksheet(CSV_SHEET_NAME)!;
    expect(sheet.getCell('A1').value).toBe('BÁO CÁO NỢ THÁNG 08/2025');
    expect(sheet.getCell('B3').value).toBe('\'=HYPERLINK("http://x","bấm")');
    expect(sheet.getCell('D4').value).toBe("'-5");
    expect(fillOf(sheet.getCell('D4'))).toBe('FFFFC7CE');
    expect(fillOf(sheet.getCell('I4'))).toBe('FFFFC7CE');
    expect(fillOf(sheet.getCell('C4'))).toBeNull();
    expect(String(sheet.getCell('I4').note)).toContain(receipt.errors[1]!.message_vi);
    expect(String(sheet.getCell('I4').note)).toContain(receipt.errors[1]!.message_en);
  });

  it('marks cells of an XLSX in its own sheet; a binary file gets no copy', async () => {
    const workbook = new ExcelJS.Workbook();
    workbook.addWorksheet('Ghi chú').addRow(['x']);
    const sheet = workbook.addWorksheet('Nợ T8');
    sheet.addRow(['Tình trạng', 'Mã số thuế', 'Tên đơn vị', 'Nợ BHXH (đồng)', 'Nợ BHYT (đồng)']);
    sheet.addRow(['chậm đóng', '0101234567', 'A', 10, 2.5]);
    const original = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { receipt } = await validate('debt', original);
    expect(receipt.errors.map((e) => [e.sheet, e.row, e.column, e.rule])).toContainEqual([
      'Nợ T8',
      2,
      'no_bhyt',
      'integer.decimal',
    ]);
    const copy = await open((await annotateUpload(original, receipt, DATASETS.debt))!);
    expect(fillOf(copy.getWorksheet('Nợ T8')!.getCell('E2'))).toBe('FFFFC7CE');
    expect(copy.getWorksheet('Nợ T8')!.getCell('C2').value).toBe('A');
    const binary = new Uint8Array([0, 1, 2, 3, 0, 0]);
    expect(
      await annotateUpload(binary, (await validate('debt', binary)).receipt, DATASETS.debt),
    ).toBeUndefined();
  });

  it('is written by vss validate --annotate while the JSON receipt stays alone on stdout', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'vss-annotate-'));
    try {
      const input = join(dir, 'debt', '2025-08', '48.csv');
      await mkdir(join(dir, 'debt', '2025-08'), { recursive: true });
      await writeFile(input, csvOf('debt', [debtRow({ so_thang_no: 700 })]));
      const out = join(dir, 'marked.xlsx');
      const result = await promisify(execFile)(process.execPath, [
        'cli/vss.js',
        'validate',
        input,
        '--json',
        '--annotate',
        out,
      ]).catch((error: { code: number; stdout: string }) => error);
      expect('code' in result ? result.code : 0).toBe(1);
      expect(JSON.parse(result.stdout).errors[0].column).toBe('so_thang_no');
      const marked = (await open(await readFile(out))).getWorksheet(CSV_SHEET_NAME)!;
      expect(fillOf(marked.getCell('F2'))).toBe('FFFFC7CE');
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
  });
});
