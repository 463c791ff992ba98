/**
 * How every reader sees a month that has a compacted object (pipeline/lake/compact-month.ts):
 * a province's per-province object when it has one, else the compacted object's rows of that
 * province. The rule rests on which per-province FILES exist, never on which rows they hold, so
 * a re-upload that accepted no rows still hides the compacted rows of its province.
 */
import { sep } from 'node:path';

/**
 * The keys that name a per-province object's place, read from its path by `pattern`'s groups
 * (the province last), and those of a compacted object's month, read by `compactedPattern`'s.
 */
export interface HeldShape {
  keys: readonly string[];
  pattern: string;
  compactedPattern: string;
}

/** lake/<dataset>/period=<P>/province=<Q>/<file>: the dataset is the relation itself. */
export const LAKE_HELD: HeldShape = {
  keys: ['period', 'province'],
  pattern: '/period=([^/]+)/province=([^/]+)/[^/]+$',
  compactedPattern: '/compacted/period=([^/]+)/[^/]+$',
};

/** summaries/<dataset>/period=<P>/province=<Q>/summary.parquet: every dataset in one relation. */
export const SUMMARY_HELD: HeldShape = {
  keys: ['dataset', 'period', 'province'],
  pattern: '/([^/]+)/period=([^/]+)/province=([^/]+)/[^/]+$',
  compactedPattern: '/([^/]+)/compacted/period=([^/]+)/[^/]+$',
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

const groupsOf = (pattern: string, path: string) =>
  new RegExp(pattern, 'u').exec(path.split(sep).join('/'))?.slice(1);

/**
 * The keys of the per-province files among `files` whose month has a compacted object among
 * `compacted`: the only province-months whose compacted rows a reader must leave out.
 */
export function heldKeys(
  shape: HeldShape,
  files: readonly string[],
  compacted: readonly string[],
): string[][] {
  const months = new Set(compacted.map((f) => groupsOf(shape.compactedPattern, f)?.join('\0')));
  return files
    .map((f) => groupsOf(shape.pattern, f))
    .filter((keys): keys is string[] => keys !== undefined && months.has(keys.slice(0, -1).join('\0')));
}

/**
 * Whether a compacted row's province-month is none of `held`'s: a filter on the row's own keys,
 * each month's provinces one IN list, where a join with the per-province files' paths cost a
 * hash probe per row (twice bare DuckDB's time over a compacted history of the debt detail).
 */
function notHeldSql(shape: HeldShape, held: readonly string[][]): string {
  if (held.length === 0) return 'true';
  const month = shape.keys.slice(0, -1);
  const province = shape.keys.at(-1) ?? 'province';
  const groups = new Map<string, { keys: string[]; provinces: string[] }>();
  for (const keys of held) {
    const id = keys.slice(0, -1).join('\0');
    const group = groups.get(id) ?? { keys: keys.slice(0, -1), provinces: [] };
    group.provinces.push(keys.at(-1) ?? '');
    groups.set(id, group);
  }
  const tests = [...groups.values()].map(
    (g) =>
      `(${month.map((k, i) => `${k} = ${quoteLiteral(g.keys[i] ?? '')}`).join(' AND ')} AND ` +
      `${province} IN (${g.provinces.map(quoteLiteral).join(', ')}))`,
  );
  return `NOT (${tests.join(' OR ')})`;
}

/**
 * The per-province rows, and the compacted rows of every province without a per-province file
 * (`held`, heldKeys: listed when the view is made, as every engine is opened on a mirror already
 * synced and closed before the next sync changes it).
 */
export function preferProvinceSql(
  shape: HeldShape,
  perProvince: string,
  compacted: string,
  held: readonly string[][],
): string {
  return (
    `SELECT * FROM (${perProvince}) UNION ALL BY NAME ` +
    `SELECT * FROM (${compacted}) WHERE ${notHeldSql(shape, held)}`
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
