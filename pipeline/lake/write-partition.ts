import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { DatasetName } from '../../core/datasets/index.ts';
import { StorageError } from '../../core/errors.ts';
import { isMissingObject, putParquetObject } from '../storage/object-bytes.ts';
import { lakeKey } from '../../core/contracts/layout.ts';
import type { Period } from '../../core/period.ts';
import { writeParquetFile, type LakeRow } from './parquet-writer.ts';
import type { PreparedLake } from './prepared-lake.ts';
import { lakeFileChecksum } from './lake-checksum.ts';

let fileCounter = 0;

export interface PartitionWrite {
  s3: S3Client;
  bucket: string;
  dataset: DatasetName;
  period: Period;
  province: string;
  rows: readonly LakeRow[];
  /** The rows already written as a Parquet file (validation's DuckDB path): sent as it is. */
  prepared?: PreparedLake;
  /** Where the Parquet file is staged before the PUT (a Lambda may write only under /tmp). */
  tmpDir?: string;
  /** The upload whose rows these are; stamped on the object so checks can tell what the lake holds. */
  uploadId: string;
}

/** What a lake object says about itself: whose rows, how many, and their checksum. */
export interface LakeStamp {
  uploadId: string;
  rows: number;
  rowsSha256: string;
}

export interface PartitionWritten {
  key: string;
  bytes: number;
  rows: number;
}

/**
 * Replaces one province-month of the lake. The whole Parquet file is built locally first and then
 * sent with a single PUT, which S3 applies atomically: readers see the old file or the new one.
 */
export async function writeLakePartition(w: PartitionWrite): Promise<PartitionWritten> {
  const file = join(w.tmpDir ?? tmpdir(), `vss-lake-${process.pid}-${++fileCounter}-${randomUUID()}.parquet`);
  const key = lakeKey(w.dataset, w.period, w.province);
  const rows = w.prepared?.rows ?? w.rows.length;
  try {
    if (!w.prepared) await writeParquetFile(w.dataset, w.period, w.rows, file);
    const body = await readFile(w.prepared?.path ?? file);
    await putParquetObject(w.s3, w.bucket, key, body, {
      'upload-id': w.uploadId,
      rows: String(rows),
      // The v2 checksum: of the very bytes sent (lake-checksum.ts).
      'rows-sha256': w.prepared?.rowsSha256 ?? lakeFileChecksum(body),
    });
    return { key, bytes: body.byteLength, rows };
  } finally {
    await rm(file, { force: true });
  }
}

/** The stamp of one province-month's lake object; undefined when there is none (or no stamp). */
export async function readLakeStamp(
  s3: S3Client,
  bucket: string,
  dataset: DatasetName,
  period: Period,
  province: string,
): Promise<LakeStamp | undefined> {
  const key = lakeKey(dataset, period, province);
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    const m = head.Metadata ?? {};
    const uploadId = m['upload-id'];
    const rowsSha256 = m['rows-sha256'];
    if (!uploadId || !rowsSha256) return undefined;
    return { uploadId, rows: Number(m.rows), rowsSha256 };
  } catch (error) {
    if (isMissingObject(error) || isNotFound(error)) return undefined;
    throw new StorageError(`cannot read s3://${bucket}/${key}`, { cause: error });
  }
}

/** HEAD answers 404 without a body, so the SDK names the error NotFound rather than NoSuchKey. */
function isNotFound(error: unknown): boolean {
  return error instanceof Error && (error.name === 'NotFound' || error.name === 'NoSuchKey');
}
