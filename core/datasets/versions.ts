/**
 * Template versions: a dataset's first version is its `columns` and `rowRules`; each later one
 * (DatasetDef.versions) changes the one before from a period on. An upload is checked against,
 * and a period is offered the template of, the version in force for its period. The lake keeps
 * each upload in its own version's columns and its one table has every version's columns.
 */
import type { ColumnDef, DatasetDef, RowRule, TemplateVersion } from './types.ts';

/** The version a definition without `versions` has, and the first of one with them. */
export const FIRST_VERSION = 1;

function applyVersion(columns: readonly ColumnDef[], v: TemplateVersion): ColumnDef[] {
  const out = columns.filter((c) => !v.drops.includes(c.key));
  for (const add of v.adds) {
    const at = out.findIndex((c) => c.key === add.after);
    if (at < 0) throw new Error(`version ${v.version} adds after ${add.after}, which it does not have`);
    out.splice(at + 1, 0, ...add.columns);
  }
  return out;
}

/** Every version of a dataset, oldest first, each resolved to a plain definition. */
export function templateVersions(def: DatasetDef): DatasetDef[] {
  const first: DatasetDef = { ...def, versions: [], version: FIRST_VERSION };
  const out = [first];
  let columns: readonly ColumnDef[] = def.columns;
  let rules: readonly RowRule[] = def.rowRules;
  for (const v of def.versions ?? []) {
    columns = applyVersion(columns, v);
    rules = [...rules, ...v.rowRules];
    out.push({ ...def, columns, rowRules: rules, versions: [], version: v.version });
  }
  return out;
}

/** The first period each version is in force from (null: from the first period accepted). */
export function versionFrom(def: DatasetDef, version: number): string | null {
  return def.versions?.find((v) => v.version === version)?.from ?? null;
}

/** The version in force for `period` (YYYY-MM): the last whose `from` is not after it. */
export function versionAt(def: DatasetDef, period: string): number {
  let version = FIRST_VERSION;
  for (const v of def.versions ?? []) if (v.from <= period) version = v.version;
  return version;
}

/** The first version whose template has the column: a month of an older version has no value for it. */
export function versionAdding(def: DatasetDef, key: string): number {
  const found = templateVersions(def).find((d) => d.columns.some((c) => c.key === key));
  if (!found) throw new Error(`${def.name} has no column ${key} in any version`);
  return found.version ?? FIRST_VERSION;
}

/**
 * The first version whose template has a row rule of `kind`: from it on a row may mean what the
 * rule allows (version 2's `paid_off` rows put recoveries of settled employers in the report).
 */
export function versionWithRule(def: DatasetDef, kind: RowRule['kind']): number {
  const found = templateVersions(def).find((d) => d.rowRules.some((r) => r.kind === kind));
  if (!found) throw new Error(`${def.name} has no ${kind} rule in any version`);
  return found.version ?? FIRST_VERSION;
}

/** The definition to check an upload for `period` against, and to offer as its template. */
export function templateAt(def: DatasetDef, period: string): DatasetDef {
  const version = versionAt(def, period);
  const found = templateVersions(def).find((d) => d.version === version);
  if (!found) throw new Error(`${def.name} has no version ${version}`);
  return found;
}

/**
 * The columns of the dataset's lake table: the first version's, then each column a later version
 * adds, in the order added. A file of any version reads into it by name; what it lacks is NULL.
 */
export function lakeColumns(def: DatasetDef): ColumnDef[] {
  const out = [...def.columns];
  for (const d of templateVersions(def))
    for (const c of d.columns) if (!out.some((o) => o.key === c.key)) out.push(c);
  return out;
}

export interface ColumnReading {
  /** A column a later version dropped (the old row has it, the new row does not). */
  dropped: string;
  /** Per code of the dropped column: the value of each column that reads it (null: not known). */
  codes: Readonly<Record<string, Readonly<Record<string, string | null>>>>;
}

/** How rows of older versions read in the columns that replaced a dropped one (TemplateVersion.reads). */
export function columnReadings(def: DatasetDef): ColumnReading[] {
  return (def.versions ?? []).flatMap((v) =>
    Object.entries(v.reads).map(([dropped, codes]) => ({ dropped, codes })),
  );
}

type Row = Readonly<Record<string, string | number | null | undefined>>;

/**
 * A category value of a row of any version in the lake's columns: the row's own, else what its
 * dropped column reads as (`tinh_chat` of a version-1 row from its `tinh_trang`), else, for a
 * dropped column, the old code the new columns' values read back to. Null when it is not known.
 */
export function readCategory(def: DatasetDef, row: Row, key: string): string | null {
  const own = row[key];
  if (own !== null && own !== undefined && own !== '') return String(own);
  for (const reading of columnReadings(def)) {
    const old = row[reading.dropped];
    if (old !== null && old !== undefined && old !== '') {
      const value = reading.codes[String(old)]?.[key];
      if (value !== undefined) return value;
    }
    if (key === reading.dropped) return readBack(reading, row);
  }
  return null;
}

/** The old code whose reading the row's new values match, the most specific reading first. */
function readBack(reading: ColumnReading, row: Row): string | null {
  for (const [code, values] of readBackOrder(reading)) {
    const known = Object.entries(values).filter(([, v]) => v !== null);
    if (known.every(([k, v]) => row[k] === v)) return code;
  }
  return null;
}

/** A reading's codes, those that fix more of the new columns first (for the CASE in SQL too). */
export function readBackOrder(reading: ColumnReading): [string, Readonly<Record<string, string | null>>][] {
  const fixed = (values: Readonly<Record<string, string | null>>) =>
    Object.values(values).filter((v) => v !== null).length;
  return Object.entries(reading.codes).sort((a, b) => fixed(b[1]) - fixed(a[1]));
}
