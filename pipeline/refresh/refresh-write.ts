/**
 * How the refresh writes its files. In full, every file is written whole and its row files'
 * segments recorded for the next run. After a change, a row file is rebuilt from the bytes it
 * held and the rows of the months recomputed (site-segments.ts), and a file is written only when
 * its bytes differ, so the files of months and units nothing touched stay as they are.
 *
 * The file system is called synchronously: a refresh checks and writes some 900 small files (34
 * bundles of about 25), and each asynchronous call waits a round trip through libuv's thread pool
 * for a syscall of microseconds (≈ 0.2 s a refresh, against ≈ 0.04 s synchronously). The refresh
 * is all its process does while it runs (a Lambda invocation, the CLI), so blocking costs nothing.
 */
import {
  closeSync,
  existsSync,
  fstatSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import { join, relative, sep } from 'node:path';
import { DATASET_NAMES } from '../../core/datasets/index.ts';
import { SITE_FILES } from '../../core/contracts/site-data.ts';
import { jsonText, type MonthRow, type SiteTable } from './refresh-pages.ts';
import {
  groupRows,
  segmentedSize,
  segmentsIn,
  splicedFile,
  wholeFile,
  type RowGroup,
  type Segment,
} from './site-segments.ts';

/** The state cannot rebuild a file (missing, or not what it recorded): refresh in full instead. */
export class StaleSiteState extends Error {}

export const notAsRecorded = (key: string) => new StaleSiteState(`${key} is not as the state recorded`);

/**
 * The key a row file is ordered by before the month ('' for the files ordered by month first):
 * completeness and approvals by dataset (approvals in the datasets' own order), reports by unit.
 */
const field = (row: MonthRow, name: string) => String((row as Record<string, unknown>)[name]);
const LEADS: Record<string, (row: MonthRow) => string> = {
  [SITE_FILES.completeness]: (row) => field(row, 'dataset'),
  [SITE_FILES.approvals]: (row) =>
    String(DATASET_NAMES.findIndex((d) => d === field(row, 'dataset'))).padStart(3, '0'),
  [SITE_FILES.reports]: (row) => field(row, 'province'),
};
const leadOf = (file: string) => LEADS[file] ?? (() => '');

function replace(path: string, bytes: Buffer | string): void {
  const temporary = `${path}.${process.pid}.tmp`;
  writeFileSync(temporary, bytes);
  renameSync(temporary, path); // the server never hands out half a file
}

export interface SiteWriter<S = Record<string, readonly Segment[]> | undefined> {
  /** A row file: the rows of every month (in full) or of the months redone, in the file's order. */
  rows(dir: string, file: string, table: SiteTable<MonthRow>, redone?: ReadonlySet<string>): Promise<string>;
  json(dir: string, file: string, value: unknown): Promise<string>;
  /** Each row file's segments as written, or undefined if one could not be cut into months. */
  segments(): S;
  /** The files whose bytes this writer replaced: publishing hashes only these (publish-site-data.ts). */
  written(): string[];
}

/** Writes every file whole. */
export function fullWriter(outDir: string): SiteWriter {
  const segments: Record<string, Segment[]> = {};
  const written: string[] = [];
  let splittable = true;
  return {
    async rows(dir, file, table) {
      const path = join(dir, file);
      const groups = groupRows(table.rows, table.json, leadOf(file));
      if (!groups) splittable = false; // not ordered by month: the next run refreshes in full
      const whole = groups ? wholeFile(groups) : undefined;
      replace(path, whole ? whole.bytes : `[${table.json.join(',')}]`);
      if (whole) segments[keyOf(outDir, path)] = whole.segments;
      written.push(path);
      return path;
    },
    async json(dir, file, value) {
      const path = join(dir, file);
      replace(path, jsonText(value));
      written.push(path);
      return path;
    },
    segments: () => (splittable ? segments : undefined),
    written: () => [...written],
  };
}

const keyOf = (outDir: string, path: string) => relative(outDir, path).split(sep).join('/');

/** Rebuilds row files from last time's bytes and segments; writes only what changed. */
export function deltaWriter(
  outDir: string,
  last: Readonly<Record<string, readonly Segment[]>>,
  redoneMonths: ReadonlySet<string>,
): SiteWriter<Record<string, readonly Segment[]>> {
  // The files left as they were keep last time's segments, the very arrays: the state's stored
  // form of each is then made once (stored-segments.ts), not again at every refresh.
  const segments: Record<string, readonly Segment[]> = { ...last };
  const written: string[] = [];
  const write = (path: string, bytes: Buffer | string) => {
    replace(path, bytes);
    written.push(path);
  };
  return {
    async rows(dir, file, table, redone = redoneMonths) {
      const path = join(dir, file);
      const key = keyOf(outDir, path);
      const before = last[key];
      if (!before || !existsSync(path)) throw notAsRecorded(key);
      const size = segmentedSize(before);
      const groups = groupRows(table.rows, table.json, leadOf(file));
      if (!groups) throw new StaleSiteState(`${key}: rows not ordered by month`);
      // No row of a month redone, before or now: the file stays as it is, unread.
      if (groups.length === 0 && segmentsIn(before, (period) => redone.has(period)).length === 0) {
        if (statSync(path).size !== size) throw notAsRecorded(key);
        return path;
      }
      // The months redone hold the same bytes as before: the file stays, only those ranges read.
      if (sameRows(path, before, redone, groups)) {
        if (statSync(path).size !== size) throw notAsRecorded(key);
        return path;
      }
      const bytes = readFileSync(path);
      if (bytes.length !== size) throw notAsRecorded(key);
      const next = splicedFile({ bytes, segments: before }, redone, groups);
      if (!next.bytes.equals(bytes)) write(path, next.bytes);
      segments[key] = next.segments;
      return path;
    },
    async json(dir, file, value) {
      const path = join(dir, file);
      const text = jsonText(value);
      if (!existsSync(path) || readFileSync(path, 'utf8') !== text) write(path, text);
      return path;
    },
    segments: () => segments,
    written: () => [...written],
  };
}

/** Whether the file's segments of the months redone are exactly the groups now (read by range). */
function sameRows(
  path: string,
  before: readonly Segment[],
  redone: ReadonlySet<string>,
  groups: readonly RowGroup[],
): boolean {
  const old = segmentsIn(before, (period) => redone.has(period));
  if (old.length !== groups.length) return false;
  const file = openSync(path, 'r');
  try {
    for (let i = 0; i < old.length; i++) {
      const [lead, period, start, end] = old[i] as Segment;
      const group = groups[i] as RowGroup;
      if (group.lead !== lead || group.period !== period) return false;
      const now = Buffer.from(group.json.join(','));
      if (now.length !== end - start) return false;
      const then = Buffer.alloc(end - start);
      readSync(file, then, 0, then.length, start);
      if (!then.equals(now)) return false;
    }
    return true;
  } finally {
    closeSync(file);
  }
}

/**
 * The rows of the months `keep` keeps, as a row file last written holds them. They are rows the
 * refresh parsed with the contract's schema before it wrote them, in a file of the size the state
 * recorded (whose version covers the rows' columns: a file of other columns never gets here), so
 * they are read back as written, not parsed again (that was ≈ 35 ms a refresh at 6 years). Only
 * their bytes are read, a run of adjacent segments at a time: the comparisons' window is a year or
 * two of a file that holds every month.
 */
export async function lastRows<T extends MonthRow>(
  outDir: string,
  file: string,
  last: Readonly<Record<string, readonly Segment[]>>,
  keep: (period: string) => boolean,
): Promise<T[]> {
  const segments = last[file];
  if (!segments) throw new StaleSiteState(`${file} is not in the state`);
  const fd = openSync(join(outDir, file), 'r');
  try {
    if (fstatSync(fd).size !== segmentedSize(segments)) throw notAsRecorded(file);
    const texts = keptRuns(segments, keep).map(([start, end]) => {
      const bytes = Buffer.allocUnsafe(end - start);
      // A file cut short since its size was checked would leave the buffer's old memory unread.
      if (readSync(fd, bytes, 0, bytes.length, start) !== bytes.length) throw notAsRecorded(file);
      return bytes.toString('utf8');
    });
    return texts.length === 0 ? [] : (JSON.parse(`[${texts.join(',')}]`) as T[]);
  } finally {
    closeSync(fd);
  }
}

/** The byte ranges of the kept segments, adjacent ones (a comma apart) joined into one. */
function keptRuns(segments: readonly Segment[], keep: (period: string) => boolean): [number, number][] {
  const runs: [number, number][] = [];
  for (const [, , start, end] of segmentsIn(segments, keep)) {
    const run = runs.at(-1);
    if (run && run[1] + 1 === start) run[1] = end;
    else runs.push([start, end]);
  }
  return runs;
}
