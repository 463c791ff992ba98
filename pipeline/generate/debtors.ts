/**
 * The debtor register of every old (63) unit, carried month to month: the same employers stay
 * in debt with growing or shrinking arrears, some pay up and leave, new ones fall behind. After
 * the 2025 merger the old registers keep running and a new unit reports the union of its old
 * units' registers, so national and merged-province totals continue across the change.
 */
import { debt } from '../../core/datasets/debt.ts';
import { templateAt } from '../../core/datasets/versions.ts';
import { addMonths, periodRange, type Period } from '../../core/period.ts';
import type { Unit } from '../reference/provinces.ts';
import { NATIONAL, populationShare, TREND_ANCHOR } from './calibration.ts';
import {
  chronicArrival,
  CONTRIBUTION_RATE,
  MAX_MONTHS,
  meanMonthlyDue,
  PAYS_PART,
  PAYS_UP,
  payroll,
  registerTarget,
  settledEntry,
} from './debtor-size.ts';
import { paidOffRow, withVersion2Fields } from './debt-v2-fields.ts';
import { escalate, FRESH_STATUS, version1Status, type DebtorStatus } from './debtor-status.ts';
import { employerName, type TaxCodes } from './employers.ts';
import { Rng } from './random.ts';
import type { Row } from './rows.ts';

interface Debtor {
  taxCode: string;
  name: string;
  employees: number;
  /** Contributions falling due each month (all schemes), VND. */
  monthlyDue: number;
  owed: number;
  months: number;
  /** Nature and action, both template versions' status columns read off it. */
  status: DebtorStatus;
  /** Chronic debtors rarely pay up; short-lived ones usually clear within a quarter. */
  chronic: boolean;
  recovered: number;
  hiShare: number;
  uiShare: number;
}

/** Registers run this long before the first month written, so they start settled. */
const WARM_UP_MONTHS = 24;

function newDebtor(
  rng: Rng,
  unit: Unit,
  codes: TaxCodes,
  meanDue: number,
  entry: { chronic: boolean; months: number },
): Debtor {
  const { months, chronic } = entry;
  const { employees, monthlyDue } = payroll(rng, meanDue, chronic);
  return {
    taxCode: codes.next(rng, unit.code),
    name: employerName(rng),
    employees,
    monthlyDue,
    owed: Math.round((monthlyDue * months * rng.uniform(0.8, 1)) / 1000) * 1000,
    months,
    status: { ...FRESH_STATUS },
    chronic,
    recovered: 0,
    hiShare: NATIONAL.contribution.hi / CONTRIBUTION_RATE + rng.uniform(-0.02, 0.02),
    uiShare: NATIONAL.contribution.ui / CONTRIBUTION_RATE + rng.uniform(-0.01, 0.01),
  };
}

/** A month passes for one debtor: false when it leaves the register (paid up or written off). */
function advance(rng: Rng, d: Debtor): boolean {
  d.recovered = 0;
  if (rng.chance(d.chronic ? PAYS_UP.chronic : PAYS_UP.transient)) return false;
  if (d.status.action !== 'dissolved') d.owed += d.monthlyDue;
  if (
    rng.chance(d.status.action === 'dissolved' ? 0.05 : d.chronic ? PAYS_PART.chronic : PAYS_PART.transient)
  ) {
    const paid = Math.round((d.owed * rng.uniform(0.1, 0.5)) / 1000) * 1000;
    d.owed -= paid;
    d.recovered = paid;
    d.months = Math.max(1, d.months + 1 - Math.round(paid / d.monthlyDue));
  } else {
    d.months += 1;
  }
  if (d.months > MAX_MONTHS) return false;
  escalate(rng, d.status, d.months);
  return true;
}

function toRow(d: Debtor): Row {
  return withVersion2Fields(toVersion1Row(d), d.status);
}

/**
 * The employers that left the register this month by paying everything (not written off): from
 * template version 2 on they are reported, with the arrears recovered, in a row of no debt.
 */
function paidOffRows(period: Period, before: readonly Debtor[], after: readonly Debtor[]): Row[] {
  if (!templateAt(debt, period).rowRules.some((r) => r.kind === 'paid_off')) return [];
  const stayed = new Set(after);
  return before
    .filter((d) => !stayed.has(d) && d.months <= MAX_MONTHS && d.owed > 0)
    .map((d) => paidOffRow(toVersion1Row(d), d.owed, d.status));
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
    tinh_trang: version1Status(d.status),
  };
}

function initialRegister(
  seed: number,
  unit: Unit,
  first: Period,
  debtorsPerMonth: number,
  codes: TaxCodes,
): Debtor[] {
  const init = new Rng(seed, 'debt-init', unit.code);
  const size = Math.round(registerTarget(seed, unit, first, debtorsPerMonth));
  const meanDue = meanMonthlyDue(first, debtorsPerMonth);
  const register: Debtor[] = [];
  for (let i = 0; i < size; i++) {
    const d = newDebtor(init, unit, codes, meanDue, settledEntry(init));
    for (let k = 0; k < d.months; k++) escalate(init, d.status, k + 1);
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
      const target = registerTarget(seed, unit, period, debtorsPerMonth);
      const arrivals = rng.poisson(Math.max(0, target - entry.register.length));
      const meanDue = meanMonthlyDue(period, debtorsPerMonth);
      for (let i = 0; i < arrivals; i++)
        entry.register.push(
          newDebtor(rng, unit, codes, meanDue, { chronic: chronicArrival(rng), months: 1 }),
        );
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
  const meanDue = meanMonthlyDue(TREND_ANCHOR, Math.max(1, Math.round(count / populationShare(unit))));
  for (let i = 0; i < count; i++) {
    const d = newDebtor(rng, unit, codes, meanDue, settledEntry(rng));
    for (let k = 0; k < d.months; k++) escalate(rng, d.status, k + 1);
    if (rng.chance(0.3)) d.recovered = Math.round((d.owed * rng.uniform(0.05, 0.3)) / 1000) * 1000;
    yield toRow(d);
  }
}
