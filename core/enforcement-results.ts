/**
 * The enforcement figures an older template lacks (inspections by type, what inspections found
 * and recovered, police-coordination recoveries) summed over units. A unit whose report did not
 * carry a figure adds nothing to it and is not counted as covered: each sum says how many units
 * it covers, and a figure no unit reported is null, never 0.
 */
import type { EnforcementRow } from './contracts/site-data.ts';
import { enforcement } from './datasets/enforcement.ts';
import { isRequired, summedColumns, type OptionalSummedName } from './datasets/index.ts';

export type ResultFigure = OptionalSummedName<typeof enforcement>;

/** The figures, in the definition's column order. */
export const RESULT_FIGURES = summedColumns(enforcement)
  .filter((s) => !isRequired(s.column))
  .map((s) => s.output.name) as readonly ResultFigure[];

export interface FigureSum {
  /** Sum over the units that reported the figure; null when none did. */
  value: number | null;
  /** Units whose report carried the figure. */
  units: number;
}

export interface ResultSums {
  period: string;
  /** Units with an enforcement report for the month among those summed. */
  reported: number;
  figures: Record<ResultFigure, FigureSum>;
}

/** The figures of `period` summed over the rows of the units `include` accepts. */
export function resultSums(
  rows: readonly EnforcementRow[],
  period: string,
  include: (province: string) => boolean = () => true,
): ResultSums {
  const month = rows.filter((r) => r.period === period && include(r.province));
  const figures = Object.fromEntries(
    RESULT_FIGURES.map((figure) => {
      const values = month.map((r) => r[figure]).filter((v): v is number => v !== null);
      const sum: FigureSum = {
        value: values.length === 0 ? null : values.reduce((a, b) => a + b, 0),
        units: values.length,
      };
      return [figure, sum];
    }),
  ) as Record<ResultFigure, FigureSum>;
  return { period, reported: month.length, figures };
}
