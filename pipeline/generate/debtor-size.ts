/**
 * How many debtors a unit's register holds, how big each is and how long it stays: the parts of
 * the debtor registers held to the published figures (CALIBRATION.md). Most debtors are a month
 * or two late and pay up within a quarter; a minority are chronic — smaller employers that
 * rarely pay — and they hold most of the old debt. Payrolls are log-normal: most small, a few
 * large.
 */
import type { Period } from '../../core/period.ts';
import type { Unit } from '../reference/provinces.ts';
import { lateRateIn, NATIONAL } from './calibration.ts';
import { nationalMonthlyDue } from './collection.ts';
import { formalShare } from './formal-employment.ts';
import type { Rng } from './random.ts';

const AVERAGE_WAGE = 7_500_000;
export const CONTRIBUTION_RATE =
  NATIONAL.contribution.si + NATIONAL.contribution.hi + NATIONAL.contribution.ui;
/** Months overdue are counted up to three years; older arrears are written off the register. */
export const MAX_MONTHS = 36;
/** Chance in a month that a debtor pays everything and leaves the register. */
export const PAYS_UP = { chronic: 0.035, transient: 0.45 } as const;
/** Chance in a month that a debtor pays part of its arrears (a tenth to a half). */
export const PAYS_PART = { chronic: 0.1, transient: 0.3 } as const;
/** Share of employers falling behind that stay behind (chronic). */
const CHRONIC_AT_ARRIVAL = 0.035;
/** Share of chronic debtors in a settled register (what CHRONIC_AT_ARRIVAL and PAYS_UP lead to). */
const CHRONIC_IN_REGISTER = 0.24;
/** Chronic debtors are smaller employers: their median payroll against the others'. */
const CHRONIC_SIZE = 0.4;
/** Log-space spread of payrolls: the largest of 30,000 debtors has about 150 times the median's. */
const PAYROLL_SIGMA = 1.25;
/**
 * Arrears of the average register entry, in months of the mean dues below, once the register has
 * settled; measured on generated data and used to size the dues so that the national stock is
 * the published late-payment rate of the year's dues.
 */
const REGISTER_MONTHS_OF_DUES = 2.55;

/** Debtors a unit's register aims at: its share of formal employment, fewer as the rate falls. */
export function registerTarget(seed: number, unit: Unit, period: Period, debtorsPerMonth: number): number {
  return debtorsPerMonth * formalShare(seed, unit) * (lateRateIn(period) / NATIONAL.lateRate);
}

/** Mean monthly dues of a new debtor (VND): they grow with the country's. */
export function meanMonthlyDue(period: Period, debtorsPerMonth: number): number {
  return (NATIONAL.lateRate * 12 * nationalMonthlyDue(period)) / (debtorsPerMonth * REGISTER_MONTHS_OF_DUES);
}

export function chronicArrival(rng: Rng): boolean {
  return rng.chance(CHRONIC_AT_ARRIVAL);
}

/** Employees and monthly dues of a debtor whose register's mean dues are `meanDue`. */
export function payroll(
  rng: Rng,
  meanDue: number,
  chronic: boolean,
): { employees: number; monthlyDue: number } {
  // The median is set so that the log-normal's mean (median · e^(σ²/2)) is the mean due.
  const median =
    (meanDue / (AVERAGE_WAGE * CONTRIBUTION_RATE) / Math.exp(PAYROLL_SIGMA ** 2 / 2)) *
    (chronic ? CHRONIC_SIZE : 1);
  const employees = Math.max(1, Math.round(rng.logNormal(median, PAYROLL_SIGMA)));
  const monthlyDue =
    Math.round((employees * AVERAGE_WAGE * CONTRIBUTION_RATE * rng.uniform(0.8, 1.2)) / 1000) * 1000;
  return { employees, monthlyDue };
}

/** Whether a debtor of the register a unit holds when the simulation starts is chronic, and its months. */
export function settledEntry(rng: Rng): { chronic: boolean; months: number } {
  if (rng.chance(CHRONIC_IN_REGISTER))
    return { chronic: true, months: Math.min(MAX_MONTHS, 1 + Math.floor(-Math.log(1 - rng.next()) * 14)) };
  return {
    chronic: false,
    months: 1 + Math.floor(Math.log(1 - rng.next()) / Math.log(1 - PAYS_UP.transient)),
  };
}
