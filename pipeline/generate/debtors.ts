/**
 * The debtor register of every old (63) unit, carried month to month: the same employers stay
 * in debt with growing or shrinking arrears, some pay up and leave, new ones fall behind. After
 * the 2025 merger the old registers keep running and a new unit reports the union of its old
 * units' registers, so national and merged-province totals continue across the change.
 */
import { debt } from '../../core/datasets/debt.ts';
import { versionAt } from '../../core/datasets/versions.ts';
import { addMonths, periodRange, type Period } from '../../core/period.ts';
import type { Unit } from '../reference/provinces.ts';
import { NATIONAL, populationShare, yearsFromAnchor } from './calibration.ts';
import { paidOffRow, withVersion2Fields } from './debt-v2-fields.ts';
import { employerName, type TaxCodes } from './employers.ts';
import { Rng } from './random.ts';
import type { Row } from './rows.ts';

type Status = 'late' | 'evading' | 'sued' | 'referred_police' | 'dissolved';

interface Debtor {
  taxCode: string;
  name: string;
  employees: number;
  /** Contributions falling due each month (all schemes), VND. */
  monthlyDue: number;
  owed: number;
  months: number;
  status: Status;
  /** Chronic debtors rarely pay up; short-lived ones usually clear within a quarter. */
  chronic: boolean;
  recovered: number;
  hiShare: number;
  uiShare: number;
}

const AVERAGE_WAGE = 7_500_000;
const CONTRIBUTION_RATE = NATIONAL.contribution.si + NATIONAL.contribution.hi + NATIONAL.contribution.ui;
/** Months overdue are counted up to three years; older arrears are written off the register. */
const MAX_MONTHS = 36;
/**
 * Arrears of the average register entry, in months of dues, once the register has settled
 * (partial payments keep it below the months overdue); measured on generated data and used to
 * size the dues so that the national stock matches the published one.
 */
const AVERAGE_MONTHS = 4.6;
/** Registers run this long before the first month written, so they start settled. */
const WARM_UP_MONTHS = 24;

function targetSize(unit: Unit, period: Period, debtorsPerMonth: number): number {
  const trend = 1 - NATIONAL.debtStockDeclinePerYear * yearsFromAnchor(period);
  return debtorsPerMonth * populationShare(unit) * trend;
}

function newDebtor(rng: Rng, unit: Unit, codes: TaxCodes, debtorsPerMonth: number, months: number): Debtor {
  const meanDue =
    NATIONAL.debtStock /
    (NATIONAL.debtorsPerMonth * AVERAGE_MONTHS) /
    (debtorsPerMonth / NATIONAL.debtorsPerMonth);
  // The median is set so that the log-normal's mean (median · e^(σ²/2)) is the mean due.
  const employees = Math.max(
    1,
    Math.round(rng.logNormal(meanDue / (AVERAGE_WAGE * CONTRIBUTION_RATE) / Math.exp(0.605), 1.1)),
  );
  const monthlyDue =
    Math.round((employees * AVERAGE_WAGE * CONTRIBUTION_RATE * rng.uniform(0.8, 1.2)) / 1000) * 1000;
  return {
    taxCode: codes.next(rng, unit.code),
    name: employerName(rng),
    employees,
    monthlyDue,
    owed: Math.round((monthlyDue * months * rng.uniform(0.8, 1)) / 1000) * 1000,
    months,
    status: 'late',
    chronic: months > 3 || rng.chance(0.12),
    recovered: 0,
    hiShare: NATIONAL.contribution.hi / CONTRIBUTION_RATE + rng.uniform(-0.02, 0.02),
    uiShare: NATIONAL.contribution.ui / CONTRIBUTION_RATE + rng.uniform(-0.01, 0.01),
  };
}

/** A month passes for one debtor: false when it leaves the register (paid up or written off). */
function advance(rng: Rng, d: Debtor): boolean {
  d.recovered = 0;
  if (rng.chance(d.chronic ? 0.04 : 0.3)) return false;
  if (d.status !== 'dissolved') d.owed += d.monthlyDue;
  if (rng.chance(d.status === 'dissolved' ? 0.05 : 0.3)) {
    const paid = Math.round((d.owed * rng.uniform(0.1, 0.5)) / 1000) * 1000;
    d.owed -= paid;
    d.recovered = paid;
    d.months = Math.max(1, d.months + 1 - Math.round(paid / d.monthlyDue));
  } else {
    d.months += 1;
  }
  if (d.months > MAX_MONTHS) return false;
  escalate(rng, d);
  return true;
}

function escalate(rng: Rng, d: Debtor): void {
  if (d.status === 'dissolved') return;
  if (d.months >= 12 && rng.chance(0.01)) d.status = 'dissolved';
  else if (d.months >= 6 && d.status !== 'referred_police' && rng.chance(0.008)) d.status = 'referred_police';
  else if (d.months >= 6 && d.status !== 'sued' && d.status !== 'referred_police' && rng.chance(0.015))
    d.status = 'sued';
  else if (d.months >= 3 && d.status === 'late' && rng.chance(0.04)) d.status = 'evading';
}

function toRow(d: Debtor): Row {
  return withVersion2Fields(toVersion1Row(d));
}

/**
 * The employers that left the register this month by paying everything (not written off): from
 * template version 2 on they are reported, with the arrears recovered, in a row of no debt.
 */
function paidOffRows(period: Period, before: readonly Debtor[], after: readonly Debtor[]): Row[] {
  if (versionAt(debt, period) < 2) return [];
  const stayed = new Set(after);
  return before
    .filter((d) => !stayed.has(d) && d.months <= MAX_MONTHS && d.owed > 0)
    .map((d) => paidOffRow(toVersion1Row(d), d.owed));
}

function toVersion1Row(d: Debtor): Row {
  const hi = Math.round(d.owed * d.hiShare);
  const ui = Math.round(d.owed * d.uiShare);
  return {
    ma_so_thue: d.taxCode,
    ten_don_vi: d.name,
    no_bhxh: d.owed - hi - ui,
    no_bhyt: hi,
    no_bhtn: ui,
    so_thang_no: d.months,
    da_thu_hoi: d.recovered,
    so_lao_dong: d.employees,
    tinh_trang: d.status,
  };
}

/** Months overdue of the register a unit holds when the simulation starts: a long tail. */
function initialMonths(rng: Rng): number {
  return rng.chance(0.5)
    ? 1 + Math.floor(-Math.log(1 - rng.next()) / 0.35)
    : Math.min(MAX_MONTHS, 1 + Math.floor(-Math.log(1 - rng.next()) * 9));
}

function initialRegister(
  seed: number,
  unit: Unit,
  first: Period,
  debtorsPerMonth: number,
  codes: TaxCodes,
): Debtor[] {
  const init = new Rng(seed, 'debt-init', unit.code);
  const size = Math.round(targetSize(unit, first, debtorsPerMonth));
  const register: Debtor[] = [];
  for (let i = 0; i < size; i++) {
    const d = newDebtor(init, unit, codes, debtorsPerMonth, initialMonths(init));
    for (let k = 0; k < d.months; k++) escalate(init, d);
    register.push(d);
  }
  return register;
}

/**
 * Every old unit's register, month by month from `start` to `to`: each step yields the month's
 * rows keyed `<period>/<old code>`, so only one month of rows is ever held (the full scale has
 * about 150,000 a month). Each unit-month draws from its own stream, so the rows do not depend
 * on the order units are stepped in, and starting earlier than the output range keeps a
 * sub-range identical to the same months of a longer run.
 */
export function* debtMonths(
  seed: number,
  units: readonly Unit[],
  start: Period,
  to: Period,
  debtorsPerMonth: number,
  codes: TaxCodes,
): Generator<{ period: Period; rows: Map<string, Row[]> }> {
  const first = addMonths(start, -WARM_UP_MONTHS);
  const registers = units.map((unit) => ({
    unit,
    register: initialRegister(seed, unit, first, debtorsPerMonth, codes),
  }));
  for (const period of periodRange(first, to)) {
    const rows = new Map<string, Row[]>();
    for (const entry of registers) {
      const { unit } = entry;
      const rng = new Rng(seed, 'debt', unit.code, period);
      const before = entry.register;
      if (period !== first) entry.register = entry.register.filter((d) => advance(rng, d));
      const paidOff = period !== first ? paidOffRows(period, before, entry.register) : [];
      const target = targetSize(unit, period, debtorsPerMonth);
      const arrivals = rng.poisson(Math.max(0, target - entry.register.length));
      for (let i = 0; i < arrivals; i++) entry.register.push(newDebtor(rng, unit, codes, debtorsPerMonth, 1));
      if (period >= start) rows.set(`${period}/${unit.code}`, [...entry.register.map(toRow), ...paidOff]);
    }
    if (period >= start) yield { period, rows };
  }
}

/**
 * `count` debtors of one unit as a freshly settled register would hold them: for a single large
 * upload (the ingest benchmark) rather than a month of the national simulation.
 */
export function* standaloneDebtors(seed: number, unit: Unit, count: number, codes: TaxCodes): Generator<Row> {
  const rng = new Rng(seed, 'debt-standalone', unit.code);
  // Dues sized as if the unit's register were this big a share of the national one.
  const debtorsPerMonth = Math.max(1, Math.round(count / populationShare(unit)));
  for (let i = 0; i < count; i++) {
    const d = newDebtor(rng, unit, codes, debtorsPerMonth, initialMonths(rng));
    for (let k = 0; k < d.months; k++) escalate(rng, d);
    if (rng.chance(0.3)) d.recovered = Math.round((d.owed * rng.uniform(0.05, 0.3)) / 1000) * 1000;
    yield toRow(d);
  }
}
