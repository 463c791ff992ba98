/**
 * How every reader sees a month that has a compacted object (pipeline/lake/compact-month.ts):
 * a province's per-province object when it has one, else the compacted object's rows of that
 * province. The rule rests on which per-province FILES exist, never on which rows they hold, so
 * a re-upload that accepted no rows still hides the compacted rows of its province.
 */
import { sep } from 'node:path';

/** The keys that name a per-province object's place, read from its path by `pattern`'s groups. */
export interface HeldShape {
  keys: readonly string[];
  pattern: string;
}

/** lake/<dataset>/period=<P>/province=<Q>/<file>: the dataset is the relation itself. */
export const LAKE_HELD: HeldShape = {
  keys: ['period', 'province'],
  pattern: '/period=([^/]+)/province=([^/]+)/[^/]+$',
};

/** summaries/<dataset>/period=<P>/province=<Q>/summary.parquet: every dataset in one relation. */
export const SUMMARY_HELD: HeldShape = {
  keys: ['dataset', 'period', 'province'],
  pattern: '/([^/]+)/period=([^/]+)/province=([^/]+)/[^/]+$',
};

/** A compacted object's path, `.../compacted/period=<P>/<file>` (layout.ts compactedLakeKey). */
const COMPACTED_PATH = '/compacted/period=[^/]+/[^/]+$';
/** What only a compacted object's path holds: a cheaper test per row than the whole pattern. */
const COMPACTED_MARK = '/compacted/period=';

export const isCompactedPath = (path: string) =>
  new RegExp(COMPACTED_PATH, 'u').test(path.split(sep).join('/'));

/** Splits a list of files into per-province and compacted ones. */
export function splitFiles(files: readonly string[]): { perProvince: string[]; compacted: string[] } {
  return {
    perProvince: files.filter((f) => !isCompactedPath(f)),
    compacted: files.filter((f) => isCompactedPath(f)),
  };
}

const quoteLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The keys of the per-province files among `pathsSql` (a relation with a `file` column). */
export function heldSql(shape: HeldShape, pathsSql: string): string {
  const keys = shape.keys.map(
    (k, i) => `regexp_extract(file, ${quoteLiteral(shape.pattern)}, ${i + 1}) AS ${k}`,
  );
  return `SELECT DISTINCT ${keys.join(', ')} FROM (${pathsSql}) WHERE regexp_matches(file, ${quoteLiteral(shape.pattern)})`;
}

/** Whether the row `alias` has no per-province file in `held` (heldSql). */
function notHeld(shape: HeldShape, alias: string, held: string): string {
  const same = shape.keys.map((k) => `h.${k} = ${alias}.${k}`).join(' AND ');
  return `NOT EXISTS (SELECT 1 FROM (${held}) h WHERE ${same})`;
}

/** The per-province rows, and the compacted rows of every province without a per-province file. */
export function preferProvinceSql(
  shape: HeldShape,
  perProvince: string,
  compacted: string,
  pathsSql: string,
): string {
  return (
    `SELECT * FROM (${perProvince}) UNION ALL BY NAME ` +
    `SELECT c.* FROM (${compacted}) c WHERE ${notHeld(shape, 'c', heldSql(shape, pathsSql))}`
  );
}

/**
 * The rows of `from` (a relation read with each row's `filename`: the engine's file cache) that
 * count, without `filename`: those of per-province files, and those of compacted files whose
 * province has no per-province file in `pathsSql`. One hash anti-join: a compacted row is matched
 * against the per-province files' keys, any other row never matches and is kept.
 */
export function visibleRowsSql(shape: HeldShape, from: string, pathsSql: string, where: string): string {
  const same = shape.keys.map((k) => `h.${k} = t.${k}`).join(' AND ');
  return (
    `SELECT t.* EXCLUDE (filename) FROM ${from} t ANTI JOIN (${heldSql(shape, pathsSql)}) h ` +
    `ON ${same} AND contains(t.filename, ${quoteLiteral(COMPACTED_MARK)}) WHERE ${where}`
  );
}

/** The glob() of per-province files as a relation with a `file` column. */
export const globPathsSql = (glob: string) => `SELECT file FROM glob(${quoteLiteral(glob)})`;
