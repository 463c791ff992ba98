/**
 * The debt breakdown restated to today's 34 units: a month before July 2025 sums, per current
 * unit, the age-band rows of the old units the official crosswalk (reference/merge_2025.csv,
 * read here on its own) merges into it; months from July 2025 pass through unchanged.
 */
import { describe, expect, it } from 'vitest';
import { PAGE_SUMS, type DebtBreakdownRow } from '../../core/contracts/site-data.ts';
import { restateRows } from '../../dashboard/src/restate-rows.ts';
import { makeSiteFixture } from '../../tools/fixtures/site-fixture.ts';
import { CROSSWALK } from './crosswalk.ts';

const fixture = makeSiteFixture();
const restated = restateRows(fixture.debtBreakdown, fixture.units, PAGE_SUMS.debtBreakdown);

const BANDS = ['debt_age_lt3', 'debt_age_3_6', 'debt_age_6_12', 'debt_age_12_plus'] as const;

describe('the debt breakdown restated to the 34 units', () => {
  it('sums the age bands of the merged old units of a month before July 2025', () => {
    const period = '2025-05';
    expect(CROSSWALK.size).toBe(63);
    const month = fixture.debtBreakdown.filter((r) => r.period === period);
    const merged = new Set([...CROSSWALK].filter(([old, now]) => old !== now).map(([, now]) => now));
    expect(merged.size).toBeGreaterThan(10);
    let checked = 0;
    for (const now of new Set(CROSSWALK.values())) {
      const parts = month.filter((r) => CROSSWALK.get(r.province) === now);
      const row = restated.find((r) => r.period === period && r.province === now);
      if (parts.length === 0) {
        expect(row, now).toBeUndefined();
        continue;
      }
      for (const band of BANDS)
        expect(row?.[band], `${now} ${band}`).toBe(parts.reduce((s, r) => s + (r[band] ?? 0), 0));
      // sectors and interest: none before template version 2, and still none, not 0
      expect(row?.debt_sector_non_state, now).toBeNull();
      expect(row?.debt_interest, now).toBeNull();
      if (parts.length > 1) checked += 1;
    }
    expect(checked).toBeGreaterThan(10); // units that are sums of two or more old ones
  });

  it('leaves months from July 2025 as they were reported', () => {
    const late = (rows: readonly DebtBreakdownRow[]) =>
      rows.filter((r) => r.period >= '2025-07').map((r) => JSON.stringify(r));
    expect(late(restated).sort()).toEqual(late(fixture.debtBreakdown).sort());
  });
});
