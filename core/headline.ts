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

const generationOf = (period: string) => (period >= REFORM_FIRST_PERIOD ? '34' : '63');

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

class Book {
  private readonly rows = new Map<string, ProvinceRow>();
  private readonly sent = new Set<string>();
  private readonly oldUnitsOf = new Map<string, string[]>();

  constructor(
    provinceRows: readonly ProvinceRow[],
    completeness: readonly CompletenessRow[],
    units: readonly UnitRow[],
  ) {
    for (const r of provinceRows) this.rows.set(`${r.period}|${r.province}`, r);
    for (const c of completeness)
      if (c.status !== 'missing') this.sent.add(`${c.dataset}|${c.period}|${c.province}`);
    for (const u of units.filter((u) => u.generation === '63')) {
      this.oldUnitsOf.set(u.current_code, [...(this.oldUnitsOf.get(u.current_code) ?? []), u.code]);
    }
  }

  /** The units of `month` that make up unit `unit` of the month shown (`shown`). */
  parts(unit: string, month: string, shown: string): string[] {
    return generationOf(month) === generationOf(shown) ? [unit] : (this.oldUnitsOf.get(unit) ?? []);
  }

  private sentAll(spec: FigureSpec, parts: readonly string[], month: string): boolean {
    return (
      parts.length > 0 && parts.every((p) => spec.datasets.every((d) => this.sent.has(`${d}|${month}|${p}`)))
    );
  }

  /** Unit `unit` (of the month shown) in `month`, or null when it does not hold the figure then. */
  value(spec: FigureSpec, unit: string, month: string, shown: string): UnitValue | null {
    const parts = this.parts(unit, month, shown);
    if (!this.sentAll(spec, parts, month)) return null;
    let part = 0;
    if (spec.ytd) {
      for (let m = `${month.slice(0, 4)}-01`; m <= month; m = addMonths(m, 1)) {
        const mParts = this.parts(unit, m, shown);
        if (!this.sentAll(spec, mParts, m)) return null;
        for (const p of mParts) part += spec.ytd(this.row(m, p));
      }
    }
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

  private row(month: string, province: string): ProvinceRow {
    return this.rows.get(`${month}|${province}`) ?? zeroProvinceRow(month, province);
  }
}

function lagging(figure: HeadlineFigure, values: Map<string, UnitValue>, top = 3): LaggingUnit[] {
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
    const expected = units.filter((u) => u.generation === generationOf(period)).map((u) => u.code);
    for (const figure of HEADLINE_FIGURES) {
      const spec = FIGURES[figure];
      const now = new Map<string, UnitValue>();
      for (const unit of expected) {
        const v = book.value(spec, unit, period, period);
        if (v) now.set(unit, v);
      }
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
        const both = [...now].flatMap(([unit, v]) => {
          const then = book.value(spec, unit, compare, period);
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
