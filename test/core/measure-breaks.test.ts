/**
 * The break in arrears recovered at the debt template's "paid off this month" rows: derived from
 * the version definitions (not a month written in the code), a comparison across it carries the
 * reason and no values, and the same comparison of debt and of employers owing keeps its figures,
 * summed here straight from the rows.
 */
import { describe, expect, it } from 'vitest';
import { debt } from '../../core/datasets/debt.ts';
import { comparisonBreak, MEASURE_BREAKS } from '../../core/measure-breaks.ts';
import { likeForLike } from '../../core/like-for-like.ts';
import {
  comparisonRow,
  completenessRow,
  provinceRow,
  zeroProvinceRow,
  type CompletenessRow,
  type ProvinceRow,
} from '../../core/contracts/site-data.ts';
import { makeSiteFixture } from '../../tools/fixtures/site-fixture.ts';

/** The first month of the template version that brought the paid-off rule, read from the definition. */
const PAID_OFF_FROM = debt.versions.find((v) => v.rowRules.some((r) => r.kind === 'paid_off'))?.from;

describe('the breaks of a measure at a template change', () => {
  it('are those of the measures whose meaning a version changed, from that version on', () => {
    expect(PAID_OFF_FROM).toBe('2026-07');
    expect(MEASURE_BREAKS).toEqual([
      { measure: 'arrears_recovered', from: PAID_OFF_FROM, reason: 'template_changed' },
    ]);
  });

  it.each([
    ['2026-07', '2026-06', true], // month on month across it
    ['2026-08', '2026-07', false], // both in version 2
    ['2026-06', '2026-05', false], // both in version 1
    ['2026-07', '2025-07', true], // same month last year, first and
    ['2027-06', '2026-06', true], // last month it crosses
    ['2027-07', '2026-07', false],
    ['2026-09', '2025-12', true], // since December, across it
    ['2027-02', '2026-12', false],
  ])('arrears recovered of %s against %s: break %s', (period, compare, broken) => {
    expect(comparisonBreak('arrears_recovered', period, compare) !== null).toBe(broken);
    expect(comparisonBreak('debt_total', period, compare)).toBeNull();
    expect(comparisonBreak('employers_owing', period, compare)).toBeNull();
  });
});

describe('like-for-like comparisons across the break', () => {
  const units = makeSiteFixture().units;
  const periods = ['2025-07', '2025-12', '2026-06', '2026-07'];
  const codes = ['01', '08', '79'];
  const province: ProvinceRow[] = [];
  const completeness: CompletenessRow[] = [];
  periods.forEach((period, m) =>
    codes.forEach((code, i) => {
      completeness.push(
        completenessRow.parse({ dataset: 'debt', period, province: code, status: 'on_time' }),
      );
      province.push(
        provinceRow.parse({
          ...zeroProvinceRow(period, code),
          debt_total: 1000 * (m + 1) + 10 * i,
          employers_owing: 5 + m + i,
          // from 2026-07 the paid-off employers' recoveries are in the report: a jump of reporting
          arrears_recovered: (period >= '2026-07' ? 900 : 500) + i,
          debt_rank: i + 1,
        }),
      );
    }),
  );
  const rows = likeForLike(province, completeness, units, periods);
  const of = (basis: string, measure: string) =>
    rows.find((r) => r.period === '2026-07' && r.basis === basis && r.measure === measure);
  const sum = (period: string, measure: 'debt_total' | 'employers_owing') =>
    province.filter((r) => r.period === period).reduce((s, r) => s + r[measure], 0);

  it.each([
    ['mom', '2026-06'],
    ['yoy', '2025-07'],
    ['ytd', '2025-12'],
  ])('%s against %s: arrears recovered carries the reason and no number', (basis, compare) => {
    expect(of(basis, 'arrears_recovered')).toEqual({
      period: '2026-07',
      basis,
      compare_period: compare,
      measure: 'arrears_recovered',
      units_compared: 3,
      units_expected: 34,
      value: null,
      compare_value: null,
      break_reason: 'template_changed',
      break_from: '2026-07',
    });
    for (const measure of ['debt_total', 'employers_owing'] as const) {
      expect(of(basis, measure), measure).toMatchObject({
        compare_period: compare,
        value: sum('2026-07', measure),
        compare_value: sum(compare, measure),
        break_reason: null,
      });
    }
  });

  it('compares arrears recovered within one version with its figures', () => {
    const within = likeForLike(province, completeness, units, periods).find(
      (r) => r.period === '2026-06' && r.basis === 'ytd' && r.measure === 'arrears_recovered',
    );
    expect(within).toMatchObject({
      value: 500 + 501 + 502,
      compare_value: 500 + 501 + 502,
      break_reason: null,
    });
  });

  it('refuses a row with a break and a value, or neither', () => {
    const base = of('mom', 'debt_total');
    const broken = { break_reason: 'template_changed', break_from: '2026-07' };
    expect(comparisonRow.safeParse(base).success).toBe(true);
    expect(comparisonRow.safeParse({ ...base, ...broken }).success).toBe(false);
    expect(comparisonRow.safeParse({ ...base, ...broken, value: null, compare_value: null }).success).toBe(
      true,
    );
    expect(comparisonRow.safeParse({ ...base, break_from: '2026-07' }).success).toBe(false);
    expect(comparisonRow.safeParse({ ...base, value: null }).success).toBe(false);
  });
});
