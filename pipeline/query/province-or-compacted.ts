/**
 * A relation over a lake folder that holds per-province objects, compacted ones (one a month), or
 * both: each kind read with its own Hive keys, and a compacted month's rows of a province that has
 * a per-province object again (a re-upload after compaction) left out, by the keys listed when the
 * relation is made (compacted-views.ts).
 */
import { heldKeys, preferProvinceSql, splitFiles, type HeldShape } from './compacted-views.ts';
import { globFiles, globMatchesAny } from './glob-files.ts';

/**
 * What a relation reads: the glob of every file under the mirror, or a list of files (the engine's
 * file cache reads only those it does not hold yet, and asks for each row's `filename` with them).
 */
export type FileSource = { glob: string } | { files: readonly string[]; filename: true };

/** The Hive keys of a path: both for a per-province object, the month alone for a compacted one. */
const PROVINCE_HIVE = `{'period': VARCHAR, 'province': VARCHAR}`;
const MONTH_HIVE = `{'period': VARCHAR}`;

/**
 * A select over a list of files that may hold compacted objects too (the file cache's batches):
 * each kind read with its own Hive keys, the rows of both in one relation.
 */
export function mixedSelect(source: FileSource, select: (s: FileSource, hive: string) => string): string {
  if ('glob' in source) return select(source, PROVINCE_HIVE);
  const { perProvince, compacted } = splitFiles(source.files);
  if (compacted.length === 0) return select(source, PROVINCE_HIVE);
  const parts = [
    ...(perProvince.length > 0 ? [select({ files: perProvince, filename: true }, PROVINCE_HIVE)] : []),
    select({ files: compacted, filename: true }, MONTH_HIVE),
  ];
  return parts.map((p) => `SELECT * FROM (${p})`).join(' UNION ALL BY NAME ');
}

/** A glob and the files it matched when the relation was made. */
export interface Listing {
  glob: string;
  files: string[];
}

export const listCompacted = (glob: string): Listing => ({ glob, files: globFiles(glob) });

/** The relation's SQL over per-province files and, when there are any, compacted ones. */
export function withCompacted(
  shape: HeldShape,
  perProvince: Listing | undefined,
  { glob: compactedGlob, files: compactedFiles }: Listing,
  select: (s: FileSource, hive: string) => string,
  empty: string,
): string {
  const own = perProvince ? select({ glob: perProvince.glob }, PROVINCE_HIVE) : empty;
  if (compactedFiles.length === 0) return own;
  const compacted = select({ glob: compactedGlob }, MONTH_HIVE);
  const held = perProvince ? heldKeys(shape, perProvince.files, compactedFiles) : [];
  return preferProvinceSql(shape, own, compacted, held);
}

/**
 * The per-province objects, undefined when there are none. Beside compacted months every file is
 * listed (their keys leave the compacted rows out), which also says whether there are any; without
 * them, the first file found says it, where a lake as built holds tens of thousands.
 */
export function listPerProvince(glob: string, compacted: Listing): Listing | undefined {
  if (compacted.files.length === 0) return globMatchesAny(glob) ? { glob, files: [] } : undefined;
  const files = globFiles(glob);
  return files.length > 0 ? { glob, files } : undefined;
}
