import { describe, expect, it } from 'vitest';
import { DATASETS } from '../../../core/datasets/index.ts';
import { findHeader } from '../../../pipeline/validate/match-header.ts';
import { matchKey } from '../../../pipeline/validate/normalize.ts';
import type { RawCell, Sheet } from '../../../pipeline/validate/grid.ts';

const sheetOf = (...rows: RawCell[][]): Sheet => ({
  name: null,
  rows: rows.map((cells, i) => ({ number: i + 1, cells })),
});

describe('matchKey', () => {
  it.each(['Mã số thuế', 'ma so thue', 'MA_SO_THUE', 'ma_so_thue', ' Mã  Số-Thuế ', 'MÃ SỐ THUẾ'])(
    '%s reads as masothue',
    (header) => expect(matchKey(header)).toBe('masothue'),
  );
  it('folds đ and decomposed diacritics', () => {
    expect(matchKey('Đã thu hồi (đồng)')).toBe('dathuhoidong');
    expect(matchKey('Tình trạng'.normalize('NFD'))).toBe('tinhtrang');
  });
  it('keeps different words apart', () => {
    expect(matchKey('Nợ BHXH')).not.toBe(matchKey('Nợ BHYT'));
  });
});

describe('findHeader', () => {
  const debt = DATASETS.debt;

  it('maps columns in any order, by key, Vietnamese header or English description', () => {
    const header = findHeader(
      debt,
      sheetOf([
        'Tình trạng',
        'MA_SO_THUE',
        'Employer name',
        'no bhxh',
        'Nợ BHYT',
        'NO_BHTN (dong)',
        'so thang no',
        'Đã thu hồi trong tháng',
        'So lao dong',
      ]),
    );
    expect(header?.columns.get('tinh_trang')).toBe(0);
    expect(header?.columns.get('ma_so_thue')).toBe(1);
    expect(header?.columns.get('ten_don_vi')).toBe(2);
    expect(header?.columns.get('no_bhtn')).toBe(5);
    expect(header?.columns.get('da_thu_hoi')).toBe(7);
    expect(header?.columns.size).toBe(debt.columns.length);
    expect(header?.unknown).toEqual([]);
  });

  it('reports unknown and duplicate headers and recognises location columns', () => {
    const header = findHeader(
      debt,
      sheetOf(['Mã số thuế', 'Ghi chú', 'ma so thue', 'Mã tỉnh', 'Kỳ báo cáo']),
    );
    expect(header?.unknown).toEqual(['Ghi chú']);
    expect(header?.duplicates).toEqual([{ key: 'ma_so_thue', header: 'ma so thue' }]);
    expect(header?.location.get('ma_tinh')).toBe(3);
    expect(header?.location.get('ky_bao_cao')).toBe(4);
  });

  it('finds the header below title rows', () => {
    const header = findHeader(
      DATASETS.enforcement,
      sheetOf(
        ['BÁO CÁO THANH TRA THÁNG 8/2025'],
        [null],
        ['Số cuộc thanh tra, kiểm tra', 'Tiền phạt (đồng)'],
        [1, 2],
      ),
    );
    expect(header?.rowIndex).toBe(2);
    expect(header?.headerRow.number).toBe(3);
  });

  it('finds nothing in a sheet that names no column', () => {
    expect(findHeader(debt, sheetOf(['a', 'b'], ['1', '2']))).toBeUndefined();
  });
});
