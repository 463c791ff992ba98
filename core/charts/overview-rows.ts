/**
 * Which rows the overview's charts read, shared by the live page and the charts the refresh draws
 * ahead. Kept apart from the spec builders so the dashboard's first bundle can use it without
 * taking the specs (and their Vega-Lite text) along.
 */
import type { CompletenessRow } from '../contracts/site-data.ts';
import { addMonths } from '../period.ts';

/** Months of reports the overview's heatmap shows, ending with the month chosen. */
export const HEATMAP_MONTHS = 12;

/** The heatmap's first month: a year back, or the first month there is. */
export const heatmapFrom = (period: string, firstPeriod: string): string =>
  [addMonths(period, 1 - HEATMAP_MONTHS), firstPeriod].sort().at(-1) ?? period;

/**
 * The units whose report of `dataset` for `period` arrived, named by `currentOf` (today's unit
 * when restated: a merged unit counts only when every one of its old units reported).
 */
export function receivedUnits(
  completeness: readonly CompletenessRow[],
  dataset: string,
  period: string,
  currentOf: (code: string) => string = (code) => code,
): Set<string> {
  const missing = new Set<string>();
  const received = new Set<string>();
  for (const c of completeness) {
    if (c.dataset !== dataset || c.period !== period) continue;
    (c.status === 'missing' ? missing : received).add(currentOf(c.province));
  }
  for (const code of missing) received.delete(code);
  return received;
}
