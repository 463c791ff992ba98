/**
 * Category and date cells on the DuckDB path: their stored values come from a map of spellings
 * judged before the one pass, by parseCell itself, as the JavaScript path would judge each cell.
 * The spellings are those of the file's first lines and, for a category, each option's code and
 * Vietnamese name. A cell spelled otherwise is a problem to the pass (fast-csv-sql.ts), which
 * then leaves the file to the JavaScript path: that costs a wasted read, never a wrong value.
 */
import { isRequired, type DatasetDef } from '../../core/datasets/index.ts';
import type { FastCsvPlan } from './fast-csv-plan.ts';
import { isBlank } from './grid.ts';
import { parseCell } from './parse-cell.ts';
import { conditionallyRequired } from './row-rules.ts';
import { isTotalsRow } from './sheet-body.ts';

/** A judged column: its spellings (raw → stored value) and whether a blank cell is an error. */
export interface JudgedColumn {
  spellings: ReadonlyMap<string, string>;
  blankIsError: boolean;
}

/** Column key → judged spellings, for every category and date column of the dataset. */
export function judgeSpellings(dataset: DatasetDef, plan: FastCsvPlan): Map<string, JudgedColumn> {
  const governed = conditionallyRequired(dataset);
  const judged = new Map<string, JudgedColumn>();
  for (const c of dataset.columns) {
    if (c.type.kind !== 'category' && c.type.kind !== 'date') continue;
    const position = plan.positions.get(c.key)!;
    const candidates = new Set<string>();
    if (c.type.kind === 'category') for (const o of c.type.options) candidates.add(o.code).add(o.vi);
    for (const row of plan.sampleRows) {
      const cell = row.cells[position];
      if (typeof cell === 'string') candidates.add(cell);
    }
    const spellings = new Map<string, string>();
    for (const raw of candidates) {
      // A would-be total label is judged by the JavaScript path, with the whole row.
      if (isBlank(raw) || isTotalsRow([raw])) continue;
      const outcome = parseCell(c.type, raw);
      if (outcome.ok && !outcome.note) spellings.set(raw, String(outcome.value));
    }
    judged.set(c.key, { spellings, blankIsError: isRequired(c) && !governed.has(c.key) });
  }
  return judged;
}
