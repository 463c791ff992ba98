import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { DatasetName } from '../datasets/index.ts';
import { StorageError } from '../errors.ts';
import { lakeKey } from '../layout.ts';
import type { Period } from '../period.ts';
import { writeParquetFile, type LakeRow } from './parquet-writer.ts';

let fileCounter = 0;

export interface PartitionWrite {
  s3: S3Client;
  bucket: string;
  dataset: DatasetName;
  period: Period;
  province: string;
  rows: readonly LakeRow[];
  /** Where the Parquet file is staged before the PUT (a Lambda may write only under /tmp). */
  tmpDir?: string;
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
  try {
    await writeParquetFile(w.dataset, w.rows, file);
    const body = await readFile(file);
    try {
      await w.s3.send(
        new PutObjectCommand({
          Bucket: w.bucket,
          Key: key,
          Body: body,
          ContentType: 'application/vnd.apache.parquet',
        }),
      );
    } catch (error) {
      throw new StorageError(`cannot write s3://${w.bucket}/${key}`, { cause: error });
    }
    return { key, bytes: body.byteLength, rows: w.rows.length };
  } finally {
    await rm(file, { force: true });
  }
}
