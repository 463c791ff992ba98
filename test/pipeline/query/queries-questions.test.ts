/**
 * The analysts' questions on small lakes worked out by hand, across the 2025 merger of Quảng Nam
 * (49) into Đà Nẵng (48). Every expected figure is written out from the rows below.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openEngine, type Engine } from '../../../pipeline/query/engine.ts';
import { Targets, type TargetRow } from '../../../core/reference/targets.ts';
import { tempDir, writeLakeFile } from './engine-fixture.ts';

const debtor = (ma_so_thue: string, no_bhxh: number, so_thang_no = 1, so_lao_dong = 1) => ({
  ma_so_thue,
  ten_don_vi: `Công ty ${ma_so_thue}`,
  no_bhxh,
  no_bhyt: 0,
  no_bhtn: 0,
  so_thang_no,
  da_thu_hoi: 0,
  so_lao_dong,
  tinh_trang: 'late',
});

/** Debt of one debtor per unit and month: Đà Nẵng 48, Quảng Nam 49, Hà Nội 01. */
const DEBT: [string, string, number][] = [
  ['2024-07', '48', 50],
  ['2024-07', '49', 150],
  ['2025-03', '48', 100],
  ['2025-03', '49', 200],
  ['2025-03', '01', 1000],
  ['2025-04', '48', 110],
  ['2025-04', '49', 210],
  ['2025-04', '01', 1100],
  ['2025-05', '48', 90],
  ['2025-05', '49', 190],
  ['2025-05', '01', 900],
  ['2025-06', '48', 100],
  ['2025-06', '49', 200],
  ['2025-06', '01', 1000],
  ['2025-07', '48', 400], // the merged city reports Đà Nẵng and Quảng Nam together
  ['2025-07', '01', 3000], // Hà Nội triples overnight
];

let engine: Engine;
beforeAll(async () => {
  const mirror = tempDir('merger');
  for (const [period, province, amount] of DEBT) {
    await writeLakeFile(mirror, 'debt', period, province, [debtor(`${province}00000001`, amount)]);
  }
  const hi = (so_nguoi_tham_gia: number) => [
    { loai_hinh: 'hi', so_nguoi_tham_gia, chi_tieu_giao: 2000, dan_so_co_so: 1200 },
  ];
  await writeLakeFile(mirror, 'coverage', '2025-06', '48', hi(800));
  await writeLakeFile(mirror, 'coverage', '2025-07', '48', hi(900));
  // Đà Nẵng's HI target is 1000 in both generations of 2025; its own chi_tieu_giao (2000) is not it.
  const assigned = (generation: '63' | '34'): TargetRow => ({
    year: 2025,
    generation,
    province: '48',
    participants: { si_compulsory: 0, si_voluntary: 0, ui: 0, hi: 1000 },
    late_rate_target_bp: 250,
    collection_plan: { bhxh: 0, bhyt: 0, bhtn: 0 },
    decision_no: 'QĐ-TEST',
    decision_date: '2024-12-20',
  });
  engine = await openEngine({ mirrorDir: mirror, targets: new Targets([assigned('63'), assigned('34')]) });
});
afterAll(() => engine.close());

const byMeasure = (rows: Record<string, unknown>[], measure: string) =>
  rows.find((r) => r.measure === measure);

describe('national_figures', () => {
  it('gives the month, the change since the month before and since a year before', async () => {
    const { rows } = await engine.runNamed('national_figures', { period: '2025-07' });
    expect(byMeasure(rows, 'debt_total')).toEqual({
      period: '2025-07',
      measure: 'debt_total',
      value: 3400,
      previous_month_value: 1300,
      mom_change: 2100,
      mom_pct: 161.54,
      previous_year_value: 200,
      yoy_change: 3200,
      yoy_pct: 1600,
      mom_break: null,
      yoy_break: null,
      break_from: null,
    });
    expect(byMeasure(rows, 'hi_pct_of_target')).toMatchObject({
      value: 90,
      previous_month_value: 80,
      mom_change: 10,
    });
    expect(byMeasure(rows, 'hi_pct_of_base')).toMatchObject({ value: 75 });
    expect(byMeasure(rows, 'hi_target')).toMatchObject({ value: 1000, previous_month_value: 1000 });
    expect(byMeasure(rows, 'target_units')).toMatchObject({ value: 1, previous_month_value: 1 });
  });
});

describe('measure_series', () => {
  it('runs Đà Nẵng on through the merger with Quảng Nam folded in (current geography)', async () => {
    const { rows } = await engine.runNamed('measure_series', {
      measure: 'debt_total',
      province: '48',
      geography: 'current',
    });
    expect(rows).toHaveLength(13); // 2024-07 .. 2025-07
    const reported = rows.filter((r) => r.value !== null).map((r) => [r.period, r.value]);
    expect(reported).toEqual([
      ['2024-07', 200],
      ['2025-03', 300],
      ['2025-04', 320],
      ['2025-05', 280],
      ['2025-06', 300],
      ['2025-07', 400],
    ]);
  });

  it('shows the step at the merger as reported', async () => {
    const { rows } = await engine.runNamed('measure_series', { measure: 'debt_total', province: '48' });
    expect(rows.filter((r) => r.value !== null).map((r) => r.value)).toEqual([50, 100, 110, 90, 100, 400]);
  });

  it('gives the same national totals in both geographies, equal to the restated ranking', async () => {
    const reported = await engine.runNamed('measure_series', { measure: 'debt_total' });
    const current = await engine.runNamed('measure_series', { measure: 'debt_total', geography: 'current' });
    expect(current.rows).toEqual(reported.rows.map((r) => ({ ...r })));
    expect(reported.rows.filter((r) => r.value !== null).map((r) => r.value)).toEqual([
      200, 1300, 1420, 1180, 1300, 3400,
    ]);
    for (const period of ['2025-06', '2025-07']) {
      const ranking = await engine.runNamed('province_ranking', { period, geography: 'current' });
      const sum = ranking.rows.reduce((s, r) => s + Number(r.value), 0);
      expect(sum).toBe(reported.rows.find((r) => r.period === period)?.value);
    }
  });
});

describe('province_ranking across the merger', () => {
  it('compares July with June restated to the 34 units', async () => {
    const { rows } = await engine.runNamed('province_ranking', { period: '2025-07' });
    expect(rows.map((r) => [r.province, r.value, r.value_rank, r.previous_value, r.change])).toEqual([
      ['01', 3000, 1, 1000, 2000],
      ['48', 400, 2, 300, 100],
    ]);
  });
});

describe('outliers', () => {
  it('flags Hà Nội tripling, and not the merger of Đà Nẵng', async () => {
    const { rows } = await engine.runNamed('outliers', { period: '2025-07', measure: 'debt_total' });
    // Hà Nội before: 1000, 1100, 900, 1000 -> median 1000; |deviations| 0, 100, 100, 0 -> MAD 50.
    expect(rows).toEqual([
      {
        period: '2025-07',
        province: '01',
        measure: 'debt_total',
        value: 3000,
        previous_value: 1000,
        mom_ratio: 3,
        median: 1000,
        mad: 50,
        history_months: 4,
        robust_z: 26.98, // 0.6745 * 2000 / 50
        jump_flag: 1,
        z_flag: 1,
      },
    ]);
  });

  it('flags a jump of exactly jump_ratio times the month before, and not one just short of it', async () => {
    const flagged = async (jump_ratio: number) =>
      (await engine.runNamed('outliers', { period: '2025-07', measure: 'debt_total', jump_ratio })).rows
        .filter((r) => r.province === '01')
        .map((r) => r.jump_flag);
    // Hà Nội goes from 1000 to 3000: exactly 3 times, so a doubling (the default) is flagged too.
    expect(await flagged(3)).toEqual([1]);
    expect(await flagged(3.01)).not.toContain(1);
  });

  it('judges Đà Nẵng against its restated history: median 300, MAD 20, z 3.37 below 3.5', async () => {
    const { rows } = await engine.runNamed('outliers', {
      period: '2025-07',
      measure: 'debt_total',
      z_threshold: 3,
    });
    expect(rows.find((r) => r.province === '48')).toMatchObject({
      median: 300,
      mad: 20,
      robust_z: 3.37,
      z_flag: 1,
    });
  });
});
