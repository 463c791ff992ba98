/**
 * One province-month's summary: every measure of its dataset summed over the accepted rows.
 * Summed as BigInt and checked, so an implausible total fails loudly instead of rounding.
 */
import type { DatasetName } from '../../core/datasets/index.ts';
import { MEASURES, type SummaryRow } from '../../core/measures.ts';

export interface SummaryEntry {
  dataset: DatasetName;
  measure: string;
  value: number;
}

export function summarize(dataset: DatasetName, rows: readonly SummaryRow[]): SummaryEntry[] {
  return MEASURES.filter((d) => d.dataset === dataset).map((d) => {
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
