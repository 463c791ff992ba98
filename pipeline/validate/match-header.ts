/**
 * Finds the header row of a sheet and which template column each position holds. Headers are
 * compared by matchKey, so case, diacritics, spacing and punctuation do not matter; the column
 * key (the English header), the Vietnamese header with or without its "(đồng)" unit and the
 * English description all name the column.
 */
import type { DatasetDef } from '../../core/datasets/index.ts';
import { LOCATION_COLUMNS } from '../../core/messages/index.ts';
import type { GridRow, Sheet } from './grid.ts';
import { matchKey } from './normalize.ts';
import { oneRowNames, twoRowNames } from './header-rows.ts';
import { scaledUnit, withoutAnyNotes, withoutNotes } from './header-units.ts';

export type LocationColumn = keyof typeof LOCATION_COLUMNS;

/** Title rows above the header are common in provincial templates; the header is near the top. */
export const HEADER_SEARCH_ROWS = 10;

export interface HeaderMatch {
  /** Index of the header row in sheet.rows (the first, when the header spans two rows). */
  rowIndex: number;
  headerRow: GridRow;
  /** Rows the header spans: 1, or 2 for a merged group title over its columns' names. */
  rowCount: number;
  /** Template column key → cell position. */
  columns: Map<string, number>;
  /** In-file location column → cell position. */
  location: Map<LocationColumn, number>;
  duplicates: Array<{ key: string; header: string }>;
  unknown: string[];
  /** Columns titled in a scaled unit ("(nghìn đồng)"): found, refused, never read (header-units.ts). */
  scaled: Array<{ key: string; header: string; unit: string; position: number }>;
}

/** How many template columns a header names, a column in the wrong unit included. */
const score = (match: HeaderMatch | undefined) => (match ? match.columns.size + match.scaled.length : 0);

const aliasCache = new Map<string, Map<string, string>>();

/** matchKey of every name a column goes by → the column key (or location column). */
export function aliasesOf(dataset: DatasetDef): Map<string, string> {
  // Per template version: a dataset's versions name different columns.
  const cacheKey = `${dataset.name}@${dataset.version ?? 1}`;
  const cached = aliasCache.get(cacheKey);
  if (cached) return cached;
  const aliases = new Map<string, string>();
  const ambiguous = new Set<string>();
  const add = (name: string, key: string) => {
    const k = matchKey(name);
    if (!k || ambiguous.has(k)) return;
    const existing = aliases.get(k);
    if (existing === undefined) aliases.set(k, key);
    else if (existing !== key) {
      // Two columns answering to one name: neither may claim it.
      aliases.delete(k);
      ambiguous.add(k);
    }
  };
  for (const c of dataset.columns) {
    add(c.key, c.key);
    add(c.vi, c.key);
    add(c.vi.replace(/\([^)]*\)/g, ''), c.key);
    add(c.en, c.key);
  }
  for (const [key, label] of Object.entries(LOCATION_COLUMNS)) {
    add(key, key);
    add(label.vi, key);
    add(label.en, key);
  }
  add('province', 'ma_tinh');
  add('period', 'ky_bao_cao');
  aliasCache.set(cacheKey, aliases);
  return aliases;
}

function isLocationColumn(key: string): key is LocationColumn {
  return Object.hasOwn(LOCATION_COLUMNS, key);
}

function matchNames(dataset: DatasetDef, names: string[][], row: GridRow, rowIndex: number): HeaderMatch {
  const aliases = aliasesOf(dataset);
  const match: HeaderMatch = {
    rowIndex,
    headerRow: row,
    rowCount: 1,
    columns: new Map(),
    location: new Map(),
    duplicates: [],
    unknown: [],
    scaled: [],
  };
  names.forEach((given, position) => {
    if (given.length === 0) return;
    const unit = given.map(scaledUnit).find((u) => u !== undefined);
    if (unit !== undefined) {
      const key = given.map((n) => aliases.get(matchKey(withoutAnyNotes(n)))).find((k) => k !== undefined);
      if (key !== undefined && !isLocationColumn(key)) {
        match.scaled.push({ key, header: given[0]!, unit, position });
        return;
      }
    }
    const candidates = given.flatMap((name) => {
      const plain = withoutNotes(name);
      return plain === undefined ? [name] : [name, plain];
    });
    const known = candidates.find((name) => aliases.has(matchKey(name)));
    const header = known ?? given[given.length === 1 ? 0 : 2]!;
    const key = known === undefined ? undefined : aliases.get(matchKey(known));
    if (key === undefined) match.unknown.push(header);
    else if (match.columns.has(key) || (isLocationColumn(key) && match.location.has(key)))
      match.duplicates.push({ key, header });
    else if (isLocationColumn(key)) match.location.set(key, position);
    else match.columns.set(key, position);
  });
  return match;
}

/**
 * The row among the first few that names the most template columns; undefined if none does.
 * Two adjacent rows read as one header (header-rows.ts) when together they name more columns
 * than either alone.
 */
export function findHeader(dataset: DatasetDef, sheet: Sheet): HeaderMatch | undefined {
  const rows = sheet.rows.slice(0, HEADER_SEARCH_ROWS + 1);
  const singles = rows.map((row, index) => matchNames(dataset, oneRowNames(row), row, index));
  let best: HeaderMatch | undefined;
  singles.forEach((single, index) => {
    if (index >= HEADER_SEARCH_ROWS) return;
    if (score(single) > score(best)) best = single;
    const top = rows[index]!;
    const bottom = rows[index + 1];
    if (!bottom || bottom.number !== top.number + 1) return;
    const pair = matchNames(dataset, twoRowNames(top, bottom), top, index);
    const alone = Math.max(score(single), score(singles[index + 1]));
    if (score(pair) > alone && score(pair) > score(best)) best = { ...pair, rowCount: 2 };
  });
  return best;
}

/** How well a sheet fits the template: the number of columns its header names. */
export function headerScore(dataset: DatasetDef, sheet: Sheet): number {
  return findHeader(dataset, sheet)?.columns.size ?? 0;
}

/**
 * Of the candidates, the definition whose header the sheet names more columns of than of the one
 * it was uploaded as (its header matched as `header`): a file of another dataset, or of another
 * template version, is then refused as that instead of as a list of missing columns. A candidate
 * must also be named by at least `enough(def)` columns.
 */
export function betterHeader(
  dataset: DatasetDef,
  sheet: Sheet,
  header: HeaderMatch | undefined,
  candidates: Iterable<DatasetDef>,
  enough: (def: DatasetDef) => number = () => 0,
): DatasetDef | undefined {
  const own = header?.columns.size ?? 0;
  if (own === dataset.columns.length) return undefined;
  let best: { def: DatasetDef; score: number } | undefined;
  for (const def of candidates) {
    const score = headerScore(def, sheet);
    if (score > own && score >= enough(def) && score > (best?.score ?? 0)) best = { def, score };
  }
  return best?.def;
}
