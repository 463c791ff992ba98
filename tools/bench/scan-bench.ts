/**
 * What the refresh would make Athena read: the objects under every table its queries name, as a
 * share of everything the lake bucket holds. An upper bound — Athena reads only the columns a
 * query uses — but the file count is exact, and it is what an Athena bill grows with.
 */
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DATASET_NAMES } from '../../core/datasets/index.ts';
import {
  LAKE_PREFIX,
  LEDGER_CLOSED_PREFIX,
  LEDGER_COMPACTED_PREFIX,
  LEDGER_PREFIX,
  SUMMARIES_PREFIX,
} from '../../core/contracts/layout.ts';
import { PAGE_DATA } from '../../core/contracts/site-data.ts';
import { report, step } from './measure.ts';
import { ATHENA_MIN_SCAN_BYTES, compactionSample } from './scan-compaction.ts';
import { parquetBytesRead } from './scan-columns.ts';

/** The overview's queries in pipeline/refresh/refresh.ts, then the section pages' (core/contracts/site-data.ts). */
const REFRESH_QUERIES = [
  'national_monthly',
  'province_monthly',
  'completeness',
  ...Object.values(PAGE_DATA).map((p) => p.query),
];
const QUERIES_DIR = new URL('../../queries/', import.meta.url);

async function sizeOf(dir: string): Promise<{ bytes: number; files: number }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  let bytes = 0;
  let files = 0;
  for (const e of entries) {
    if (!e.isFile()) continue;
    bytes += (await stat(join(e.parentPath, e.name))).size;
    files += 1;
  }
  return { bytes, files };
}

async function subfolders(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true }).catch(() => []);
  const inner = entries.filter((e) => e.isDirectory()).map((e) => join(dir, e.name));
  // lake/<dataset> is itself the dataset; summaries/ holds one folder per dataset.
  return inner.some((d) => d.includes('period=')) ? [dir] : inner;
}

/** The ledger's prefixes a table covers: its JSON records and its compacted months. */
const LEDGER_PREFIXES = [LEDGER_PREFIX, LEDGER_COMPACTED_PREFIX];

/** Where a table of the `vss` schema lives in the bucket; reference tables live in the engine. */
function prefixesOf(table: string): string[] {
  if (table === 'summaries') return [SUMMARIES_PREFIX];
  if (table === 'uploads') return LEDGER_PREFIXES;
  return (DATASET_NAMES as readonly string[]).includes(table) ? [`${LAKE_PREFIX}${table}`] : [];
}

/** Per-object overhead: closed months of the scanned Parquet prefixes rewritten as one object each. */
async function reportCompactionEstimate(
  mirrorDir: string,
  prefixes: readonly string[],
  scannedBytes: number,
  wholeBytes: number,
): Promise<void> {
  let sampled = { bytes: 0, compacted: 0 };
  const parquetScanned = prefixes.filter((p) => !LEDGER_PREFIXES.includes(p));
  for (const p of parquetScanned) {
    for (const dir of await subfolders(join(mirrorDir, p))) {
      const sample = await compactionSample(dir, mirrorDir);
      if (sample)
        sampled = {
          bytes: sampled.bytes + sample.bytes,
          compacted: sampled.compacted + sample.compactedBytes,
        };
    }
  }
  let parquetBytes = 0;
  for (const p of parquetScanned) parquetBytes += (await sizeOf(join(mirrorDir, p))).bytes;
  const ledgerBytes = scannedBytes - parquetBytes;
  const compactedEstimate = ledgerBytes + (parquetBytes * sampled.compacted) / Math.max(sampled.bytes, 1);
  console.log(
    `   Parquet scanned ${(parquetBytes / 1e6).toFixed(2)} MB, ledger (JSON and compacted) ${(ledgerBytes / 1e6).toFixed(2)} MB; ` +
      `closed months compacted one object per dataset-period: ${((100 * sampled.compacted) / Math.max(sampled.bytes, 1)).toFixed(1)} % of their bytes`,
  );
  report({
    name: 'refresh scan if closed months were compacted (estimate from a sample)',
    value: (100 * compactedEstimate) / wholeBytes,
    unit: '%',
    target: 2,
  });
}

export async function benchScan(mirrorDir: string): Promise<void> {
  step('what the refresh would scan in Athena');
  const tables = new Set<string>(['uploads']);
  // Every word of the queries, and the keys the views join on: the columns Athena may read.
  const words = new Set<string>(['upload_id', 'period', 'province', 'dataset']);
  for (const name of REFRESH_QUERIES) {
    const sql = await readFile(new URL(`${name}.sql`, QUERIES_DIR), 'utf8');
    for (const m of sql.matchAll(/vss\.([a-z_]+)/g)) if (m[1]) tables.add(m[1]);
    for (const m of sql.toLowerCase().matchAll(/[a-z_][a-z0-9_]*/g)) words.add(m[0]);
  }
  const prefixes = [...new Set([...tables].flatMap(prefixesOf))].sort();
  console.log(`   tables read: ${[...tables].sort().join(', ')}; prefixes: ${prefixes.join(', ')}`);
  let scanned = { bytes: 0, files: 0 };
  let columnsRead = 0;
  for (const p of prefixes) {
    const s = await sizeOf(join(mirrorDir, p));
    // The ledger's JSON records are read whole; of Parquet, the footers and the named columns.
    const parquet = await parquetBytesRead(join(mirrorDir, p), words);
    const read = s.bytes - parquet.size + parquet.bytes;
    console.log(
      `   ${p}: ${s.files} files, ${(s.bytes / 1e6).toFixed(2)} MB; footers and named columns ${(read / 1e6).toFixed(2)} MB`,
    );
    scanned = { bytes: scanned.bytes + s.bytes, files: scanned.files + s.files };
    columnsRead += read;
  }
  const all = [LAKE_PREFIX, SUMMARIES_PREFIX, ...LEDGER_PREFIXES, LEDGER_CLOSED_PREFIX].map((p) =>
    sizeOf(join(mirrorDir, p)),
  );
  const whole = (await Promise.all(all)).reduce((a, s) => ({
    bytes: a.bytes + s.bytes,
    files: a.files + s.files,
  }));
  console.log(
    `   whole bucket (lake, summaries, ledger, archived ledger): ${whole.files} files, ${(whole.bytes / 1e6).toFixed(2)} MB`,
  );
  // A lake as built (no month compacted yet): estimate what compaction would leave from a sample.
  const compactedAlready = (await sizeOf(join(mirrorDir, LEDGER_COMPACTED_PREFIX))).files > 0;
  if (!compactedAlready) await reportCompactionEstimate(mirrorDir, prefixes, scanned.bytes, whole.bytes);
  const floor = (REFRESH_QUERIES.length * ATHENA_MIN_SCAN_BYTES) / 1e6;
  console.log(
    `   Athena bills >= 10 MB a query: ${REFRESH_QUERIES.length} queries >= ${floor.toFixed(0)} MB a refresh, ` +
      `${((100 * floor * 1e6) / whole.bytes).toFixed(0)} % of this bucket`,
  );
  report({ name: 'refresh scan, bytes', value: scanned.bytes / 1e6, unit: 'MB' });
  report({
    name: 'refresh scan, Athena billing floor (10 MB a query)',
    value: (100 * floor * 1e6) / whole.bytes,
    unit: '%',
    target: 2,
  });
  report({
    name: 'refresh scan, share of the bucket',
    value: (100 * scanned.bytes) / whole.bytes,
    unit: '%',
    target: 2,
  });
  report({
    name: 'refresh scan, footers and the columns the queries name, share of the bucket',
    value: (100 * columnsRead) / whole.bytes,
    unit: '%',
    target: 2,
  });
  report({
    name: 'refresh scan, files',
    value: scanned.files,
    unit: 'files',
    baseline: { name: 'all files', value: whole.files },
  });
}
