/**
 * One unit policy: national figures in tỷ đồng, a province's in triệu đồng, and exports in whole
 * đồng with a unit column, never the chart's scaled decimals (the map's "915.799", which a vi-VN
 * spreadsheet reads as 915,799: a thousandfold error).
 */
import { describe, expect, it } from 'vitest';
import { moneyPoint, sharePoint, trendTable } from '../../dashboard/src/chart-helpers.ts';
import { formatTy } from '../../core/format.ts';
import { kpiTiles } from '../../dashboard/src/kpis.ts';
import { MEASURES } from '../../core/charts/map-measures.ts';
import { makeSiteFixture } from '../../tools/fixtures/site-fixture.ts';

const fixture = makeSiteFixture();

describe('units', () => {
  it('states national amounts in tỷ đồng however large', () => {
    expect(formatTy(4_862_758_797_030)).toBe('4.862,8 tỷ đồng');
    expect(formatTy(915_799_000_000, 'en')).toBe('915,8 billion VND');
    const now = fixture.national.at(-1);
    const tile = kpiTiles(fixture.national, now?.period ?? '', fixture).find((t) => t.id === 'debt-total');
    expect(tile?.value).toBe(formatTy(now?.debt_total ?? 0));
    expect(tile?.value).toMatch(/ tỷ đồng$/);
  });

  it('exports trend money in whole đồng with a unit column, rates in percent', () => {
    const points = [moneyPoint('2025-08', 'Nợ', 915_799_123_456), moneyPoint('2025-09', 'Nợ', 1_000_000_001)];
    const table = trendTable(points, ['Nợ']);
    expect(table.rows).toEqual([
      { period: '2025-08', unit: 'đồng', Nợ: 915_799_123_456 },
      { period: '2025-09', unit: 'đồng', Nợ: 1_000_000_001 },
    ]);
    expect(table.columns.at(-1)).toEqual({ key: 'unit', label: 'Đơn vị' });
    expect(points[0]?.value).toBeCloseTo(915.799123456, 9); // the chart still draws tỷ
    expect(moneyPoint('2025-08', 'Nợ', 915_799_123_456, 'trieu').value).toBeCloseTo(915_799.123456, 6);
    const rates = trendTable([sharePoint('2025-08', 'BHYT', 877, 1000)], ['BHYT']);
    expect(rates.rows).toEqual([{ period: '2025-08', unit: '%', BHYT: 87.7 }]);
  });

  it("gives the map's export the raw figure of each measure, in its unit", () => {
    const rows = fixture.provinces.filter((r) => r.period === '2025-08');
    const debt = MEASURES.debt_total.values(rows, []);
    for (const [i, v] of debt.entries()) {
      expect(v.raw).toBe(rows[i]?.debt_total);
      expect(Number.isInteger(v.raw)).toBe(true);
      expect(v.unit).toBe('dong');
    }
    const hi = MEASURES.hi_rate.values(rows, []);
    expect(hi.every((v) => v.unit === 'percent' && v.raw > 50 && v.raw <= 100)).toBe(true);
  });
});
