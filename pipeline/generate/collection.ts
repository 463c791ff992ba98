/**
 * Collection rows of one old (63) unit for one month: contributions due and collected per fund,
 * and the late-payment interest charged. Dues follow the unit's formal employment
 * (formal-employment.ts), not its population alone: industrial provinces carry most of the wage
 * fund. National magnitudes are in calibration.ts (NATIONAL.collection).
 */
import { FUNDS } from '../../core/measures.ts';
import type { Period } from '../../core/period.ts';
import type { Unit } from '../reference/provinces.ts';
import { lateRateIn, NATIONAL, yearsFromAnchor } from './calibration.ts';
import { formalShare } from './formal-employment.ts';
import { Rng } from './random.ts';
import type { Row } from './rows.ts';

/** Whole thousands of đồng, as offices report. */
const thousands = (vnd: number) => Math.max(0, Math.round(vnd / 1000) * 1000);

/** The country's contributions due in a month of `period`'s year (VND), before noise. */
export function nationalMonthlyDue(period: Period): number {
  const c = NATIONAL.collection;
  return (c.dueAnchorYear * (1 + c.dueGrowthPerYear) ** yearsFromAnchor(period)) / 12;
}

/** The country's contribution debt at the end of `period` (VND): the late-payment rate of a year's dues. */
export function nationalDebtStock(period: Period): number {
  return lateRateIn(period) * 12 * nationalMonthlyDue(period);
}

export function collectionRows(seed: number, unit: Unit, period: Period): Row[] {
  const rng = new Rng(seed, 'collection', unit.code, period);
  const c = NATIONAL.collection;
  const due = nationalMonthlyDue(period) * formalShare(seed, unit) * (1 + 0.01 * rng.normal());
  // Employers catch up at year end; the rest of the year a little of each month's due is paid late.
  const december = period.endsWith('-12');
  const collectedShare = december ? rng.uniform(1.0, 1.04) : rng.uniform(0.96, 1.0);
  const debt = nationalDebtStock(period) * formalShare(seed, unit);
  return FUNDS.map((fund) => ({
    loai_bao_hiem: fund,
    so_phai_thu: thousands(due * c.fundShare[fund]),
    so_da_thu: thousands(due * c.fundShare[fund] * collectedShare),
    lai_cham_dong: thousands(debt * c.fundShare[fund] * c.interestPerDay * 30 * rng.uniform(0.8, 1.2)),
  }));
}
