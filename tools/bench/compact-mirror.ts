/**
 * The bench's lakes are built on disk, not in S3, so `vss compact` cannot run on them: this
 * compacts a bench mirror in place with the compaction's own file writer (compacted-file.ts),
 * every closed month of every dataset, lake objects and summaries, then drops the mirror's index
 * and engine state so the next refresh bench sees the compacted layout as a synced mirror would.
 * The bench lake's objects carry no stamps, so the manifest records a stand-in upload per province.
 * The ledger too: each closed dataset-month's JSON records become its compacted object with the
 * ledger compaction's writer (pipeline/ledger/ledger-parquet.ts) and move to ledger-closed/, as in
 * the bucket; a refresh mirror linked from it afterwards leaves them out (refreshMirrorPrefixes).
 * `npm run bench` compacts its lake this way (the layout a month after compaction first ran);
 * by hand:
 *
 *   npx tsx tools/bench/compact-mirror.ts [--lake-only] <mirror dir> [<mirror dir> ...]
 *
 * --lake-only leaves the ledger as it is (the layout before the ledger was compacted).
 */
import { existsSync } from 'node:fs';
import { link, mkdir, readdir, readFile, rename, rm } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { pathToFileURL } from 'node:url';
import { DATASET_NAMES, type DatasetName } from '../../core/datasets/index.ts';
import {
  closedLedgerPeriodPrefix,
  compactedLakeKey,
  compactedLedgerKey,
  compactedSummaryKey,
  LAKE_PREFIX,
  ledgerDatasetPrefix,
  ledgerPeriodPrefix,
  SUMMARIES_PREFIX,
} from '../../core/contracts/layout.ts';
import { ledgerRecord } from '../../core/contracts/ledger-record.ts';
import { isPeriod, type Period } from '../../core/period.ts';
import { writeLedgerParquet } from '../../pipeline/ledger/ledger-parquet.ts';
import { parsePeriodFolder } from '../../core/contracts/layout-parse.ts';
import { closedMonthsOf } from '../../pipeline/lake/closed-month.ts';
import { lakeDuckDB } from '../../pipeline/lake/duckdb-instance.ts';
import { writeCompactedFile } from '../../pipeline/lake/compacted-file.ts';
import type { CompactionSources } from '../../pipeline/lake/compaction-sources.ts';
import { CACHE_DIR } from '../../pipeline/query/file-cache.ts';
import { MIRROR_INDEX } from '../../pipeline/mirror/mirror-listing.ts';
import { removeMirrored } from '../../pipeline/mirror/mirror.ts';
import { MIRROR_JOURNAL } from '../../pipeline/mirror/mirror-journal.ts';
import { STATE_DIR } from '../../pipeline/refresh/refresh-state.ts';
import { note } from './measure.ts';

/** One kind's month folder in a mirror, its file name, and where its compacted object goes. */
const KINDS = [
  { root: LAKE_PREFIX, file: 'data.parquet', target: compactedLakeKey },
  { root: SUMMARIES_PREFIX, file: 'summary.parquet', target: compactedSummaryKey },
] as const;

async function compactFolder(
  mirror: string,
  monthDir: string,
  file: string,
  target: string,
  scratch: string,
): Promise<number> {
  const provinces = (await readdir(monthDir).catch(() => [])).filter((p) => p.startsWith('province='));
  const sources: CompactionSources = { provinces: [] };
  for (const folder of provinces) {
    const path = join(monthDir, folder, file);
    if (!existsSync(path)) continue;
    const staged = join(scratch, folder, 'part.parquet');
    await mkdir(join(scratch, folder), { recursive: true });
    await link(path, staged);
    const province = folder.slice('province='.length);
    const entry = { uploadId: 'bench', rows: 0, rowsSha256: '' };
    sources.provinces.push({ key: path, province, eTag: '', entry, path: staged });
  }
  if (sources.provinces.length === 0) return 0;
  const connection = await (await lakeDuckDB()).connect();
  const out = join(scratch, 'out.parquet');
  try {
    await writeCompactedFile(connection, sources, out);
  } finally {
    connection.closeSync();
  }
  await mkdir(join(mirror, target, '..'), { recursive: true });
  await rename(out, join(mirror, target));
  // As the mirror's sync removes them: the emptied province and month folders go too.
  for (const p of sources.provinces) await removeMirrored(mirror, relative(mirror, p.key));
  return sources.provinces.length;
}

/** Folds one closed dataset-month's ledger JSON into its compacted object; the records leave. */
async function compactLedgerMonth(mirror: string, dataset: DatasetName, period: Period, scratch: string) {
  const monthDir = join(mirror, ledgerPeriodPrefix(dataset, period));
  const files: string[] = [];
  for (const province of await readdir(monthDir).catch(() => [])) {
    for (const name of await readdir(join(monthDir, province)).catch(() => []))
      if (name.endsWith('.json')) files.push(join(monthDir, province, name));
  }
  if (files.length === 0) return 0;
  const records = await Promise.all(
    files.map(async (f) => ledgerRecord.parse(JSON.parse(await readFile(f, 'utf8')))),
  );
  await mkdir(scratch, { recursive: true });
  const out = join(scratch, 'records.parquet');
  const connection = await (await lakeDuckDB()).connect();
  try {
    await writeLedgerParquet(connection, records, join(scratch, 'records.jsonl'), out);
  } finally {
    connection.closeSync();
  }
  const target = join(mirror, compactedLedgerKey(dataset, period));
  await mkdir(join(target, '..'), { recursive: true });
  await rename(out, target);
  const archived = join(mirror, closedLedgerPeriodPrefix(dataset, period));
  await mkdir(join(archived, '..'), { recursive: true });
  await rename(monthDir, archived);
  return files.length;
}

async function compactLedger(mirror: string): Promise<{ folded: number; months: number }> {
  let folded = 0;
  let months = 0;
  for (const dataset of DATASET_NAMES as DatasetName[]) {
    const periods = (await readdir(join(mirror, ledgerDatasetPrefix(dataset))).catch(() => [])).filter(
      isPeriod,
    );
    for (const period of closedMonthsOf(periods, { now: new Date() })) {
      const scratch = join(mirror, '.compact-scratch');
      await rm(scratch, { recursive: true, force: true });
      const n = await compactLedgerMonth(mirror, dataset, period, scratch);
      await rm(scratch, { recursive: true, force: true });
      if (n > 0) months++;
      folded += n;
    }
  }
  return { folded, months };
}

/** Compacts every closed month of a mirror in place; `withLedger` false leaves the ledger as JSON. */
export async function compactMirror(mirror: string, withLedger = true): Promise<void> {
  const started = performance.now();
  let folded = 0;
  let months = 0;
  for (const kind of KINDS) {
    for (const dataset of DATASET_NAMES as DatasetName[]) {
      const dir = join(mirror, kind.root, dataset);
      const periods = (await readdir(dir).catch(() => [])).map(parsePeriodFolder).filter((p) => p !== null);
      for (const period of closedMonthsOf(periods, { now: new Date() })) {
        const scratch = join(mirror, '.compact-scratch');
        await rm(scratch, { recursive: true, force: true });
        const n = await compactFolder(
          mirror,
          join(dir, `period=${period}`),
          kind.file,
          kind.target(dataset, period),
          scratch,
        );
        await rm(scratch, { recursive: true, force: true });
        if (n > 0) months++;
        folded += n;
      }
    }
  }
  const ledger = withLedger ? await compactLedger(mirror) : { folded: 0, months: 0 };
  folded += ledger.folded;
  months += ledger.months;
  for (const stale of [MIRROR_INDEX, MIRROR_JOURNAL, CACHE_DIR, STATE_DIR, '.summaries-checked']) {
    await rm(join(mirror, stale), { recursive: true, force: true });
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  note(`${mirror}: ${folded} objects folded into ${months} compacted objects in ${seconds} s`);
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) {
  const args = process.argv.slice(2);
  const lakeOnly = args.includes('--lake-only');
  for (const mirror of args.filter((a) => !a.startsWith('--'))) await compactMirror(mirror, !lakeOnly);
}
