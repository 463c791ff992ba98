/**
 * One province-month's summary: every measure of its dataset summed over the accepted rows.
 * Summed as BigInt and checked, so an implausible total fails loudly instead of rounding.
 */
import { DATASETS, versionAt, type DatasetName } from '../../core/datasets/index.ts';
import { MEASURES, type SummaryRow } from '../../core/measures.ts';
import type { Period } from '../../core/period.ts';

export interface SummaryEntry {
  dataset: DatasetName;
  measure: string;
  value: number;
}

/** The month's measures; one its template version cannot give (MeasureDef.since) is left out. */
export function summarize(dataset: DatasetName, period: Period, rows: readonly SummaryRow[]): SummaryEntry[] {
  const version = versionAt(DATASETS[dataset], period);
  const measures = MEASURES.filter((d) => d.dataset === dataset && (d.since ?? 1) <= version);
  return measures.map((d) => {
    let total = 0n;
    for (const row of rows) {
      const added = d.of(row);
      if (!Number.isSafeInteger(added)) throw new RangeError(`${d.name}: not a whole number: ${added}`);
      total += BigInt(added);
    }
    const value = Number(total);
    if (!Number.isSafeInteger(value)) throw new RangeError(`${d.name}: ${total} is too large`);
    return { dataset, measure: d.name, value };
  });
}
