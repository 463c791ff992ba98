/**
 * Finds the header row of a sheet and which template column each position holds. Headers are
 * compared by matchKey, so case, diacritics, spacing and punctuation do not matter; the column
 * key (the English header), the Vietnamese header with or without its "(đồng)" unit and the
 * English description all name the column.
 */
import type { DatasetDef } from '../datasets/index.ts';
import { LOCATION_COLUMNS } from '../messages.ts';
import { isBlank, type GridRow, type Sheet } from './grid.ts';
import { matchKey } from './normalize.ts';
import { showRaw } from './parse-cell.ts';

export type LocationColumn = keyof typeof LOCATION_COLUMNS;

/** Title rows above the header are common in provincial templates; the header is near the top. */
export const HEADER_SEARCH_ROWS = 10;

export interface HeaderMatch {
  /** Index of the header row in sheet.rows. */
  rowIndex: number;
  headerRow: GridRow;
  /** Template column key → cell position. */
  columns: Map<string, number>;
  /** In-file location column → cell position. */
  location: Map<LocationColumn, number>;
  duplicates: Array<{ key: string; header: string }>;
  unknown: string[];
}

const aliasCache = new Map<string, Map<string, string>>();

/** matchKey of every name a column goes by → the column key (or location column). */
export function aliasesOf(dataset: DatasetDef): Map<string, string> {
  const cached = aliasCache.get(dataset.name);
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
  aliasCache.set(dataset.name, aliases);
  return aliases;
}

function isLocationColumn(key: string): key is LocationColumn {
  return Object.hasOwn(LOCATION_COLUMNS, key);
}

function matchRow(dataset: DatasetDef, row: GridRow, rowIndex: number): HeaderMatch {
  const aliases = aliasesOf(dataset);
  const match: HeaderMatch = {
    rowIndex,
    headerRow: row,
    columns: new Map(),
    location: new Map(),
    duplicates: [],
    unknown: [],
  };
  row.cells.forEach((cell, position) => {
    if (isBlank(cell)) return;
    const header = showRaw(cell);
    const key = aliases.get(matchKey(header));
    if (key === undefined) match.unknown.push(header);
    else if (match.columns.has(key) || (isLocationColumn(key) && match.location.has(key)))
      match.duplicates.push({ key, header });
    else if (isLocationColumn(key)) match.location.set(key, position);
    else match.columns.set(key, position);
  });
  return match;
}

/** The row among the first few that names the most template columns; undefined if none does. */
export function findHeader(dataset: DatasetDef, sheet: Sheet): HeaderMatch | undefined {
  let best: HeaderMatch | undefined;
  sheet.rows.slice(0, HEADER_SEARCH_ROWS).forEach((row, index) => {
    const candidate = matchRow(dataset, row, index);
    if (candidate.columns.size > (best?.columns.size ?? 0)) best = candidate;
  });
  return best;
}

/** How well a sheet fits the template: the number of columns its header names. */
export function headerScore(dataset: DatasetDef, sheet: Sheet): number {
  return findHeader(dataset, sheet)?.columns.size ?? 0;
}
