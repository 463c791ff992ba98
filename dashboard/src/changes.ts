/**
 * The changes a headline tile shows, read from comparisons.json: month on month, year on year
 * and since the start of the year, each over the same units in both months and labelled with
 * how many units that is, so a province missing from one month never reads as a fall to zero.
 */
import type { ComparedMeasure, ComparisonRow } from '../../core/contracts/site-data.ts';
import { formatPeriod } from '../../core/format.ts';
import { pick } from './i18n.ts';
import { CHANGE_TEXT } from '../../core/messages/index.ts';

export type Basis = ComparisonRow['basis'];
export const BASES: readonly Basis[] = ['mom', 'yoy', 'ytd'];

/** A figure compared: a sum (percent change) or a ratio of two sums (change in points). */
export type Compared =
  | { kind: 'sum'; measure: ComparedMeasure }
  | {
      kind: 'ratio';
      part: ComparedMeasure;
      whole: ComparedMeasure;
      /** The whole is multiplied by this (12: a month's dues annualised for the late-payment rate). */
      wholeFactor?: number;
    };

export interface Change {
  basis: Basis;
  /** The change: percent for a sum, percentage points for a ratio; undefined with no comparison. */
  delta: number | undefined;
  text: string;
  /** Set when the comparison crosses a template change of what the figure counts (no delta then). */
  broken?: Broken;
}

/** Why a comparison has no change, and the first month of the template that changed the figure. */
export interface Broken {
  reason: NonNullable<ComparisonRow['break_reason']>;
  from: string;
}

/** A comparison found: its change, or the break that leaves it without one. */
export type Found =
  | { delta: number; row: ComparisonRow; broken?: undefined }
  | { delta: undefined; row: ComparisonRow; broken: Broken };

const brokenOf = (row: ComparisonRow): Broken | undefined =>
  row.break_reason && row.break_from ? { reason: row.break_reason, from: row.break_from } : undefined;

const signed = new Intl.NumberFormat('vi-VN', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
});

function find(rows: readonly ComparisonRow[], period: string, basis: Basis, measure: ComparedMeasure) {
  return rows.find((r) => r.period === period && r.basis === basis && r.measure === measure);
}

/**
 * The change of `what` on one basis, the break that leaves it without one (a ratio breaks when
 * its part or its whole does), or undefined when the data hold no such comparison.
 */
export function changeOf(
  rows: readonly ComparisonRow[],
  period: string,
  basis: Basis,
  what: Compared,
): Found | undefined {
  if (what.kind === 'sum') {
    const row = find(rows, period, basis, what.measure);
    if (!row) return undefined;
    const broken = brokenOf(row);
    if (broken) return { delta: undefined, row, broken };
    if (row.value === null || row.compare_value === null || row.compare_value === 0) return undefined;
    return { delta: (100 * (row.value - row.compare_value)) / row.compare_value, row };
  }
  const part = find(rows, period, basis, what.part);
  const whole = find(rows, period, basis, what.whole);
  if (!part || !whole) return undefined;
  const broken = brokenOf(part) ?? brokenOf(whole);
  if (broken) return { delta: undefined, row: whole, broken };
  if (part.value === null || part.compare_value === null) return undefined;
  if (!whole.value || !whole.compare_value) return undefined;
  const factor = what.wholeFactor ?? 1;
  const delta = (100 * (part.value / whole.value - part.compare_value / whole.compare_value)) / factor;
  return { delta, row: whole };
}

/**
 * The three changes of a tile, each a sentence with its basis, its month and its units; for one
 * province (`single`) the sentence says only that both months were reported.
 */
export function changesOf(
  rows: readonly ComparisonRow[],
  period: string,
  what: Compared,
  single = false,
): Change[] {
  return BASES.map((basis) => {
    const found = changeOf(rows, period, basis, what);
    if (!found) return { basis, delta: undefined, text: pick(CHANGE_TEXT.none(basis)) };
    if (found.broken) {
      const month = formatPeriod(found.row.compare_period);
      const text = pick(CHANGE_TEXT.notComparable(basis, month, found.broken.from));
      return { basis, delta: undefined, text, broken: found.broken };
    }
    const unit = what.kind === 'sum' ? '%' : pick(CHANGE_TEXT.points);
    const { row } = found;
    return {
      basis,
      delta: found.delta,
      text: pick(
        single
          ? CHANGE_TEXT.unitLine(
              basis,
              formatPeriod(row.compare_period),
              `${signed.format(found.delta)}${unit}`,
            )
          : CHANGE_TEXT.line(
              basis,
              formatPeriod(row.compare_period),
              `${signed.format(found.delta)}${unit}`,
              row.units_compared,
              row.units_expected,
            ),
      ),
    };
  });
}
