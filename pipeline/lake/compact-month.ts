/**
 * Compacts one closed month of a dataset (closed-month.ts): its per-province lake objects become
 * ONE object, `lake/<dataset>/compacted/period=<YYYY-MM>/data.parquet`, holding the same columns
 * plus `province`, sorted by province, zstd as the lake writes; likewise its summaries.
 *
 * How readers see a month (compacted-rows-sql.ts): a province's per-province object when it has
 * one, else the compacted object's rows of that province. So:
 * - the compacted object is written first, with one PUT (atomic): before it, readers see the
 *   per-province objects; after it, still those (per-province wins), holding the same rows;
 * - only then are the per-province objects folded in removed, one at a time, and only if each is
 *   still the very object read (its ETag): each removal leaves the same answer, the compacted
 *   rows of that province being its rows. A crash anywhere leaves a state a rerun converges from:
 *   the rerun folds the remaining per-province objects over the compacted rows of the rest;
 * - a re-upload of the month writes a per-province object again, which wins at once for its
 *   province alone; the next compaction folds it in.
 * The object records, per province, the upload whose rows it holds (compacted-manifest.ts).
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import type { DatasetName } from '../../core/datasets/index.ts';
import type { Period } from '../../core/period.ts';
import { removeIfUnchanged } from '../storage/remove-if-unchanged.ts';
import { lakeDuckDB } from './duckdb-instance.ts';
import { LAKE_KIND, readSources, SUMMARY_KIND, type CompactionKind } from './compaction-sources.ts';
import { writeCompactedFile } from './compacted-file.ts';
import { putParquetObject } from '../storage/object-bytes.ts';

export interface CompactMonthOptions {
  s3: S3Client;
  bucket: string;
  dataset: DatasetName;
  period: Period;
  tmpDir?: string;
}

export interface CompactedKind {
  /** Provinces the compacted object holds, and how many per-province objects were folded in now. */
  provinces: number;
  folded: number;
  removed: number;
  bytes: number;
}

export interface CompactedMonth {
  dataset: DatasetName;
  period: Period;
  lake: CompactedKind;
  summaries: CompactedKind;
}

/** Compacts the lake, then the summaries, of one dataset-month; a repeat does no harm. */
export async function compactMonth(o: CompactMonthOptions): Promise<CompactedMonth> {
  const scratch = join(o.tmpDir ?? tmpdir(), `vss-compact-${process.pid}-${randomUUID()}`);
  await mkdir(scratch, { recursive: true });
  try {
    const lake = await compactKind(o, LAKE_KIND, scratch);
    const summaries = await compactKind(o, SUMMARY_KIND, scratch);
    return { dataset: o.dataset, period: o.period, lake, summaries };
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
}

async function compactKind(
  o: CompactMonthOptions,
  kind: CompactionKind,
  scratch: string,
): Promise<CompactedKind> {
  const sources = await readSources(o.s3, o.bucket, kind, o, scratch);
  if (sources.provinces.length === 0) return { provinces: 0, folded: 0, removed: 0, bytes: 0 };
  const out = join(scratch, `${kind.name}-out.parquet`);
  const connection = await (await lakeDuckDB()).connect();
  let written;
  try {
    written = await writeCompactedFile(connection, sources, out);
  } finally {
    connection.closeSync();
  }
  const key = kind.compactedKey(o.dataset, o.period);
  const body = await readFile(out);
  await putParquetObject(o.s3, o.bucket, key, body, { provinces: String(written.provinces) });
  let removed = 0;
  for (const folded of sources.provinces) {
    // A re-upload since the read must stay, and it wins (remove-if-unchanged.ts).
    if (await removeIfUnchanged(o.s3, o.bucket, folded.key, folded.eTag)) removed++;
  }
  return { provinces: written.provinces, folded: sources.provinces.length, removed, bytes: body.byteLength };
}
