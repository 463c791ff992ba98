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
}

const signed = new Intl.NumberFormat('vi-VN', {
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
});

function find(rows: readonly ComparisonRow[], period: string, basis: Basis, measure: ComparedMeasure) {
  return rows.find((r) => r.period === period && r.basis === basis && r.measure === measure);
}

/** The change of `what` on one basis, or undefined when the data hold no such comparison. */
export function changeOf(
  rows: readonly ComparisonRow[],
  period: string,
  basis: Basis,
  what: Compared,
): { delta: number; row: ComparisonRow } | undefined {
  if (what.kind === 'sum') {
    const row = find(rows, period, basis, what.measure);
    if (!row || row.compare_value === 0) return undefined;
    return { delta: (100 * (row.value - row.compare_value)) / row.compare_value, row };
  }
  const part = find(rows, period, basis, what.part);
  const whole = find(rows, period, basis, what.whole);
  if (!part || !whole || whole.value === 0 || whole.compare_value === 0) return undefined;
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
