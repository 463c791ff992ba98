/**
 * What one compaction of a dataset-month starts from, for the lake or for the summaries: the
 * per-province objects of the month (each with the stamp its writer put on it and its ETag, so
 * only the very object folded in is ever removed), and the compacted object already there, if
 * any, each downloaded to a scratch folder in the Hive shape DuckDB reads (`province=<code>/`).
 */
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import type { DatasetName } from '../../core/datasets/index.ts';
import {
  compactedLakeKey,
  compactedSummaryKey,
  lakeMonthPrefix,
  SUMMARIES_PREFIX,
} from '../../core/contracts/layout.ts';
import { parseLakeKey, parseSummaryKey } from '../../core/contracts/layout-parse.ts';
import type { Period } from '../../core/period.ts';
import { listObjects } from '../storage/list-objects.ts';
import { isMissingObject, readObject } from '../storage/object-bytes.ts';
import type { ProvinceEntry } from './compacted-manifest.ts';

/** The two kinds of object compacted alike: the lake's rows and their summaries. */
export interface CompactionKind {
  name: 'lake' | 'summaries';
  monthPrefix(dataset: DatasetName, period: Period): string;
  parse(key: string): { province: string } | null;
  compactedKey(dataset: DatasetName, period: Period): string;
  /** The province's entry from a per-province object's metadata; undefined when unstamped. */
  entryOf(metadata: Record<string, string>): ProvinceEntry | undefined;
}

export const LAKE_KIND: CompactionKind = {
  name: 'lake',
  monthPrefix: (dataset, period) => lakeMonthPrefix(dataset, period),
  parse: parseLakeKey,
  compactedKey: compactedLakeKey,
  entryOf: (m) =>
    m['upload-id'] && m['rows-sha256']
      ? { uploadId: m['upload-id'], rows: Number(m.rows), rowsSha256: m['rows-sha256'] }
      : undefined,
};

export const SUMMARY_KIND: CompactionKind = {
  name: 'summaries',
  monthPrefix: (dataset, period) => `${SUMMARIES_PREFIX}${dataset}/period=${period}/`,
  parse: parseSummaryKey,
  compactedKey: compactedSummaryKey,
  // A summary is stamped with its upload alone (write-summary.ts); it has no rows checksum.
  entryOf: (m) => (m['upload-id'] ? { uploadId: m['upload-id'], rows: 0, rowsSha256: '' } : undefined),
};

export interface ProvinceObject {
  key: string;
  province: string;
  eTag: string;
  entry: ProvinceEntry;
  /** The downloaded copy, at `<scratch>/province=<code>/part.parquet`. */
  path: string;
}

export interface CompactionSources {
  provinces: ProvinceObject[];
  /** The compacted object there already, downloaded; undefined when the month has none. */
  compacted?: { path: string; eTag: string };
}

/**
 * Lists and downloads. An object without a stamp (written before stamps, or by hand) is left out
 * and stays in place: compaction could not say whose rows it holds, and in place it still counts.
 */
export async function readSources(
  s3: S3Client,
  bucket: string,
  kind: CompactionKind,
  month: { dataset: DatasetName; period: Period },
  scratch: string,
): Promise<CompactionSources> {
  const listed = await listObjects(s3, bucket, kind.monthPrefix(month.dataset, month.period));
  const provinces: ProvinceObject[] = [];
  for (const item of listed) {
    const parts = kind.parse(item.key);
    if (!parts) continue;
    const object = await readObject(s3, bucket, item.key);
    const entry = kind.entryOf(object.metadata);
    if (!entry) continue;
    const dir = join(scratch, kind.name, `province=${parts.province}`);
    await mkdir(dir, { recursive: true });
    const path = join(dir, 'part.parquet');
    await writeFile(path, object.bytes);
    provinces.push({ key: item.key, province: parts.province, eTag: object.eTag ?? '', entry, path });
  }
  const compacted = await readCompacted(
    s3,
    bucket,
    kind.compactedKey(month.dataset, month.period),
    scratch,
    kind,
  );
  return { provinces, compacted };
}

async function readCompacted(
  s3: S3Client,
  bucket: string,
  key: string,
  scratch: string,
  kind: CompactionKind,
) {
  const listed = await listObjects(s3, bucket, key);
  if (!listed.some((o) => o.key === key)) return undefined;
  try {
    const object = await readObject(s3, bucket, key);
    const path = join(scratch, `${kind.name}-compacted.parquet`);
    await writeFile(path, object.bytes);
    return { path, eTag: object.eTag ?? '' };
  } catch (error) {
    // Removed since it was listed (another compaction's rewrite is a PUT, never a removal).
    if (isMissingObject(error)) return undefined;
    throw error;
  }
}
