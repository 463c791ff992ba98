/**
 * The sample's inspection types, results and police-coordination recoveries: absent before a unit
 * adopts the 2025 template, within the template's rules after, and near the published national
 * figures over a year (bands in pipeline/generate/CALIBRATION.md).
 */
import { describe, expect, it } from 'vitest';
import { enforcement } from '../../../core/datasets/enforcement.ts';
import { isRequired } from '../../../core/datasets/index.ts';
import { periodRange } from '../../../core/period.ts';
import { enforcementRows } from '../../../pipeline/generate/activity.ts';
import { csvFile } from '../../../pipeline/generate/csv-file.ts';
import { provinces } from '../../../pipeline/reference/provinces.ts';
import { validate } from '../validate/validate-upload-helpers.ts';

const SEED = 5;
const OLD_UNITS = provinces().units.filter((u) => u.generation === '63');
const NEW_KEYS = enforcement.columns.filter((c) => !isRequired(c)).map((c) => c.key);
const rowOf = (code: string, period: string) => {
  const unit = OLD_UNITS.find((u) => u.code === code);
  if (!unit) throw new Error(`no unit ${code}`);
  return enforcementRows(SEED, unit, period)[0] ?? {};
};
const carries = (row: Record<string, unknown>) => NEW_KEYS.filter((k) => k in row).length;

describe('generated enforcement results', () => {
  it('come with the 2025 template: none before 2025-01, some units in between, every unit from 2025-06', () => {
    const count = (period: string) =>
      OLD_UNITS.filter((u) => carries(rowOf(u.code, period)) === NEW_KEYS.length).length;
    for (const u of OLD_UNITS) {
      expect(carries(rowOf(u.code, '2024-12'))).toBe(0);
      expect(carries(rowOf(u.code, '2025-06'))).toBe(NEW_KEYS.length);
    }
    expect(count('2025-02')).toBeGreaterThan(0);
    expect(count('2025-02')).toBeLessThan(OLD_UNITS.length);
  });

  it('keep the types adding up to the inspections and the recovery within what was found', () => {
    for (const u of OLD_UNITS)
      for (const period of periodRange('2025-06', '2026-05')) {
        const r = rowOf(u.code, period);
        const types =
          Number(r.so_cuoc_theo_ke_hoach) + Number(r.so_cuoc_dot_xuat) + Number(r.so_cuoc_chuyen_nganh);
        expect(types, `${u.code} ${period}`).toBe(r.so_cuoc_thanh_tra);
        expect(Number(r.so_tien_da_truy_thu)).toBeLessThanOrEqual(Number(r.so_tien_dong_thieu));
        expect(Number(r.so_don_vi_thu_hoi_cong_an) === 0).toBe(Number(r.so_tien_thu_hoi_cong_an) === 0);
      }
  });

  it('land near the published national figures over a year', () => {
    const total = (key: string) =>
      OLD_UNITS.reduce(
        (s, u) =>
          s + periodRange('2025-06', '2026-05').reduce((t, p) => t + Number(rowOf(u.code, p)[key]), 0),
        0,
      );
    // 17,464 workers in 16 months; VND 257 bn recovered in 16 months; 58 employers, VND 9 bn.
    expect(total('so_lao_dong_chua_tham_gia')).toBeGreaterThan(8_000);
    expect(total('so_lao_dong_chua_tham_gia')).toBeLessThan(20_000);
    expect(total('so_tien_da_truy_thu')).toBeGreaterThan(120e9);
    expect(total('so_tien_da_truy_thu')).toBeLessThan(280e9);
    expect(total('so_don_vi_thu_hoi_cong_an')).toBeGreaterThan(30);
    expect(total('so_don_vi_thu_hoi_cong_an')).toBeLessThan(100);
    expect(total('so_tien_thu_hoi_cong_an')).toBeGreaterThan(4e9);
    expect(total('so_tien_thu_hoi_cong_an')).toBeLessThan(18e9);
    const planned = total('so_cuoc_theo_ke_hoach') / total('so_cuoc_thanh_tra');
    expect(planned).toBeGreaterThan(0.5);
    expect(planned).toBeLessThan(0.7);
  });

  it('write an older unit-month as the older template, which the validator accepts', async () => {
    const row = rowOf('01', '2024-12');
    const text = csvFile(enforcement, [row]).toString('utf8');
    expect(text.split('\r\n')[0]).not.toContain('kế hoạch');
    const { receipt, rows } = await validate('enforcement', text, { province: '01', period: '2024-12' });
    expect(receipt.status).toBe('accepted');
    expect(rows[0]?.so_tien_thu_hoi_cong_an).toBeNull();
  });
});
