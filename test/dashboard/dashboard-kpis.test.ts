import { describe, expect, it } from 'vitest';
import { changesOf } from '../../dashboard/src/changes.ts';
import { coverageLine, kpiTiles } from '../../dashboard/src/kpis.ts';
import { comparisonRow } from '../../core/contracts/site-data.ts';
import { MISSING_IN_LATEST, makeSiteFixture } from '../../tools/fixtures/site-fixture.ts';

const fixture = makeSiteFixture();
const vi = new Intl.NumberFormat('vi-VN');
const tiles = (period: string) => kpiTiles(fixture.national, period, fixture);

/** The units that sent `dataset` for both months, summed here from the fixture's rows. */
function likeForLike(dataset: string, now: string, before: string) {
  const reported = (period: string) =>
    new Set(
      fixture.completeness
        .filter((c) => c.dataset === dataset && c.period === period && c.status !== 'missing')
        .map((c) => c.province),
    );
  const both = [...reported(now)].filter((code) => reported(before).has(code));
  const rows = (period: string) =>
    fixture.provinces.filter((r) => r.period === period && both.includes(r.province));
  return { units: both.length, now: rows(now), before: rows(before) };
}

const signed = (n: number) => `${n > 0 ? '+' : '-'}${Math.abs(n).toFixed(1).replace('.', ',')}`;

describe('KPI tiles', () => {
  it('show the national debt over the units that reported, and its change over the same units', () => {
    const [before, now] = fixture.national.slice(-2);
    if (!before || !now) throw new Error('fixture too short');
    const debt = tiles(now.period).find((t) => t.id === 'debt-total');
    expect(debt?.detail).toBe(`${vi.format(now.debt_total)} đ`);
    expect(debt?.reported).toBe('31/34 tỉnh đã báo cáo');
    expect(MISSING_IN_LATEST).toHaveLength(3);
    const like = likeForLike('debt', now.period, before.period);
    const sum = (rows: typeof like.now) => rows.reduce((s, r) => s + r.debt_total, 0);
    const change = (sum(like.now) / sum(like.before) - 1) * 100;
    const mom = debt?.changes.find((c) => c.basis === 'mom');
    expect(mom?.text).toBe(
      `So với tháng trước (08/2025): ${signed(change)}% · cùng ${like.units}/34 tỉnh báo cáo cả hai kỳ`,
    );
    expect(mom?.delta).toBeCloseTo(change, 9);
    // The change of the totals would count the three missing provinces as zero.
    const naive = (now.debt_total / before.debt_total - 1) * 100;
    expect(Math.abs(naive - change)).toBeGreaterThan(1);
    expect(debt?.trend).toBe(change > 0 ? 'worse' : 'better');
    // Year on year and year to date sit beside it, saying the data do not reach back that far.
    expect(debt?.changes.map((c) => c.text.split(':')[0])).toEqual([
      'So với tháng trước (08/2025)',
      'So với cùng kỳ năm trước',
      'So với đầu năm',
    ]);
  });

  it('change a rate by the points of the ratio of like-for-like sums', () => {
    const like = likeForLike('coverage', '2025-09', '2025-08');
    const rate = (rows: typeof like.now) =>
      rows.reduce((s, r) => s + r.hi_participants, 0) / rows.reduce((s, r) => s + r.hi_population, 0);
    const points = 100 * (rate(like.now) - rate(like.before));
    const tile = tiles('2025-09').find((t) => t.id === 'hi-coverage');
    expect(tile?.changes[0]?.delta).toBeCloseTo(points, 9);
    expect(tile?.changes[0]?.text).toContain(`${signed(points)} điểm %`);
  });

  it('compute coverage from the row, and its share of the assigned target from headline.json', () => {
    const period = '2025-05';
    const month = fixture.provinces.filter((p) => p.period === period);
    const hi =
      month.reduce((s, p) => s + p.hi_participants, 0) / month.reduce((s, p) => s + p.hi_population, 0);
    const tile = tiles(period).find((t) => t.id === 'hi-coverage');
    expect(tile?.value).toBe(`${(hi * 100).toFixed(1).replace('.', ',')}%`);
    // against the reference's targets, over the units that have one (not the uploads' chi_tieu_giao)
    const targeted = month.filter((p) => p.hi_target_assigned !== null);
    expect(targeted.length).toBeLessThan(month.length);
    const target =
      (100 * targeted.reduce((s, p) => s + p.hi_participants, 0)) /
      targeted.reduce((s, p) => s + (p.hi_target_assigned ?? 0), 0);
    expect(tile?.detail).toContain(`đạt ${target.toFixed(1).replace('.', ',')}% chỉ tiêu`);
  });

  it('have no comparison for the first month and nothing for an unknown month', () => {
    const first = fixture.national[0]?.period ?? '';
    expect(tiles(first).every((t) => t.trend === 'none')).toBe(true);
    expect(tiles(first).every((t) => t.changes.every((c) => c.delta === undefined))).toBe(true);
    expect(tiles('1999-01')).toEqual([]);
  });

  it('put year on year and year to date beside month on month, each over its own like units', () => {
    const row = (
      basis: 'mom' | 'yoy' | 'ytd',
      compare: string,
      units: number,
      value: number,
      before: number,
    ) =>
      comparisonRow.parse({
        period: '2025-09',
        basis,
        compare_period: compare,
        measure: 'debt_total',
        units_compared: units,
        units_expected: 34,
        value,
        compare_value: before,
      });
    const rows = [
      row('mom', '2025-08', 29, 1010, 1000),
      row('yoy', '2024-09', 30, 1100, 1000),
      row('ytd', '2024-12', 28, 950, 1000),
    ];
    expect(changesOf(rows, '2025-09', { kind: 'sum', measure: 'debt_total' }).map((c) => c.text)).toEqual([
      'So với tháng trước (08/2025): +1,0% · cùng 29/34 tỉnh báo cáo cả hai kỳ',
      'So với cùng kỳ năm trước (09/2024): +10,0% · cùng 30/34 tỉnh báo cáo cả hai kỳ',
      'So với đầu năm (12/2024): -5,0% · cùng 28/34 tỉnh báo cáo cả hai kỳ',
    ]);
    expect(changesOf(rows, '2025-09', { kind: 'sum', measure: 'debt_total' }, true)[1]?.text).toBe(
      'So với cùng kỳ năm trước (09/2024): +10,0%',
    );
  });

  it('say how many units reported', () => {
    const row = fixture.national.at(-1);
    if (!row) throw new Error('empty fixture');
    expect(coverageLine(row)).toMatch(new RegExp(`^${row.provinces_reported}/34 tỉnh`));
    expect(row.provinces_reported).toBe(31);
  });
});
