/**
 * The pieces that read office forms, each on its own: which rows are subtotals, headings or
 * signatures (and which look like them but are data), two-row header names, legacy encodings.
 */
import { describe, expect, it } from 'vitest';
import { DATASETS } from '../../../core/datasets/index.ts';
import { doubtfulDates } from '../../../pipeline/validate/date-order.ts';
import { twoRowNames } from '../../../pipeline/validate/header-rows.ts';
import { isOle2, legacyEncoding } from '../../../pipeline/validate/legacy-text.ts';
import { scaledUnit, withoutNotes } from '../../../pipeline/validate/header-units.ts';
import { findHeader } from '../../../pipeline/validate/match-header.ts';
import {
  groupHeadLabel,
  isHeadingRow,
  isSignatureRow,
  isSubtotalLabel,
} from '../../../pipeline/validate/row-kinds.ts';
import { MAYBE_SUBTOTAL_LABEL } from '../../../pipeline/validate/fast-csv-sql.ts';

const SUBTOTALS = [
  'Cộng quận Ba Đình',
  'Cộng huyện Gia Lâm',
  'CỘNG HUYỆN GIA LÂM',
  'Cộng: thị xã Sơn Tây',
  'II. Cộng thành phố Hà Đông',
  'Cong quan Hoan Kiem',
  'Cộng phường Kim Mã'.normalize('NFD'),
  'Cộng xã Bát Tràng',
];
const NAMES = [
  'Công ty TNHH Cộng Hòa',
  'Công ty CP Công thương Hà Nội',
  'Hợp tác xã Cộng đồng Xanh',
  'Cộng đồng Doanh nghiệp Quận 1',
  'Tổng công ty Xây dựng Sông Đà',
  'Quận đoàn Ba Đình',
  'Cộng',
];

describe('subtotal labels', () => {
  it.each(SUBTOTALS)('%s is a subtotal', (text) => expect(isSubtotalLabel(text)).toBe(true));
  it.each(NAMES)('%s is not', (text) => expect(isSubtotalLabel(text)).toBe(false));
  it("the DuckDB path's screen lets every subtotal through and 'Công ty …' not", () => {
    const screen = new RegExp(MAYBE_SUBTOTAL_LABEL.replace('(?i)', ''), 'iu');
    for (const text of SUBTOTALS) expect(screen.test(text), text).toBe(true);
    expect(screen.test('Công ty TNHH Minh Phát')).toBe(false);
  });
});

describe('headings and signatures', () => {
  it('a place heading, maybe numbered, alone on its row', () => {
    expect(isHeadingRow(['I', null, 'Quận Ba Đình'])).toBe(true);
    expect(isHeadingRow([null, 'Huyện Gia Lâm'])).toBe(true);
    expect(isHeadingRow(['I', 'Quận Ba Đình', '1.250.000'])).toBe(false);
    expect(isHeadingRow(['0101234567', 'Quận đoàn Ba Đình'])).toBe(false);
    expect(isHeadingRow([1, 'Quận Ba Đình'])).toBe(false);
    expect(isHeadingRow(['Công ty TNHH Hòa Bình'])).toBe(false);
  });
  it("a group's sums on its numbered heading row, never a row that names an employer", () => {
    expect(groupHeadLabel(['II', null, 'Huyện Gia Lâm', 59_300_000, '10.460.000'], [1])).toBe(
      'Huyện Gia Lâm',
    );
    expect(groupHeadLabel([null, null, 'II. Huyện Gia Lâm', '59.300.000'], [1])).toBe('II. Huyện Gia Lâm');
    expect(groupHeadLabel(['I', '0101234567', 'Quận đoàn Ba Đình', 1_250_000], [1])).toBeUndefined();
    expect(groupHeadLabel(['I', 101234567, 'Quận đoàn Ba Đình', 1_250_000], [1])).toBeUndefined();
    expect(groupHeadLabel([null, null, 'Huyện Gia Lâm', '59.300.000'], [1])).toBeUndefined();
    expect(groupHeadLabel(['II', null, 'Công ty TNHH Gia Lâm', '59.300.000'], [1])).toBeUndefined();
  });
  it('the signature block, never a data row', () => {
    expect(isSignatureRow([null, 'Người lập biểu', null, 'GIÁM ĐỐC'])).toBe(true);
    expect(isSignatureRow(['Hà Nội, ngày 05 tháng 9 năm 2025'])).toBe(true);
    expect(isSignatureRow(['(Ký, họ tên)', '(Ký, họ tên, đóng dấu)', 'KT. GIÁM ĐỐC'])).toBe(true);
    expect(isSignatureRow(['0101234567', 'Giám đốc'])).toBe(false);
    expect(isSignatureRow(['Nguyễn Văn An'])).toBe(false);
    expect(isSignatureRow([null, ''])).toBe(false);
  });
});

describe('two-row headers', () => {
  const top = { number: 5, cells: ['STT', 'Mã số thuế', 'Số nợ (đồng)', null, null, 'Tình trạng'] };
  const bottom = { number: 6, cells: [null, null, 'BHXH', 'BHYT', 'BHTN', null] };
  it('a merged group title names each column under it; other titles stand alone', () => {
    const names = twoRowNames(top, bottom);
    expect(names[0]).toEqual(['STT']);
    expect(names[3]).toContain('nợ BHYT');
    expect(names[5]).toEqual(['Tình trạng']);
  });
  it('reads as one header when together the rows name more columns, as a full read repeats merged text', () => {
    const repeated = { number: 6, cells: ['STT', 'Mã số thuế', 'BHXH', 'BHYT', 'BHTN', 'Tình trạng'] };
    const shown = {
      number: 5,
      cells: ['STT', 'Mã số thuế', 'Số nợ (đồng)', 'Số nợ (đồng)', 'Số nợ (đồng)', 'Tình trạng'],
    };
    for (const rows of [
      [top, bottom],
      [shown, repeated],
    ]) {
      const header = findHeader(DATASETS.debt, { name: null, rows });
      expect(header?.rowCount).toBe(2);
      expect([...header!.columns]).toEqual([
        ['ma_so_thue', 1],
        ['no_bhxh', 2],
        ['no_bhyt', 3],
        ['no_bhtn', 4],
        ['tinh_trang', 5],
      ]);
    }
  });
  it('a title row above a one-row header is not taken for its first half', () => {
    const title = { number: 4, cells: ['BÁO CÁO TÌNH HÌNH NỢ'] };
    const header = { number: 5, cells: ['Mã số thuế', 'Tên đơn vị', 'Tình trạng'] };
    expect(findHeader(DATASETS.debt, { name: null, rows: [title, header] })).toMatchObject({
      rowIndex: 1,
      rowCount: 1,
    });
  });
});

describe('notes in column titles', () => {
  it('drops a note that keeps the meaning, never a scaled unit or a foreign currency', () => {
    expect(withoutNotes('Mã số thuế (MST)')).toBe('Mã số thuế');
    expect(withoutNotes('Nợ BHXH (VNĐ)')).toBe('Nợ BHXH');
    expect(withoutNotes('Nợ BHXH (USD)')).toBeUndefined();
    expect(withoutNotes('Nợ BHXH (nghìn đồng)')).toBeUndefined();
    expect(scaledUnit('Số nợ (nghìn đồng)')).toBe('nghìn đồng');
    expect(scaledUnit('Đã thu hồi (Triệu đồng)')).toBe('triệu đồng');
    expect(scaledUnit('Số tiền (1.000 đ)')).toBe('1.000 đ');
    expect(scaledUnit('Nợ BHXH (đồng)')).toBeUndefined();
  });
});

describe('legacy files', () => {
  const sheet = (...texts: string[]) => [
    { name: null, rows: texts.map((t, i) => ({ number: i + 1, cells: [t] })) },
  ];
  it('TCVN3 and VNI text, and not Unicode Vietnamese or one foreign name', () => {
    expect(legacyEncoding(sheet('M· sè thuÕ', 'Tªn ®¬n vÞ'))?.encoding).toBe('TCVN3 (ABC)');
    expect(legacyEncoding(sheet('Maõ soá thueá', 'Teân ñôn vò', 'Coâng ty'))?.encoding).toBe('VNI');
    expect(
      legacyEncoding(sheet('Mã số thuế', 'Tên đơn vị', 'Công ty TNHH Hòa Bình', 'Cửa hàng Ánh Dương')),
    ).toBeUndefined();
    expect(legacyEncoding(sheet('Müller GmbH Việt Nam', 'Nestlé Việt Nam'))).toBeUndefined();
  });
  it('the .xls signature', () => {
    expect(isOle2(new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0]))).toBe(true);
    expect(isOle2(new Uint8Array([0x50, 0x4b, 0x03, 0x04]))).toBe(false);
  });
});

describe('date order of a column', () => {
  it('refuses nothing until a date can only be month first, then every date that reads both ways', () => {
    expect(doubtfulDates(['05/08/2025', '3/4/2025', new Date(Date.UTC(2025, 0, 2))])).toEqual(new Map());
    expect(doubtfulDates(['3/4/2025', '7/28/2025', '13/08/2025', '5/5/2025', null])).toEqual(
      new Map([
        [0, 'ambiguous'],
        [1, 'month_first'],
      ]),
    );
  });
});
