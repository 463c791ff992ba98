/**
 * The sample's national targets reference: for each year and each unit in force in it, the
 * participants assigned per scheme (the same numbers the generated coverage uploads carry in
 * chi_tieu_giao, so the sample agrees with itself), a late-payment-rate ceiling, the collection
 * plan, and a decision number. The decision numbers are marked as sample ones: no published
 * VSS decision is quoted.
 */
import type { Period } from '../../core/period.ts';
import { provinces } from '../reference/provinces.ts';
import { TARGET_SCHEMES, type TargetRow } from '../../core/reference/targets.ts';
import { FUNDS } from '../../core/measures.ts';
import { nationalMonthlyDue } from './collection.ts';
import { formalShare } from './formal-employment.ts';
import { NATIONAL } from './calibration.ts';
import { yearTarget } from './coverage.ts';
import { oldUnitsOf } from './province-month.ts';

/**
 * Ceiling of the late-payment rate, in hundredths of a percent: a little under the rate VSS
 * reported the year before (2.91 % in 2022, 2.69 % in 2023, 2.59 % in 2024; national_figures.md).
 */
/** The seed of `vss start` and `vss generate` (their --seed default), and the years of both scales. */
export const REFERENCE_TARGETS_SEED = 1;
export const REFERENCE_TARGETS_RANGE = { from: '2021-01', to: '2026-12' } as const satisfies {
  from: Period;
  to: Period;
};

const LATE_RATE_TARGET_BP: Readonly<Record<number, number>> = { 2024: 265, 2025: 255, 2026: 250 };

export function sampleTargets(seed: number, from: Period, to: Period): TargetRow[] {
  const registry = provinces();
  const rows: TargetRow[] = [];
  for (let year = Number(from.slice(0, 4)); year <= Number(to.slice(0, 4)); year++) {
    const january: Period = `${year}-01`;
    const december: Period = `${year}-12`;
    for (const generation of ['63', '34'] as const) {
      const units = registry.units.filter(
        (u) =>
          u.generation === generation &&
          u.validFrom <= december &&
          (u.validTo === null || u.validTo >= january),
      );
      for (const unit of units) {
        const old = oldUnitsOf(registry, unit);
        const sum = (f: (o: (typeof old)[number]) => number) => old.reduce((s, o) => s + f(o), 0);
        const due = 12 * nationalMonthlyDue(december);
        rows.push({
          year,
          generation,
          province: unit.code,
          participants: Object.fromEntries(
            TARGET_SCHEMES.map((s) => [s, sum((o) => yearTarget(seed, o, december, s))]),
          ) as TargetRow['participants'],
          late_rate_target_bp: LATE_RATE_TARGET_BP[year] ?? 250,
          collection_plan: Object.fromEntries(
            FUNDS.map((f) => [
              f,
              Math.round((sum((o) => formalShare(seed, o)) * due * NATIONAL.collection.fundShare[f]) / 1e6) *
                1e6,
            ]),
          ) as TargetRow['collection_plan'],
          decision_no: `MẪU-${year}/QĐ-BHXH (sample)`,
          decision_date: `${year - 1}-12-20`,
        });
      }
    }
  }
  return rows;
}
