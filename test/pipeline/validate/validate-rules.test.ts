import { describe, expect, it } from 'vitest';
import { issueCounts, MAX_LISTED_ISSUES } from '../../../pipeline/validate/index.ts';
import { csvOf, debtRow, rulesOf, validate } from './validate-upload-helpers.ts';

const procedures = (o: Record<string, string | number> = {}) => ({
  nhom_thu_tuc: 'thu, cấp sổ thẻ',
  tiep_nhan: 100,
  dung_han: 70,
  tre_han: 10,
  dang_giai_quyet: 20,
  qua_han: 5,
  ...o,
});
const enforcement = (o: Record<string, string | number> = {}) => ({
  so_cuoc_thanh_tra: 3,
  so_don_vi_duoc_thanh_tra: 10,
  so_don_vi_vi_pham: 4,
  so_quyet_dinh_xu_phat: 4,
  tien_phat: '50.000.000',
  tien_phat_da_thu: '20.000.000',
  ...o,
});
const dossier = (o: Record<string, string | number> = {}) => ({
  ma_ho_so: 'HS-2025-001',
  dieu_luat: '216',
  ma_so_thue: '0101234567',
  ngay_gui: '05/08/2025',
  trang_thai: 'đã gửi',
  so_tien: '1.500.000.000',
  ...o,
});

describe('row rules from the dataset definitions', () => {
  it('rule.sum_equals: on time + late + pending = received', async () => {
    expect((await validate('procedures', csvOf('procedures', [procedures()]))).receipt.status).toBe(
      'accepted',
    );
    const { receipt } = await validate('procedures', csvOf('procedures', [procedures({ tiep_nhan: 101 })]));
    expect(receipt.errors).toMatchObject([
      { row: 2, column: 'tiep_nhan', rule: 'rule.sum_equals', expected: '100', found: '101' },
    ]);
    expect(receipt.errors[0]?.message_vi).toContain('Tiếp nhận');
  });

  it('rule.not_greater as an error: overdue within pending', async () => {
    const { receipt } = await validate('procedures', csvOf('procedures', [procedures({ qua_han: 21 })]));
    expect(receipt.errors).toMatchObject([
      { column: 'qua_han', rule: 'rule.not_greater', found: '21', expected: '<= 20' },
    ]);
  });

  it('rule.not_greater as a warning: fines collected above fines imposed do not reject', async () => {
    const ok = await validate('enforcement', csvOf('enforcement', [enforcement()]));
    expect(ok.receipt.warnings).toEqual([]);
    const { receipt } = await validate(
      'enforcement',
      csvOf('enforcement', [enforcement({ tien_phat_da_thu: '60.000.000' })]),
    );
    expect(receipt.status).toBe('accepted');
    expect(receipt.warnings).toMatchObject([{ column: 'tien_phat_da_thu', rule: 'rule.not_greater' }]);
    const violating = await validate(
      'enforcement',
      csvOf('enforcement', [enforcement({ so_don_vi_vi_pham: 11 })]),
    );
    expect(rulesOf(violating)).toEqual(['rule.not_greater']);
  });

  it('rule.required_unless: a tax code may be empty only for Art. 214/215', async () => {
    const ok = await validate(
      'prosecution',
      csvOf('prosecution', [dossier({ dieu_luat: '214', ma_so_thue: '' })]),
    );
    expect(ok.receipt.status).toBe('accepted');
    expect(ok.rows[0]).toMatchObject({
      ma_so_thue: null,
      ngay_gui: '2025-08-05',
      so_tien: 1500000000,
      trang_thai: 'sent',
    });
    const { receipt } = await validate('prosecution', csvOf('prosecution', [dossier({ ma_so_thue: '' })]));
    expect(receipt.errors).toMatchObject([{ column: 'ma_so_thue', rule: 'rule.required_unless' }]);
  });

  it('unique: a scheme at most once per file, by label or code', async () => {
    const rows = [
      { loai_hinh: 'BHYT', so_nguoi_tham_gia: 10, chi_tieu_giao: 12, dan_so_co_so: 100 },
      { loai_hinh: 'hi', so_nguoi_tham_gia: 10, chi_tieu_giao: 12, dan_so_co_so: 100 },
    ];
    expect((await validate('coverage', csvOf('coverage', rows.slice(0, 1)))).receipt.status).toBe('accepted');
    const { receipt } = await validate('coverage', csvOf('coverage', rows));
    expect(receipt.errors).toMatchObject([{ row: 3, column: 'loai_hinh', rule: 'unique', found: 'hi' }]);
    expect(receipt.errors[0]?.message_en).toContain('row 2');
  });

  it('cell.required, date.format, tax_code.format and integer.min for the coverage base', async () => {
    expect(rulesOf(await validate('debt', csvOf('debt', [debtRow({ ten_don_vi: ' ' })])))).toEqual([
      'cell.required',
    ]);
    expect(
      rulesOf(await validate('prosecution', csvOf('prosecution', [dossier({ ngay_gui: '31/09/2025' })]))),
    ).toEqual(['date.format']);
    expect(rulesOf(await validate('debt', csvOf('debt', [debtRow({ ma_so_thue: '12345' })])))).toEqual([
      'tax_code.format',
    ]);
    const base = { loai_hinh: 'ui', so_nguoi_tham_gia: 1, chi_tieu_giao: 1, dan_so_co_so: 0 };
    expect(rulesOf(await validate('coverage', csvOf('coverage', [base])))).toEqual(['integer.min']);
  });
});

describe('location', () => {
  it('names the unit a merged province became part of (49 Quảng Nam → 48 Đà Nẵng)', async () => {
    const { receipt } = await validate('debt', csvOf('debt', [debtRow()]), {
      province: '49',
      period: '2025-08',
    });
    expect(receipt.status).toBe('rejected');
    expect(receipt.errors).toMatchObject([
      { row: null, rule: 'location.province', expected: '48', found: '49' },
    ]);
    expect(receipt.errors[0]?.message_vi).toContain('48 Đà Nẵng');
    expect(receipt.errors[0]?.message_en).toContain('48 Da Nang');
  });

  it('accepts 49 before the reform and refuses a code that never existed', async () => {
    expect(
      (await validate('debt', csvOf('debt', [debtRow()]), { province: '49', period: '2025-06' })).receipt
        .status,
    ).toBe('accepted');
    expect(rulesOf(await validate('debt', csvOf('debt', [debtRow()]), { province: '99' }))).toEqual([
      'location.province',
    ]);
  });

  it('refuses future periods and periods before 2015', async () => {
    expect((await validate('debt', csvOf('debt', [debtRow()]), { period: '2025-09' })).receipt.status).toBe(
      'accepted',
    );
    expect(rulesOf(await validate('debt', csvOf('debt', [debtRow()]), { period: '2025-10' }))).toEqual([
      'location.period',
    ]);
    expect(
      rulesOf(await validate('debt', csvOf('debt', [debtRow()]), { period: '2014-12', province: '01' })),
    ).toEqual(['location.period']);
  });

  it('checks in-file ma_tinh and ky_bao_cao against the upload', async () => {
    const csv = (province: string, period: string) =>
      csvOf('debt', [debtRow()])
        .replace('Tình trạng', 'Tình trạng,Mã tỉnh,Kỳ báo cáo')
        .replace('chậm đóng', `chậm đóng,${province},${period}`);
    expect((await validate('debt', csv('48', '08/2025'))).receipt.errors).toEqual([]);
    const { receipt } = await validate('debt', csv('49', '2025-07'));
    expect(receipt.errors.map((e) => [e.column, e.rule, e.expected, e.found])).toEqual([
      ['ma_tinh', 'location.mismatch', '48', '49'],
      ['ky_bao_cao', 'location.mismatch', '2025-08', '2025-07'],
    ]);
  });
});

describe('the receipt stays small', () => {
  it('lists at most MAX_LISTED_ISSUES errors but counts them all', async () => {
    const rows = Array.from({ length: MAX_LISTED_ISSUES + 5 }, (_, i) =>
      debtRow({ ma_so_thue: String(1000000000 + i), no_bhxh: -1 }),
    );
    const { receipt } = await validate('debt', csvOf('debt', rows));
    expect(receipt.errors).toHaveLength(MAX_LISTED_ISSUES + 1);
    expect(receipt.errors.at(-1)).toMatchObject({
      rule: 'issues.truncated',
      found: String(MAX_LISTED_ISSUES + 5),
    });
    expect(issueCounts(receipt)).toEqual({ errors: MAX_LISTED_ISSUES + 5, warnings: 0 });
    expect(receipt.rows).toEqual({
      read: MAX_LISTED_ISSUES + 5,
      accepted: 0,
      rejected: MAX_LISTED_ISSUES + 5,
    });
  });
});
