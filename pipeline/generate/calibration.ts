/**
 * National magnitudes the sample data is tuned to, from the published VSS figures collected in
 * the shared reference notes (national_figures.md). Rates are shares; money is VND.
 */
import type { Period } from '../../core/period.ts';
import { provinces, type Unit } from '../reference/provinces.ts';

/** The month the trends below are anchored at; rates drift linearly from it. */
export const TREND_ANCHOR: Period = '2024-01';

export const NATIONAL = {
  /** Population grows about 0.9 %/yr from the 2020 census average. */
  populationGrowthPerYear: 0.009,
  laborForceShare: 0.52,
  /** HI: 93.35 % at end-2023, rising about half a point a year. */
  hiRate: 0.932,
  hiRateRisePerYear: 0.005,
  /** SI (compulsory + voluntary): 39.25 % of the labour force at end-2023, 42.7 % a year later. */
  siRate: 0.395,
  siRateRisePerYear: 0.012,
  voluntaryShareOfSi: 0.1,
  /** UI: 31.58 % of the labour force in 2023. */
  uiRate: 0.318,
  uiRateRisePerYear: 0.006,
  /** Targets are assigned a few percent above what the unit is expected to reach. */
  targetMargin: [0.01, 0.05] as const,
  /**
   * Late-payment rate (debt at month end over a year's dues): 2.91 % in 2022, 2.69 % in 2023,
   * 2.59 % in 2024 ([S6] [S9] [S16]); it keeps falling by the latest year's 0.1 point a year.
   * The debt stock is this rate of the dues below (collection.ts nationalDebtStock).
   */
  lateRate: 0.0259,
  /** The month the published rate is taken at: the end of its year. */
  lateRateMonth: '2024-12',
  lateRateFallPerYear: 0.001,
  /** Contribution rates on the wage fund: SI 25.5 %, HI 4.5 %, UI 2 % (≈ 80/14/6 split). */
  contribution: { si: 0.255, hi: 0.045, ui: 0.02 },
  /**
   * Collection: SI + HI + UI premiums collected in 2023 were over VND 472.3 trillion, +8.55 % on
   * 2022 ([S10] in national_figures.md); the amount due is taken at that size in the anchor year.
   * Fund shares are approximate (compulsory SI alone was over VND 299.8 tn in 2022, [S6]).
   * Late-payment interest is 0.03 % a day of the amount paid late (Law on Social Insurance 2024).
   */
  collection: {
    dueAnchorYear: 472_300_000_000_000 * 1.0855,
    dueGrowthPerYear: 0.08,
    fundShare: { bhxh: 0.66, bhyt: 0.29, bhtn: 0.05 },
    interestPerDay: 0.0003,
  },
  /**
   * Employers on the debtor registers nationwide in a month, about 150,000: Hồ Chí Minh City
   * alone counted about 45,000 in 2022 with 14.6 % of the insured and a rate 2.35 times the
   * national one, and 22,421 owing 3+ months in Sept 2025 with about 22 % of compulsory SI
   * (CALIBRATION.md). The `full` scale holds them all.
   */
  registerSize: 150_000,
  /**
   * Shares of the country's compulsory-SI insured that are published, pinned in the sample
   * (formal-employment.ts): Hồ Chí Minh City 2.3 M of ≈ 15.7 M in 2022 [H1][S8]; the city merged
   * with Bình Dương and Bà Rịa–Vũng Tàu ≈ 3.7 M of ≈ 17.1 M in Sept 2025 [H2][S14], so the two
   * provinces hold the difference. Every other unit's share is modelled (CALIBRATION.md).
   */
  formalShareAnchors: [
    { units: ['79'], share: 0.146 },
    { units: ['74', '77'], share: 0.217 - 0.146 },
  ] as const satisfies readonly { units: readonly string[]; share: number }[],
  /**
   * The default sample holds one debtor in five of them, for speed: 30,000 a month. The national
   * debt stays the published one, so a sample debtor carries the payroll of about five.
   */
  debtorsPerMonth: 30_000,
  /** About 2,000 inspections a year; fines about VND 60 bn a year. */
  inspectionsPerYear: 2000,
  employersPerInspection: 8,
  violatingShare: 0.14,
  finesPerYear: 60_000_000_000,
  /** The enforcement template's 2025 columns (CALIBRATION.md, enforcement rows). */
  enforcementResults: {
    templateFrom: '2025-01',
    adoptionMonths: 6,
    /** Of the inspections; the rest are planned. No published split: a sample assumption. */
    typeShare: { unscheduled: 0.25, specialised: 0.15 },
    /** 17,464 workers over 16 months [S18] ≈ 13,100 a year over ≈ 16,000 employers inspected. */
    workersNotEnrolledPerEmployer: 0.8,
    /** Median found per employer inspected: ≈ VND 240 bn a year found, ≈ 190 bn recovered [S18]. */
    underpaidPerEmployer: 12_500_000,
    recoveredInMonth: [0.6, 0.95],
    /** The source's "arrears collected at 58 enterprises, over 9 billion VND", taken as a year. */
    policeEmployersPerYear: 58,
    policeAmountPerEmployer: 130_000_000,
  },
  /** About 80 prosecution dossiers a year, nine in ten under Art. 216. */
  dossiersPerYear: 80,
  /** About 4.7 M procedure dossiers a quarter. */
  proceduresPerMonth: 1_560_000,
} as const;

/** Months from the trend anchor (negative before it). */
export function monthsFromAnchor(period: Period): number {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const [ay, am] = TREND_ANCHOR.split('-').map(Number) as [number, number];
  return (y - ay) * 12 + (m - am);
}

export function yearsFromAnchor(period: Period): number {
  return monthsFromAnchor(period) / 12;
}

/** The national late-payment rate in a month, on the published trend. */
export function lateRateIn(period: Period): number {
  const years = yearsFromAnchor(period) - yearsFromAnchor(NATIONAL.lateRateMonth);
  return NATIONAL.lateRate - NATIONAL.lateRateFallPerYear * years;
}

/** A unit's population in the period, from its 2020 average (thousands). */
export function populationIn(population2020Thousands: number, period: Period): number {
  const years = 4 + yearsFromAnchor(period);
  return Math.round(population2020Thousands * 1000 * (1 + NATIONAL.populationGrowthPerYear) ** years);
}

export function laborForceIn(population2020Thousands: number, period: Period): number {
  return Math.round(populationIn(population2020Thousands, period) * NATIONAL.laborForceShare);
}

/** A unit's share of the country's 2020 population (both generations sum to the same total). */
export function populationShare(unit: Unit): number {
  let total = totals.get(unit.generation);
  if (total === undefined) {
    total = provinces()
      .units.filter((u) => u.generation === unit.generation)
      .reduce((sum, u) => sum + u.population2020, 0);
    totals.set(unit.generation, total);
  }
  return unit.population2020 / total;
}
const totals = new Map<string, number>();
