/**
 * The overview's first tiles against the national targets, recomputed here from the fixture's
 * province rows and completeness with plain sums: the units that sent the reports a figure needs
 * and have a target; changes over the units holding both months; the provinces lagging most.
 */
import { describe, expect, it } from 'vitest';
import { kpiTiles } from '../../dashboard/src/kpis.ts';
import { makeSiteFixture } from '../../tools/fixtures/site-fixture.ts';
import type { ProvinceRow } from '../../core/contracts/site-data.ts';

const fixture = makeSiteFixture();
const tiles = (period: string) => kpiTiles(fixture.national, period, fixture);
const pct = (x: number, digits: number) => `${(100 * x).toFixed(digits).replace('.', ',')}%`;

const sent = (dataset: string, period: string) =>
  new Set(
    fixture.completeness
      .filter((c) => c.dataset === dataset && c.period === period && c.status !== 'missing')
      .map((c) => c.province),
  );
const rowsOf = (period: string, datasets: string[]) =>
  fixture.provinces.filter(
    (r) => r.period === period && datasets.every((d) => sent(d, period).has(r.province)),
  );
const total = (rows: readonly ProvinceRow[], f: (r: ProvinceRow) => number) =>
  rows.reduce((s, r) => s + f(r), 0);
const nameOf = (code: string) => fixture.units.find((u) => u.generation === '34' && u.code === code)?.name_vi;

describe('headline tiles', () => {
  const period = '2025-09';

  it('lead with the late-payment rate against the ceilings, over the units that sent both reports', () => {
    const rows = rowsOf(period, ['debt', 'collection']);
    const due = (r: ProvinceRow) => 12 * r.collection_due;
    const [first] = tiles(period);
    expect(first?.id).toBe('late-rate');
    expect(first?.value).toBe(pct(total(rows, (r) => r.debt_total) / total(rows, due), 2));
    expect(first?.reported).toBe(`Tính trên ${rows.length}/34 tỉnh có đủ số liệu`);
    const allowed = (r: ProvinceRow) => Math.round(((r.late_rate_target_bp ?? 0) * due(r)) / 10_000);
    const targeted = rows.filter((r) => r.late_rate_target_bp !== null);
    expect(first?.detail).toContain(
      `Chỉ tiêu tối đa ${pct(total(targeted, allowed) / total(targeted, due), 2)}`,
    );
    // furthest over the ceiling first
    const worst = [...targeted]
      .sort((a, b) => (b.debt_total - allowed(b)) / due(b) - (a.debt_total - allowed(a)) / due(a))
      .slice(0, 3)
      .map(
        (r) =>
          `${nameOf(r.province)} ${pct(r.debt_total / due(r), 2)} (chỉ tiêu ${pct(allowed(r) / due(r), 2)})`,
      );
    expect(first?.lagging).toBe(`Vượt chỉ tiêu nhiều nhất: ${worst.join(', ')}`);
    // month on month over the units with both reports in both months
    const before = rowsOf('2025-08', ['debt', 'collection']);
    const both = rows.filter((r) => before.some((b) => b.province === r.province));
    const then = before.filter((b) => both.some((r) => r.province === b.province));
    const points =
      100 *
      (total(both, (r) => r.debt_total) / total(both, due) -
        total(then, (r) => r.debt_total) / total(then, due));
    const mom = first?.changes.find((c) => c.basis === 'mom');
    expect(mom?.delta).toBeCloseTo(points, 9);
    expect(mom?.text).toContain(`cùng ${both.length}/34 tỉnh có số liệu cả hai kỳ`);
    expect(both.length).toBeLessThan(34);
    // the fixture holds no month a year before: said, not shown as a change from zero
    expect(first?.changes.find((c) => c.basis === 'yoy')?.text).toBe(
      'So với cùng kỳ năm trước: chưa có số liệu để so sánh',
    );
  });

  it('leave collection against the plan out when a month since January is not held', () => {
    // the fixture starts in March: no unit has every month of the year, so no tile rather than a figure of a part-year
    expect(tiles(period).some((t) => t.id === 'collection-plan')).toBe(false);
  });

  it('put coverage against the assigned target and dossiers on time on the first screen', () => {
    const p = '2025-05';
    const rows = rowsOf(p, ['coverage']).filter((r) => r.hi_target_assigned !== null);
    expect(rows.length).toBeLessThan(rowsOf(p, ['coverage']).length); // a unit without a target is left out
    const tile = tiles(p).find((t) => t.id === 'coverage-target');
    expect(tile?.value).toBe(
      pct(total(rows, (r) => r.hi_participants) / total(rows, (r) => r.hi_target_assigned ?? 0), 1),
    );
    expect(tile?.reported).toBe(`Tính trên ${rows.length}/63 tỉnh có đủ số liệu`);
    const lowest = [...rows]
      .sort(
        (a, b) =>
          a.hi_participants / (a.hi_target_assigned ?? 1) - b.hi_participants / (b.hi_target_assigned ?? 1),
      )
      .slice(0, 3);
    const name63 = (code: string) =>
      fixture.units.find((u) => u.generation === '63' && u.code === code)?.name_vi;
    expect(tile?.lagging).toBe(
      `Thấp nhất: ${lowest
        .map((r) => `${name63(r.province)} ${pct(r.hi_participants / (r.hi_target_assigned ?? 1), 1)}`)
        .join(', ')}`,
    );
    const onTime = tiles(p).find((t) => t.id === 'procedures-on-time');
    const proc = rowsOf(p, ['procedures']);
    expect(onTime?.value).toBe(
      pct(
        total(proc, (r) => r.procedures_on_time) /
          total(proc, (r) => r.procedures_on_time + r.procedures_late),
        1,
      ),
    );
    expect(
      tiles(p)
        .map((t) => t.id)
        .slice(0, 3),
    ).toEqual(['late-rate', 'coverage-target', 'procedures-on-time']);
  });
});
