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

  it('lead with the late-payment rate: debt over a year of dues, both from the provinces that sent both', () => {
    const period = '2025-09';
    const month = fixture.provinces.filter((p) => p.period === period);
    const debt = month.reduce((s, p) => s + p.debt_total, 0);
    const due = month.reduce((s, p) => s + p.collection_due, 0);
    const [first, second] = tiles(period);
    expect(first?.id).toBe('late-rate');
    expect(first?.value).toBe(`${((100 * debt) / (12 * due)).toFixed(2).replace('.', ',')}%`);
    expect(first?.reported).toBe('31/34 tỉnh đã báo cáo');
    // its change: debt over the debt reporters of both months, dues over the collection reporters
    const debtLike = likeForLike('debt', period, '2025-08');
    const dueLike = likeForLike('collection', period, '2025-08');
    const total = (rows: typeof debtLike.now, key: 'debt_total' | 'collection_due') =>
      rows.reduce((s, r) => s + r[key], 0);
    const points =
      (100 *
        (total(debtLike.now, 'debt_total') / total(dueLike.now, 'collection_due') -
          total(debtLike.before, 'debt_total') / total(dueLike.before, 'collection_due'))) /
      12;
    expect(first?.changes[0]?.delta).toBeCloseTo(points, 9);
    expect(first?.trend).toBe(Math.abs(points) < 0.05 ? 'same' : points > 0 ? 'worse' : 'better');
    // the three provinces that lag most, named on the tile, highest rate first
    const ranked = [...month]
      .filter((p) => p.collection_due > 0 && p.debt_total > 0)
      .sort((a, b) => b.debt_total / b.collection_due - a.debt_total / a.collection_due)
      .slice(0, 3)
      .map((p) => {
        const name = fixture.units.find((u) => u.generation === '34' && u.code === p.province)?.name_vi;
        return `${name} ${((100 * p.debt_total) / (12 * p.collection_due)).toFixed(2).replace('.', ',')}%`;
      });
    expect(ranked).toHaveLength(3);
    expect(first?.detail).toContain(`Cao nhất: ${ranked.join(', ')}`);
    // collection against due from January to the month, summed here from the provinces' rows
    const year = fixture.provinces.filter((p) => p.period >= '2025-01' && p.period <= period);
    const collected = year.reduce((s, p) => s + p.collection_collected, 0);
    const dueYtd = year.reduce((s, p) => s + p.collection_due, 0);
    expect(second?.id).toBe('collection-ytd');
    expect(second?.value).toBe(`${((100 * collected) / dueYtd).toFixed(1).replace('.', ',')}%`);
    expect(collected).toBeLessThan(dueYtd);
  });

  it('compute coverage and on-time rates from the row, independently summed from the provinces', () => {
    const period = '2025-05';
    const month = fixture.provinces.filter((p) => p.period === period);
    const hi =
      month.reduce((s, p) => s + p.hi_participants, 0) / month.reduce((s, p) => s + p.hi_population, 0);
    const tile = tiles(period).find((t) => t.id === 'hi-coverage');
    expect(tile?.value).toBe(`${(hi * 100).toFixed(1).replace('.', ',')}%`);
    const row = fixture.national.find((r) => r.period === period);
    const target = ((row?.hi_participants ?? 0) / (row?.hi_target ?? 1)) * 100;
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
