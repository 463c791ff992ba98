/**
 * Whether a glob of the mirror matches any file, found the way DuckDB would match it, segment by
 * segment (`*` one or more characters but `/`), stopping at the first file: DuckDB refuses to read
 * a glob that matches none, and a dataset folder may hold compacted objects and no per-province
 * one, or the reverse, so a walk for any Parquet file below the folder cannot tell.
 */
import { existsSync, readdirSync, statSync } from 'node:fs';
import { join, sep } from 'node:path';

const segmentTest = (segment: string) =>
  new RegExp(
    `^${segment
      .split('*')
      .map((p) => p.replace(/[.+?^${}()|[\]\\]/gu, '\\$&'))
      .join('[^/]+')}$`,
    'u',
  );

function firstMatch(dir: string, rest: readonly string[]): boolean {
  const [head, ...tail] = rest;
  if (head === undefined) return statSync(dir, { throwIfNoEntry: false })?.isFile() === true;
  if (!head.includes('*')) return existsSync(join(dir, head)) && firstMatch(join(dir, head), tail);
  let entries: string[];
  try {
    entries = readdirSync(dir);
  } catch {
    return false;
  }
  const test = segmentTest(head);
  return entries.some((name) => test.test(name) && firstMatch(join(dir, name), tail));
}

export function globMatchesAny(glob: string): boolean {
  const segments = glob.split(sep);
  const firstWild = segments.findIndex((s) => s.includes('*'));
  if (firstWild < 0) return statSync(glob, { throwIfNoEntry: false })?.isFile() === true;
  const base = segments.slice(0, firstWild).join(sep) || sep;
  return firstMatch(base, segments.slice(firstWild));
}
