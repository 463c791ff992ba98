import { describe, expect, it } from 'vitest';
import { restateToCurrent } from '../../dashboard/src/restate.ts';
import { provinces } from '../../pipeline/reference/provinces.ts';
import { makeSiteFixture } from '../../tools/fixtures/site-fixture.ts';

const fixture = makeSiteFixture();
const restated = restateToCurrent(fixture.provinces, fixture.units);

describe('restating province figures to the 34 current units', () => {
  it('sums the old units of each merged province, checked against the reference crosswalk', () => {
    const registry = provinces();
    const period = '2025-05';
    for (const unit of registry.validIn('2025-07')) {
      const old = new Set(registry.predecessorsOf(unit.code).map((u) => u.code));
      const rows = fixture.provinces.filter((r) => r.period === period && old.has(r.province));
      const row = restated.find((r) => r.period === period && r.province === unit.code);
      if (rows.length === 0) {
        expect(row, unit.code).toBeUndefined();
        continue;
      }
      expect(row?.debt_total, unit.code).toBe(rows.reduce((s, r) => s + r.debt_total, 0));
      expect(row?.hi_population, unit.code).toBe(rows.reduce((s, r) => s + r.hi_population, 0));
      expect(row?.collection_due, unit.code).toBe(rows.reduce((s, r) => s + r.collection_due, 0));
      expect(row?.collection_collected, unit.code).toBe(rows.reduce((s, r) => s + r.collection_collected, 0));
    }
  });

  it('keeps national totals and ranks again within each month', () => {
    for (const period of fixture.meta.periods) {
      const before = fixture.provinces.filter((r) => r.period === period);
      const after = restated.filter((r) => r.period === period);
      expect(after.reduce((s, r) => s + r.debt_total, 0)).toBe(before.reduce((s, r) => s + r.debt_total, 0));
      const ranked = [...after].sort((a, b) => a.debt_rank - b.debt_rank);
      expect(ranked.map((r) => r.debt_rank)).toEqual(after.map((_, i) => i + 1));
      for (let i = 1; i < ranked.length; i++)
        expect(ranked[i - 1]?.debt_total ?? 0).toBeGreaterThanOrEqual(ranked[i]?.debt_total ?? 0);
      expect(after.length).toBeLessThanOrEqual(34);
    }
  });

  it('leaves months from July 2025 as they were reported', () => {
    const late = (rows: typeof restated) => rows.filter((r) => r.period >= '2025-07');
    const key = (r: (typeof restated)[number]) => `${r.period}|${r.province}|${r.debt_total}|${r.debt_rank}`;
    expect(late(restated).map(key).sort()).toEqual(late(fixture.provinces).map(key).sort());
  });
});
