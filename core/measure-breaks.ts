/**
 * Breaks in a measure's series: a template version from which the measure sums something else
 * (MeasureDef.meaningFrom) makes a month of it before that version and one from it on not like
 * for like. A comparison across such a change (month on month, same month a year before, since
 * December) is a break with its reason, never a change figure. The first month of the version
 * comes from the dataset's version definitions, so a later version moves it with no month
 * written here.
 */
import { DATASETS } from './datasets/index.ts';
import { versionFrom } from './datasets/versions.ts';
import { MEASURES } from './measures.ts';

/** Why a comparison has no change figure: the template changed what the measure counts. */
export const BREAK_REASONS = ['template_changed'] as const;
export type BreakReason = (typeof BREAK_REASONS)[number];

export interface MeasureBreak {
  measure: string;
  /** The first month (YYYY-MM) of the template version that changed the measure's meaning. */
  from: string;
  reason: BreakReason;
}

/** Every break of every summary measure, oldest first per measure. */
export const MEASURE_BREAKS: readonly MeasureBreak[] = MEASURES.flatMap((m) => {
  if (m.meaningFrom === undefined) return [];
  const from = versionFrom(DATASETS[m.dataset], m.meaningFrom);
  if (from === null) return []; // the first version: nothing before it to break with
  return [{ measure: m.name, from, reason: 'template_changed' as const }];
});

/**
 * The break a comparison of `measure` in `period` with `compare` crosses (the later month in
 * a version that changed the meaning, the earlier one before it), or null when like for like.
 */
export function comparisonBreak(measure: string, period: string, compare: string): MeasureBreak | null {
  const [early, late] = compare <= period ? [compare, period] : [period, compare];
  return MEASURE_BREAKS.find((b) => b.measure === measure && early < b.from && b.from <= late) ?? null;
}

/** The months a measure's series breaks at (for a rule on its chart). */
export function breaksOf(measure: string): string[] {
  return MEASURE_BREAKS.filter((b) => b.measure === measure).map((b) => b.from);
}
