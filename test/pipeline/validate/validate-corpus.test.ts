/**
 * Files as provinces really send them, built here byte by byte: each is accepted with the right
 * totals or rejected at the right row, column and rule.
 */
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { validate } from './validate-upload-helpers.ts';

const HEADER = [
  'Mã số thuế',
  'Tên đơn vị',
  'Nợ BHXH (đồng)',
  'Nợ BHYT (đồng)',
  'Nợ BHTN (đồng)',
  'Số tháng nợ',
  'Đã thu hồi trong tháng (đồng)',
  'Số lao động',
  'Tình trạng',
];
const ROWS = [
  [
    '0101234567',
    'Công ty TNHH Thương mại Hòa Bình',
    '1.250.000',
    '220.000',
    '0',
    '5',
    '0',
    '18',
    'chậm đóng',
  ],
  [
    '0400567890-002',
    'Chi nhánh Công ty CP Đầu tư Sơn Trà',
    '34.560.000',
    '6.100.000',
    '1.200.000',
    '13',
    '5.000.000',
    '57',
    'Trốn đóng',
  ],
];
const TOTALS = {
  no_bhxh: 35_810_000,
  no_bhyt: 6_320_000,
  no_bhtn: 1_200_000,
  da_thu_hoi: 5_000_000,
  so_lao_dong: 75,
};
/**
 * Windows-1258 as Vietnamese Windows writes it: vowels with circumflex, breve or horn are single
 * bytes, tone marks are separate combining bytes (iconv-lite does not decompose for us).
 */
function toWindows1258(text: string): Uint8Array {
  const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;
  const split = [...text]
    .map((ch) => {
      const parts = ch.normalize('NFD');
      const tones = parts.match(TONES)?.join('') ?? '';
      return parts.replace(TONES, '').normalize('NFC') + tones;
    })
    .join('');
  return iconv.encode(split, 'windows-1258');
}
const lines = (rows: string[][], delimiter: string) => rows.map((r) => r.join(delimiter)).join('\r\n');
const summary = (r: Awaited<ReturnType<typeof validate>>) =>
  r.receipt.errors.map((e) => [e.sheet, e.row, e.column, e.rule]);

describe('the messy-file corpus', () => {
  it("Excel's Unicode text: UTF-16 LE with BOM, tab-separated", async () => {
    const text = lines([HEADER, ...ROWS], '\t');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const result = await validate('debt', bytes);
    expect(summary(result)).toEqual([]);
    expect(result.receipt.totals).toEqual(TOTALS);
    expect(result.rows[1]!.ten_don_vi).toBe('Chi nhánh Công ty CP Đầu tư Sơn Trà');
  });

  it('legacy Windows-1258, comma-separated, amounts written en-US', async () => {
    const rows = ROWS.map((r) =>
      r.map((cell) => (/^[\d.]+$/.test(cell) ? `"${cell.replace(/\./g, ',')}"` : cell)),
    );
    const bytes = toWindows1258(lines([HEADER, ...rows], ','));
    expect(new TextDecoder().decode(bytes)).not.toContain('Mã');
    const result = await validate('debt', bytes);
    expect(summary(result)).toEqual([]);
    expect(result.receipt.totals).toEqual(TOTALS);
    expect(result.rows[0]!.ten_don_vi).toBe('Công ty TNHH Thương mại Hòa Bình'.normalize('NFC'));
  });

  it('semicolons with vi-VN grouping, blank rows, an unknown column: errors at the rows the editor shows', async () => {
    const header = ['STT', ...HEADER];
    const bad = [
      '3',
      '0101234568',
      'Hộ kinh doanh Minh Anh',
      '1.234,5',
      '0',
      '0',
      '2',
      '0',
      '1',
      'chậm đóng',
    ];
    const text = [lines([header], ';'), '', lines([['1', ...ROWS[0]!]], ';'), ';;;;', lines([bad], ';')].join(
      '\r\n',
    );
    const result = await validate('debt', text);
    expect(summary(result)).toEqual([[null, 5, 'no_bhxh', 'integer.decimal']]);
    expect(result.receipt.warnings.map((w) => [w.row, w.rule, w.found])).toEqual([
      [1, 'header.unknown', 'STT'],
    ]);
    const fixed = text.replace('1.234,5', '1.234');
    const accepted = await validate('debt', fixed);
    expect(accepted.receipt.status).toBe('accepted');
    expect(accepted.receipt.totals.no_bhxh).toBe(1_250_000 + 1_234);
  });

  it('an XLSX named .csv, and a CSV named .xlsx, are read by what they are', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Sheet1');
    sheet.addRow(HEADER);
    for (const row of ROWS) sheet.addRow(row);
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect((await validate('debt', xlsx)).receipt.totals).toEqual(TOTALS);
    expect((await validate('debt', lines([HEADER, ...ROWS], ','))).receipt.totals).toEqual(TOTALS);
  });

  it('empty, blank, binary and non-template files each get one file-level error', async () => {
    const cases: Array<[string | Uint8Array, string]> = [
      ['', 'file.empty'],
      ['\r\n\r\n  \r\n', 'file.empty'],
      [new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0, 0]), 'file.xls'],
      ['%PDF-1.7\n%\u00e2\u00e3\n1 0 obj << /Type /Catalog >>', 'file.type'],
      [new Uint8Array([0x50, 0x4b, 0x03, 0x04, 9, 9, 9, 9]), 'file.unreadable'],
      ['Kính gửi: Bảo hiểm xã hội Việt Nam\nSố liệu gửi kèm công văn.', 'header.not_found'],
    ];
    for (const [content, rule] of cases) {
      const result = await validate('debt', content);
      expect(summary(result), rule).toEqual([[null, null, null, rule]]);
    }
  });

  it('a header short of a column: the missing column named at the header row', async () => {
    const text = lines([['BÁO CÁO NỢ'], HEADER.slice(0, 8), ...ROWS.map((r) => r.slice(0, 8))], ',');
    expect(summary(await validate('debt', text))).toEqual([[null, 2, 'tinh_trang', 'header.missing']]);
  });
});
