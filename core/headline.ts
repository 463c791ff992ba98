/**
 * The overview's first-screen figures (core/contracts/headline.ts) from the province rows and the
 * completeness the refresh writes. A unit counts in a figure of a month only when it sent every
 * report the figure needs (for the year to date, in every month since January) and, where the
 * figure is against a target, the national reference assigns it one: a missing report or target
 * leaves the unit out and the row says how many units remain, never sums it as zero.
 */
import { addMonths, REFORM_FIRST_PERIOD } from './period.ts';
import {
  zeroProvinceRow,
  type CompletenessRow,
  type ProvinceRow,
  type UnitRow,
} from './contracts/site-data.ts';
import {
  HEADLINE_FIGURES,
  headlineRow,
  type HeadlineFigure,
  type HeadlineRow,
  type LaggingUnit,
} from './contracts/headline.ts';

/** One unit's part and whole of a figure in one month; null when it does not hold the figure. */
interface UnitValue {
  part: number;
  whole: number;
  allowed: number | null;
}

/** What a figure reads from a unit's row of a month, and the reports it needs. */
interface FigureSpec {
  datasets: readonly string[];
  /** Null when the row lacks what the figure is measured against (an assigned target). */
  value(row: ProvinceRow): UnitValue | null;
  /** Year to date: the part sums this over every month from January, each of which must be reported. */
  ytd?: (row: ProvinceRow) => number;
}

const FIGURES: Record<HeadlineFigure, FigureSpec> = {
  late_rate: {
    datasets: ['debt', 'collection'],
    value: (r) => ({
      part: r.debt_total,
      whole: 12 * r.collection_due,
      allowed:
        r.late_rate_target_bp === null
          ? null
          : Math.round((r.late_rate_target_bp * 12 * r.collection_due) / 10_000),
    }),
  },
  collection_plan_ytd: {
    datasets: ['collection'],
    ytd: (r) => r.collection_collected,
    value: (r) =>
      r.collection_plan === null
        ? null
        : { part: r.collection_collected, whole: r.collection_plan, allowed: null },
  },
  hi_target: {
    datasets: ['coverage'],
    value: (r) =>
      r.hi_target_assigned === null
        ? null
        : { part: r.hi_participants, whole: r.hi_target_assigned, allowed: null },
  },
  si_target: {
    datasets: ['coverage'],
    value: (r) =>
      r.si_target_assigned === null
        ? null
        : { part: r.si_participants, whole: r.si_target_assigned, allowed: null },
  },
  on_time: {
    datasets: ['procedures'],
    value: (r) => ({
      part: r.procedures_on_time,
      whole: r.procedures_on_time + r.procedures_late,
      allowed: null,
    }),
  },
};

type Generation = '63' | '34';
const generationOf = (period: string): Generation => (period >= REFORM_FIRST_PERIOD ? '34' : '63');

/**
 * The rows and reports of the units, and the units' values of a figure in a month, computed once
 * for each month and generation of units shown: a month is read as the month shown and again as
 * the month before or the year before of later months, and a year-to-date part is the part of the
 * month before plus the month's own.
 */
class Book {
  private readonly rows = new Map<string, ProvinceRow>();
  /** month → unit → the datasets it sent that month */
  private readonly sent = new Map<string, Map<string, Set<string>>>();
  private readonly oldUnitsOf = new Map<string, string[]>();
  private readonly codes: Record<Generation, string[]>;
  private readonly values = new Map<FigureSpec, Map<string, Map<string, UnitValue>>>();
  private readonly ytdParts = new Map<FigureSpec, Map<string, number | null>>();

  constructor(
    provinceRows: readonly ProvinceRow[],
    completeness: readonly CompletenessRow[],
    units: readonly UnitRow[],
  ) {
    for (const r of provinceRows) this.rows.set(`${r.period}|${r.province}`, r);
    for (const c of completeness) {
      if (c.status === 'missing') continue;
      const month = this.sent.get(c.period) ?? new Map<string, Set<string>>();
      this.sent.set(c.period, month);
      const datasets = month.get(c.province) ?? new Set<string>();
      month.set(c.province, datasets);
      datasets.add(c.dataset);
    }
    for (const u of units.filter((u) => u.generation === '63')) {
      this.oldUnitsOf.set(u.current_code, [...(this.oldUnitsOf.get(u.current_code) ?? []), u.code]);
    }
    const codesOf = (g: Generation) => units.filter((u) => u.generation === g).map((u) => u.code);
    this.codes = { '63': codesOf('63'), '34': codesOf('34') };
  }

  /** The units expected in a month shown of generation `shown`. */
  expected(shown: Generation): readonly string[] {
    return this.codes[shown];
  }

  /** The units of `month` that make up unit `unit` of a month shown of generation `shown`. */
  private parts(unit: string, month: string, shown: Generation): string[] {
    return generationOf(month) === shown ? [unit] : (this.oldUnitsOf.get(unit) ?? []);
  }

  private sentAll(spec: FigureSpec, parts: readonly string[], month: string): boolean {
    const sent = this.sent.get(month);
    return (
      sent !== undefined &&
      parts.length > 0 &&
      parts.every((p) => {
        const datasets = sent.get(p);
        return datasets !== undefined && spec.datasets.every((d) => datasets.has(d));
      })
    );
  }

  /** The units (of a month shown of generation `shown`) that hold the figure in `month`. */
  valuesIn(spec: FigureSpec, month: string, shown: Generation): ReadonlyMap<string, UnitValue> {
    const memo = this.values.get(spec) ?? new Map<string, Map<string, UnitValue>>();
    this.values.set(spec, memo);
    const key = `${month}|${shown}`;
    const known = memo.get(key);
    if (known) return known;
    const values = new Map<string, UnitValue>();
    for (const unit of this.codes[shown]) {
      const v = this.value(spec, unit, month, shown);
      if (v) values.set(unit, v);
    }
    memo.set(key, values);
    return values;
  }

  private value(spec: FigureSpec, unit: string, month: string, shown: Generation): UnitValue | null {
    const parts = this.parts(unit, month, shown);
    if (!this.sentAll(spec, parts, month)) return null;
    const part = spec.ytd ? this.ytdPart(spec, spec.ytd, unit, month, shown) : 0;
    if (part === null) return null;
    let whole = 0;
    let allowed: number | null = 0;
    let monthPart = 0;
    for (const p of parts) {
      const v = spec.value(this.row(month, p));
      if (v === null) return null; // no target assigned: the unit is left out, not counted as 0
      monthPart += v.part;
      whole += v.whole;
      allowed = allowed === null || v.allowed === null ? null : allowed + v.allowed;
    }
    return { part: spec.ytd ? part : monthPart, whole, allowed };
  }

  /** The part summed from January to `month`, or null when a month of them was not reported. */
  private ytdPart(
    spec: FigureSpec,
    ytd: (row: ProvinceRow) => number,
    unit: string,
    month: string,
    shown: Generation,
  ): number | null {
    const memo = this.ytdParts.get(spec) ?? new Map<string, number | null>();
    this.ytdParts.set(spec, memo);
    const key = `${unit}|${month}|${shown}`;
    const known = memo.get(key);
    if (known !== undefined) return known;
    const parts = this.parts(unit, month, shown);
    let part: number | null = null;
    if (this.sentAll(spec, parts, month)) {
      const before = month.endsWith('-01') ? 0 : this.ytdPart(spec, ytd, unit, addMonths(month, -1), shown);
      if (before !== null) {
        part = before;
        for (const p of parts) part += ytd(this.row(month, p));
      }
    }
    memo.set(key, part);
    return part;
  }

  private row(month: string, province: string): ProvinceRow {
    return this.rows.get(`${month}|${province}`) ?? zeroProvinceRow(month, province);
  }
}

function lagging(figure: HeadlineFigure, values: ReadonlyMap<string, UnitValue>, top = 3): LaggingUnit[] {
  const units = [...values].filter(([, v]) => v.whole > 0 && (figure !== 'late_rate' || v.allowed !== null));
  // the late-payment rate lags by its excess over the unit's ceiling; the others by a low share
  const score = ([, v]: [string, UnitValue]) =>
    figure === 'late_rate' ? -(v.part - (v.allowed ?? 0)) / v.whole : v.part / v.whole;
  return units
    .sort((a, b) => score(a) - score(b) || a[0].localeCompare(b[0]))
    .slice(0, top)
    .map(([province, v]) => ({ province, part: v.part, whole: v.whole, allowed: v.allowed }));
}

const sum = (values: Iterable<number>) => [...values].reduce((s, v) => s + v, 0);

/**
 * Every headline row the data allow, for the months shown. `only`: the rows of these months alone
 * (the rows given need cover them and the months they compare with, all within the year before).
 */
export function headlineFigures(
  provinceRows: readonly ProvinceRow[],
  completeness: readonly CompletenessRow[],
  units: readonly UnitRow[],
  periods: readonly string[],
  only?: ReadonlySet<string>,
): HeadlineRow[] {
  const book = new Book(provinceRows, completeness, units);
  const held = new Set(periods);
  const out: HeadlineRow[] = [];
  for (const period of only ? periods.filter((p) => only.has(p)) : periods) {
    const shown = generationOf(period);
    const expected = book.expected(shown);
    for (const figure of HEADLINE_FIGURES) {
      const spec = FIGURES[figure];
      const now = book.valuesIn(spec, period, shown);
      if (now.size === 0) continue;
      const targeted = [...now.values()].filter((v) => v.allowed !== null);
      out.push(
        headlineRow.parse({
          period,
          figure,
          basis: 'now',
          compare_period: null,
          units: now.size,
          units_expected: expected.length,
          part: sum([...now.values()].map((v) => v.part)),
          whole: sum([...now.values()].map((v) => v.whole)),
          compare_part: null,
          compare_whole: null,
          allowed:
            figure === 'late_rate' && targeted.length > 0 ? sum(targeted.map((v) => v.allowed ?? 0)) : null,
          allowed_whole:
            figure === 'late_rate' && targeted.length > 0 ? sum(targeted.map((v) => v.whole)) : null,
          target_units: figure === 'late_rate' ? targeted.length : null,
          lagging: lagging(figure, now),
        }),
      );
      for (const [basis, compare] of [
        ['mom', addMonths(period, -1)],
        ['yoy', addMonths(period, -12)],
      ] as const) {
        if (!held.has(compare)) continue;
        const thenValues = book.valuesIn(spec, compare, shown);
        const both = [...now].flatMap(([unit, v]) => {
          const then = thenValues.get(unit);
          return then ? [{ now: v, then }] : [];
        });
        if (both.length === 0) continue;
        out.push(
          headlineRow.parse({
            period,
            figure,
            basis,
            compare_period: compare,
            units: both.length,
            units_expected: expected.length,
            part: sum(both.map((b) => b.now.part)),
            whole: sum(both.map((b) => b.now.whole)),
            compare_part: sum(both.map((b) => b.then.part)),
            compare_whole: sum(both.map((b) => b.then.whole)),
            allowed: null,
            allowed_whole: null,
            target_units: null,
            lagging: [],
          }),
        );
      }
    }
  }
  return out;
}
