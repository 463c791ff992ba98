import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { isColumnNumberRow, isTotalsRow } from '../../../pipeline/validate/sheet-body.ts';
import { rulesOf, validate } from './validate-upload-helpers.ts';

/** A debt report as a provincial office prints it: letterhead, title, month, header, numbering. */
const LETTERHEAD = [
  'BẢO HIỂM XÃ HỘI VIỆT NAM;;;;CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'BẢO HIỂM XÃ HỘI TỈNH QUẢNG NAM;;;;Độc lập - Tự do - Hạnh phúc',
  '',
  'BÁO CÁO TÌNH HÌNH NỢ BHXH, BHYT, BHTN',
  'Tháng 08 năm 2025',
  '',
  'Mã số thuế;Tên đơn vị;Nợ BHXH (đồng);Nợ BHYT (đồng);Nợ BHTN (đồng);Số tháng nợ;Đã thu hồi trong tháng (đồng);Số lao động;Tình trạng',
  '(1);(2);(3);(4);(5);(6);(7);(8);(9)',
];
const DATA = [
  '0101234567;Công ty TNHH Minh Phát;1.234.567;200.000;0;4;0;12;chậm đóng',
  '',
  '0400123456-001;Chi nhánh Hội An;10.000.000;1.500.000;300.000;7;2.000.000;40;trốn đóng',
];
const report = (totals: string, footer: string[] = []) =>
  [...LETTERHEAD, ...DATA, totals, ...footer].join('\r\n');

describe('a report with letterhead, numbering row and a totals row', () => {
  it('skips title, blank and numbering rows, does not count the totals row, and accepts matching totals', async () => {
    const csv = report(';Tổng cộng;11.234.567;1.700.000;300.000;;2.000.000;52;', [
      '',
      ';;;;;Đà Nẵng, ngày 05 tháng 09 năm 2025',
      ';NGƯỜI LẬP BIỂU;;;;GIÁM ĐỐC',
    ]);
    const { receipt, rows } = await validate('debt', csv);
    expect(receipt.errors).toEqual([]);
    expect(receipt.rows).toEqual({ read: 2, accepted: 2, rejected: 0 });
    expect(rows.map((r) => r.ma_so_thue)).toEqual(['0101234567', '0400123456-001']);
    expect(receipt.totals).toEqual({
      no_bhxh: 1_234_567 + 10_000_000,
      no_bhyt: 1_700_000,
      no_bhtn: 300_000,
      da_thu_hoi: 2_000_000,
      so_lao_dong: 52,
    });
    // The signature lines below the totals are reported, never read as data.
    expect(receipt.warnings.map((w) => [w.rule, w.row])).toEqual([
      ['rows.after_total', 14],
      ['rows.after_total', 15],
    ]);
  });

  it('rejects a totals row that disagrees with the rows, at its row and column, naming both figures', async () => {
    const csv = report('CỘNG:;;11.234.567;1.700.001;300.000;;2.000.000;50;');
    const { receipt } = await validate('debt', csv);
    expect(receipt.status).toBe('rejected');
    expect(receipt.errors.map((e) => [e.row, e.column, e.rule, e.expected, e.found])).toEqual([
      [12, 'no_bhyt', 'total.mismatch', '1700000', '1.700.001'],
      [12, 'so_lao_dong', 'total.mismatch', '52', '50'],
    ]);
    expect(receipt.errors[0]!.message_vi).toContain('1.700.000');
    expect(receipt.errors[0]!.message_en).toContain('1,700,000');
  });

  it('recognises "Tong cong" and "Total" and compares nothing when the totals row is empty', async () => {
    expect(isTotalsRow([null, 'Tong cong toan tinh'])).toBe(true);
    expect(isTotalsRow(['Total', 5])).toBe(true);
    expect(isTotalsRow(['Công ty Cộng Hòa', 5])).toBe(false);
    const { receipt } = await validate('debt', report('Tong cong;;;;;;;;'));
    expect(receipt.status).toBe('accepted');
    expect(receipt.rows.read).toBe(2);
  });

  it('reads an employer named "Tổng công ty …" as data, not as the totals row', async () => {
    const employer = '0300100100;Tổng công ty Điện lực miền Nam;5.000.000;0;0;3;0;900;chậm đóng';
    const csv = [...LETTERHEAD, employer, ...DATA].join('\r\n');
    const { receipt, rows } = await validate('debt', csv);
    expect(receipt.errors).toEqual([]);
    expect(receipt.rows).toEqual({ read: 3, accepted: 3, rejected: 0 });
    expect(rows.map((r) => r.ma_so_thue)).toEqual(['0300100100', '0101234567', '0400123456-001']);
  });

  it('tells a numbering row from data', () => {
    expect(isColumnNumberRow(['(1)', '(2)', '(3)'])).toBe(true);
    expect(isColumnNumberRow(['A', 'B', 1, 2, 3])).toBe(true);
    expect(isColumnNumberRow([3, 4, 5])).toBe(false);
    expect(isColumnNumberRow(['thu cap so the', 1, 2])).toBe(false);
  });

  it('checks an XLSX totals row made of cached SUM formulas', async () => {
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('TT Thủ tục');
    sheet.addRow(['BẢO HIỂM XÃ HỘI TỈNH QUẢNG NAM']);
    sheet.addRow(['BÁO CÁO KẾT QUẢ GIẢI QUYẾT THỦ TỤC HÀNH CHÍNH']);
    sheet.addRow(['Tháng 08 năm 2025']);
    sheet.addRow([]);
    sheet.addRow([
      'Nhóm thủ tục',
      'Tiếp nhận',
      'Giải quyết đúng hạn',
      'Giải quyết trễ hạn',
      'Đang giải quyết',
      'Quá hạn chưa giải quyết',
    ]);
    sheet.addRow(['Thu, cấp sổ thẻ', 1200, 1100, 20, 80, 10]);
    sheet.addRow(['Ốm đau, thai sản', 900, 850, 10, 40, 0]);
    sheet.addRow([
      'Tổng cộng',
      { formula: 'SUM(B6:B7)', result: 2100 },
      { formula: 'SUM(C6:C7)', result: 1950 },
      { formula: 'SUM(D6:D7)', result: 31 },
      { formula: 'SUM(E6:E7)', result: 120 },
      { formula: 'SUM(F6:F7)', result: 10 },
    ]);
    const bytes = new Uint8Array(await workbook.xlsx.writeBuffer());
    const { receipt } = await validate('procedures', bytes);
    expect(receipt.errors.map((e) => [e.sheet, e.row, e.column, e.rule, e.expected, e.found])).toEqual([
      ['TT Thủ tục', 8, 'tre_han', 'total.mismatch', '30', '31'],
    ]);
  });

  it('gives one file-level error for a coverage file uploaded as debt', async () => {
    const coverage = [
      'BÁO CÁO TÌNH HÌNH THAM GIA BHXH, BHYT, BHTN',
      'Loại hình,Số người tham gia,Chỉ tiêu giao,Dân số / lực lượng lao động',
      ...Array.from(
        { length: 4 },
        (_, i) => `${['BHXH bắt buộc', 'BHXH tự nguyện', 'BHTN', 'BHYT'][i]},100,200,300`,
      ),
    ].join('\n');
    const { receipt } = await validate('debt', coverage);
    expect(receipt.errors.map((e) => [e.rule, e.row, e.column, e.expected, e.found])).toEqual([
      ['file.wrong_dataset', null, null, 'debt', 'coverage'],
    ]);
    expect(rulesOf(await validate('coverage', coverage))).toEqual([]);
  });
});
