/**
 * Ingest's step after the lake write: the province-month's measures next to its lake object, with
 * one PUT (atomic, like the lake object), stamped with the upload whose rows they sum (object
 * metadata `upload-id`, as on the lake object). A crash between the two can leave the summary of
 * a replaced upload in place; `vss doctor` compares the stamp with the ledger's winner.
 */
import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { DatasetName } from '../../core/datasets/index.ts';
import { StorageError } from '../../core/errors.ts';
import { summaryKey } from '../../core/contracts/layout.ts';
import type { Period } from '../../core/period.ts';
import type { SummaryRow } from '../../core/measures.ts';
import { summarize } from './summarize.ts';
import { writeSummaryParquet } from './summary-parquet.ts';
import { putParquetObject } from '../storage/object-bytes.ts';

export interface SummaryWrite {
  s3: S3Client;
  bucket: string;
  dataset: DatasetName;
  period: Period;
  province: string;
  rows: readonly SummaryRow[];
  tmpDir?: string;
  /** The upload whose rows these are. */
  uploadId: string;
}

export async function writeSummary(w: SummaryWrite): Promise<{ key: string }> {
  const key = summaryKey(w.dataset, w.period, w.province);
  const file = join(w.tmpDir ?? tmpdir(), `vss-summary-${process.pid}-${randomUUID()}.parquet`);
  try {
    await writeSummaryParquet(summarize(w.dataset, w.period, w.rows), file);
    const body = await readFile(file);
    await putParquetObject(w.s3, w.bucket, key, body, { 'upload-id': w.uploadId });
    return { key };
  } finally {
    await rm(file, { force: true });
  }
}

/** The step ingest runs after every lake write, with the rows it just wrote (its `besideLake`). */
export function summaryWriter(
  s3: S3Client,
  bucket: string,
  tmpDir?: string,
): (w: {
  dataset: DatasetName;
  period: Period;
  province: string;
  rows: readonly SummaryRow[];
  uploadId: string;
}) => Promise<void> {
  return async (w) => {
    await writeSummary({
      s3,
      bucket,
      tmpDir,
      dataset: w.dataset,
      period: w.period,
      province: w.province,
      rows: w.rows,
      uploadId: w.uploadId,
    });
  };
}

/**
 * The upload a province-month's summary was computed from: a string, `null` for a summary with
 * no stamp (written before summaries carried one), undefined when there is no summary.
 */
export async function readSummaryStamp(
  s3: S3Client,
  bucket: string,
  dataset: DatasetName,
  period: Period,
  province: string,
): Promise<string | null | undefined> {
  const key = summaryKey(dataset, period, province);
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    return head.Metadata?.['upload-id'] ?? null;
  } catch (error) {
    if (error instanceof Error && (error.name === 'NotFound' || error.name === 'NoSuchKey')) return undefined;
    throw new StorageError(`cannot read s3://${bucket}/${key}`, { cause: error });
  }
}
