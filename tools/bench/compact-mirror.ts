/**
 * The bench's lakes are built on disk, not in S3, so `vss compact` cannot run on them: this
 * compacts a bench mirror in place with the compaction's own file writer (compacted-file.ts),
 * every closed month of every dataset, lake objects and summaries, then drops the mirror's index
 * and engine state so the next refresh bench sees the compacted layout as a synced mirror would.
 * The bench lake's objects carry no stamps, so the manifest records a stand-in upload per province.
 *
 *   npx tsx tools/bench/compact-mirror.ts <mirror dir> [<mirror dir> ...]
 */
import { existsSync } from 'node:fs';
import { link, mkdir, readdir, rename, rm } from 'node:fs/promises';
import { join } from 'node:path';
import { DATASET_NAMES, type DatasetName } from '../../core/datasets/index.ts';
import {
  compactedLakeKey,
  compactedSummaryKey,
  LAKE_PREFIX,
  SUMMARIES_PREFIX,
} from '../../core/contracts/layout.ts';
import { parsePeriodFolder } from '../../core/contracts/layout-parse.ts';
import { closedMonthsOf } from '../../pipeline/lake/closed-month.ts';
import { lakeDuckDB } from '../../pipeline/lake/duckdb-instance.ts';
import { writeCompactedFile } from '../../pipeline/lake/compacted-file.ts';
import type { CompactionSources } from '../../pipeline/lake/compaction-sources.ts';
import { CACHE_DIR } from '../../pipeline/query/file-cache.ts';
import { MIRROR_INDEX } from '../../pipeline/mirror/mirror-listing.ts';
import { MIRROR_JOURNAL } from '../../pipeline/mirror/mirror-journal.ts';
import { STATE_DIR } from '../../pipeline/refresh/refresh-state.ts';

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
  for (const p of sources.provinces) await rm(p.key, { force: true });
  return sources.provinces.length;
}

async function compactMirror(mirror: string): Promise<void> {
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
  for (const stale of [MIRROR_INDEX, MIRROR_JOURNAL, CACHE_DIR, STATE_DIR, '.summaries-checked']) {
    await rm(join(mirror, stale), { recursive: true, force: true });
  }
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`${mirror}: ${folded} objects folded into ${months} compacted objects in ${seconds} s`);
}

for (const mirror of process.argv.slice(2)) await compactMirror(mirror);
