/**
 * Whether a glob of the mirror matches any file (and which files it matches), found the way DuckDB would match it, segment by
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

function allMatches(dir: string, rest: readonly string[], into: string[]): void {
  const [head, ...tail] = rest;
  if (head === undefined) {
    if (statSync(dir, { throwIfNoEntry: false })?.isFile() === true) into.push(dir);
    return;
  }
  if (!head.includes('*')) {
    if (existsSync(join(dir, head))) allMatches(join(dir, head), tail, into);
    return;
  }
  let entries: string[];
  try {
    entries = readdirSync(dir).sort();
  } catch {
    return;
  }
  const test = segmentTest(head);
  for (const name of entries) if (test.test(name)) allMatches(join(dir, name), tail, into);
}

/** Where the wildcards start: the folder walked, and the segments matched below it. */
function split(glob: string): { base: string; rest: string[] } | undefined {
  const segments = glob.split(sep);
  const firstWild = segments.findIndex((s) => s.includes('*'));
  if (firstWild < 0) return undefined;
  return { base: segments.slice(0, firstWild).join(sep) || sep, rest: segments.slice(firstWild) };
}

/** Every file a glob of the mirror matches, in name order, as DuckDB's glob() would list them. */
export function globFiles(glob: string): string[] {
  const parts = split(glob);
  if (!parts) return statSync(glob, { throwIfNoEntry: false })?.isFile() === true ? [glob] : [];
  const files: string[] = [];
  allMatches(parts.base, parts.rest, files);
  return files;
}

export function globMatchesAny(glob: string): boolean {
  const parts = split(glob);
  if (!parts) return statSync(glob, { throwIfNoEntry: false })?.isFile() === true;
  return firstMatch(parts.base, parts.rest);
}
