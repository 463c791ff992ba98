/**
 * Like-for-like changes: with three provinces missing from the latest month, the change sums only
 * the units that reported both months; each figure is checked against a sum taken here, straight
 * from the fixture's rows, and against the naive change a zero for the missing would give.
 */
import { describe, expect, it } from 'vitest';
import { provinces } from '../../pipeline/reference/provinces.ts';
import { comparePeriods, likeForLike } from '../../core/like-for-like.ts';
import {
  completenessRow,
  provinceRow,
  zeroProvinceRow,
  type CompletenessRow,
  type ProvinceRow,
} from '../../core/contracts/site-data.ts';
import { MISSING_IN_LATEST, makeSiteFixture } from '../../tools/fixtures/site-fixture.ts';

const fixture = makeSiteFixture();
const reportedDebt = (period: string, code: string) =>
  fixture.completeness.some(
    (c) => c.dataset === 'debt' && c.period === period && c.province === code && c.status !== 'missing',
  );
const debtOf = (period: string, code: string) =>
  fixture.provinces.find((r) => r.period === period && r.province === code)?.debt_total ?? 0;

describe('like-for-like changes', () => {
  it('compare the latest month (31/34 reported) over the 29 units that reported both months', () => {
    const now = '2025-09';
    const before = '2025-08';
    expect(MISSING_IN_LATEST).toHaveLength(3);
    const codes = provinces()
      .validIn(now)
      .map((u) => u.code)
      .filter((code) => reportedDebt(now, code) && reportedDebt(before, code));
    // 31 units reported the latest month; two others had missed the month before.
    expect(
      provinces()
        .validIn(now)
        .filter((u) => reportedDebt(now, u.code)),
    ).toHaveLength(31);
    expect(codes).toHaveLength(29);
    for (const missing of MISSING_IN_LATEST) expect(codes).not.toContain(missing);
    const value = codes.reduce((s, c) => s + debtOf(now, c), 0);
    const compareValue = codes.reduce((s, c) => s + debtOf(before, c), 0);
    const row = fixture.comparisons.find(
      (r) => r.period === now && r.basis === 'mom' && r.measure === 'debt_total',
    );
    expect(row).toEqual({
      period: now,
      basis: 'mom',
      compare_period: before,
      measure: 'debt_total',
      units_compared: 29,
      units_expected: 34,
      value,
      compare_value: compareValue,
      break_reason: null,
      break_from: null,
    });
    // The national totals' change would count the three as a fall to zero: a different figure.
    const national = (p: string) => fixture.national.find((r) => r.period === p)?.debt_total ?? 0;
    const naive = national(now) / national(before) - 1;
    const like = value / compareValue - 1;
    expect(Math.abs(naive - like)).toBeGreaterThan(0.01);
  });

  it('restate the month before the 2025 reform to the 34 units, a merged unit counting only when all its parts reported', () => {
    const now = '2025-07';
    const before = '2025-06';
    let value = 0;
    let compareValue = 0;
    let compared = 0;
    for (const unit of provinces().validIn(now)) {
      const parts = provinces().predecessorsOf(unit.code);
      if (!reportedDebt(now, unit.code) || !parts.every((p) => reportedDebt(before, p.code))) continue;
      compared += 1;
      value += debtOf(now, unit.code);
      compareValue += parts.reduce((s, p) => s + debtOf(before, p.code), 0);
    }
    const row = fixture.comparisons.find(
      (r) => r.period === now && r.basis === 'mom' && r.measure === 'debt_total',
    );
    expect(compared).toBeGreaterThan(20);
    expect(row).toMatchObject({
      units_compared: compared,
      units_expected: 34,
      value,
      compare_value: compareValue,
    });
  });

  it('give year on year and year to date only when those months are held, like for like', () => {
    expect(comparePeriods('2025-03')).toEqual({ mom: '2025-02', yoy: '2024-03', ytd: '2024-12' });
    expect(fixture.comparisons.some((r) => r.basis !== 'mom')).toBe(false); // 2025-03..09 only
    const periods = ['2023-12', '2024-03', '2024-12', '2025-02', '2025-03'];
    const codes = ['01', '02', '04'];
    const province: ProvinceRow[] = [];
    const completeness: CompletenessRow[] = [];
    periods.forEach((period, m) =>
      codes.forEach((code, i) => {
        // 04 misses 2024-03 and 01 misses 2024-12: each basis drops a different unit
        const missing = (code === '04' && period === '2024-03') || (code === '01' && period === '2024-12');
        completeness.push(
          completenessRow.parse({
            dataset: 'debt',
            period,
            province: code,
            status: missing ? 'missing' : 'on_time',
          }),
        );
        if (missing) return;
        province.push(
          provinceRow.parse({
            ...zeroProvinceRow(period, code),
            debt_total: 1000 * (m + 1) + 10 * i,
            debt_rank: i + 1,
          }),
        );
      }),
    );
    const rows = likeForLike(province, completeness, fixture.units, periods);
    const debt = (basis: string) =>
      rows.find((r) => r.period === '2025-03' && r.basis === basis && r.measure === 'debt_total');
    const sum = (period: string, units: string[]) =>
      province
        .filter((r) => r.period === period && units.includes(r.province))
        .reduce((s, r) => s + r.debt_total, 0);
    expect(debt('yoy')).toMatchObject({
      compare_period: '2024-03',
      units_compared: 2,
      units_expected: 63,
      value: sum('2025-03', ['01', '02']),
      compare_value: sum('2024-03', ['01', '02']),
    });
    expect(debt('ytd')).toMatchObject({
      compare_period: '2024-12',
      units_compared: 2,
      value: sum('2025-03', ['02', '04']),
      compare_value: sum('2024-12', ['02', '04']),
    });
    expect(debt('mom')).toMatchObject({ units_compared: 3, value: sum('2025-03', codes) });
    // No coverage reports at all: nothing to compare, so no row rather than a change from zero.
    expect(rows.some((r) => r.measure === 'hi_participants')).toBe(false);
  });
});
