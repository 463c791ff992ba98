import { describe, expect, it } from 'vitest';
import { coverageLine, kpiTiles } from '../../dashboard/src/kpis.ts';
import { makeSiteFixture } from '../fixtures/site/site-fixture.ts';

const fixture = makeSiteFixture();
const vi = new Intl.NumberFormat('vi-VN');

describe('KPI tiles', () => {
  it('show the national debt of the month and its change from the month before', () => {
    const [before, now] = fixture.national.slice(-2);
    if (!before || !now) throw new Error('fixture too short');
    const debt = kpiTiles(fixture.national, now.period).find((t) => t.id === 'debt-total');
    expect(debt?.detail).toContain(`${vi.format(now.debt_total)} đ`);
    const change = ((now.debt_total - before.debt_total) / before.debt_total) * 100;
    const expected = `${change > 0 ? '+' : '-'}${Math.abs(change).toFixed(1).replace('.', ',')}%`;
    expect(debt?.detail).toContain(expected);
    expect(debt?.trend).toBe(now.debt_total > before.debt_total ? 'worse' : 'better');
  });

  it('compute coverage and on-time rates from the row, independently summed from the provinces', () => {
    const period = '2025-05';
    const month = fixture.provinces.filter((p) => p.period === period);
    const hi =
      month.reduce((s, p) => s + p.hi_participants, 0) / month.reduce((s, p) => s + p.hi_population, 0);
    const tile = kpiTiles(fixture.national, period).find((t) => t.id === 'hi-coverage');
    expect(tile?.value).toBe(`${(hi * 100).toFixed(1).replace('.', ',')}%`);
    const row = fixture.national.find((r) => r.period === period);
    const target = ((row?.hi_participants ?? 0) / (row?.hi_target ?? 1)) * 100;
    expect(tile?.detail).toContain(`đạt ${target.toFixed(1).replace('.', ',')}% chỉ tiêu`);
  });

  it('have no comparison for the first month and nothing for an unknown month', () => {
    const first = fixture.national[0]?.period ?? '';
    expect(kpiTiles(fixture.national, first).every((t) => t.trend === 'none')).toBe(true);
    expect(kpiTiles(fixture.national, '1999-01')).toEqual([]);
  });

  it('say how many units reported', () => {
    const row = fixture.national.at(-1);
    if (!row) throw new Error('empty fixture');
    expect(coverageLine(row)).toMatch(new RegExp(`^${row.provinces_reported}/34 tỉnh`));
  });
});
