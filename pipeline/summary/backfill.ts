/**
 * Summaries for lake objects that have none in a local mirror: lakes ingested before summaries
 * existed, or fixtures written straight to disk. Computed from the lake object with the same
 * summarize() as ingest; a summary whose lake object is gone is removed, so a withdrawn
 * province-month never lingers in the figures. The mirror is listed from its index when it has
 * one (mirror-listing.ts), so checking a lake of many years costs a lookup per object, not a
 * file-system call.
 */
import { existsSync, readFileSync } from 'node:fs';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isDatasetName } from '../../core/datasets/index.ts';
import { changesSince } from '../mirror/mirror-journal.ts';
import { listingFingerprint, mirrorFiles, recordLocalFiles } from '../mirror/mirror-listing.ts';
import { lakeDuckDB } from '../lake/duckdb-instance.ts';
import { lakeKey, LAKE_PREFIX, summaryKey, SUMMARIES_PREFIX } from '../../core/contracts/layout.ts';
import { parseLakeKey, parseSummaryKey } from '../../core/contracts/layout-parse.ts';
import type { SummaryRow } from '../../core/measures.ts';
import { summarize } from './summarize.ts';
import { writeSummaryParquet } from './summary-parquet.ts';

interface Partition {
  dataset: string;
  period: string;
  province: string;
}

/** The province-months of the lake objects (or summaries) among `keys`; other keys are passed over. */
function partitionsOf(keys: Iterable<string>, parse: (key: string) => Partition | null): Partition[] {
  const found: Partition[] = [];
  for (const key of keys) {
    const parts = parse(key);
    if (parts) found.push(parts);
  }
  return found;
}

const quoteLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;

function plain(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

export async function readLakeRows(path: string): Promise<SummaryRow[]> {
  const connection = await (await lakeDuckDB()).connect();
  try {
    const reader = await connection.runAndReadAll(`SELECT * FROM read_parquet(${quoteLiteral(path)})`);
    return reader
      .getRowObjectsJS()
      .map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])));
  } finally {
    connection.closeSync();
  }
}

/** The mirror listing last checked, so a refresh over an unchanged mirror checks nothing. */
const CHECKED_FILE = '.summaries-checked';

function lastChecked(mirrorDir: string): string | undefined {
  const path = join(mirrorDir, CHECKED_FILE);
  return existsSync(path) ? readFileSync(path, 'utf8') : undefined;
}

/** Which partitions to check, and what the mirror holds of each: from the journal when it can say. */
function toCheck(mirrorDir: string, checked: string | undefined) {
  const changes = changesSince(mirrorDir, checked);
  if (changes) {
    // Only the changed keys, each looked up on disk: a synced mirror holds a file iff it lists it.
    const keys = [...changes.keys()];
    const held = (key: string) => existsSync(join(mirrorDir, key));
    return {
      lake: partitionsOf(keys, parseLakeKey),
      summaries: partitionsOf(keys, parseSummaryKey),
      hasLake: held,
      hasSummary: held,
    };
  }
  const lake = mirrorFiles(mirrorDir, LAKE_PREFIX, false);
  const summaries = mirrorFiles(mirrorDir, SUMMARIES_PREFIX, false);
  return {
    lake: partitionsOf(lake.keys(), parseLakeKey),
    summaries: partitionsOf(summaries.keys(), parseSummaryKey),
    hasLake: (key: string) => lake.has(key),
    hasSummary: (key: string) => summaries.has(key),
  };
}

export async function ensureSummaries(mirrorDir: string): Promise<{ written: number; removed: number }> {
  const checked = lastChecked(mirrorDir);
  if (checked !== undefined && checked === listingFingerprint(mirrorDir)) return { written: 0, removed: 0 };
  const check = toCheck(mirrorDir, checked);
  const written: string[] = [];
  const removed: string[] = [];
  // A lake object without its summary, or a summary removed while its lake object stays.
  const candidates = [...check.lake, ...check.summaries];
  const seen = new Set<string>();
  for (const p of candidates) {
    if (!isDatasetName(p.dataset)) continue;
    const key = summaryKey(p.dataset, p.period, p.province);
    if (seen.has(key)) continue;
    seen.add(key);
    if (check.hasSummary(key) || !check.hasLake(lakeKey(p.dataset, p.period, p.province))) continue;
    const rows = await readLakeRows(join(mirrorDir, lakeKey(p.dataset, p.period, p.province)));
    await mkdir(dirname(join(mirrorDir, key)), { recursive: true });
    await writeSummaryParquet(summarize(p.dataset, p.period, rows), join(mirrorDir, key));
    written.push(key);
  }
  const fresh = new Set(written);
  const gone = new Set<string>();
  const detail = new Map<string, boolean>();
  const mirrored = (dataset: string) => {
    if (!detail.has(dataset)) detail.set(dataset, existsSync(join(mirrorDir, LAKE_PREFIX, dataset)));
    return detail.get(dataset) === true;
  };
  // A summary whose lake object left the mirror (the lake key or the summary key changed).
  for (const p of candidates) {
    if (!isDatasetName(p.dataset)) continue;
    // A dataset whose detail is not mirrored at all (the refresh skips employer rows) keeps its summaries.
    if (!mirrored(p.dataset)) continue;
    const key = summaryKey(p.dataset, p.period, p.province);
    if (fresh.has(key) || gone.has(key) || !check.hasSummary(key)) continue;
    if (check.hasLake(lakeKey(p.dataset, p.period, p.province))) continue;
    await rm(join(mirrorDir, key), { force: true });
    removed.push(key);
    gone.add(key);
  }
  await recordLocalFiles(mirrorDir, written, removed);
  const fingerprint = listingFingerprint(mirrorDir);
  if (fingerprint !== undefined) await writeFile(join(mirrorDir, CHECKED_FILE), fingerprint);
  return { written: written.length, removed: removed.length };
}
