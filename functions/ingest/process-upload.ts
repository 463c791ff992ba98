/**
 * One upload, from its S3 notification to the receipt, the ledger and the lake. Every write is
 * idempotent (keys derive from the upload id) and the lake is settled from the ledger afterwards
 * (reconcile-lake.ts), so a crash at any point, a repeated or a late event all converge on rerun.
 */
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { S3EventRecord } from 'aws-lambda';
import { StorageError } from '../../lib/errors.ts';
import { rowsChecksum } from '../../lib/lake/rows-checksum.ts';
import { receiptKey, type UploadLocation } from '../../lib/layout.ts';
import type { LedgerRecord } from '../../lib/ledger-record.ts';
import type { Receipt } from '../../lib/receipt.ts';
import { decide } from '../../lib/ledger/decide.ts';
import { listLedger, putLedgerRecord } from '../../lib/ledger/ledger-store.ts';
import { uploadIdOf } from '../../lib/ledger/upload-id.ts';
import { readObject } from '../../lib/storage/object-bytes.ts';
import { receivedAtOf } from './received-at.ts';
import { reconcileLake, type BesideLake } from './reconcile-lake.ts';
import type { ValidateUpload } from './validate-port.ts';

export interface UploadContext {
  s3: S3Client;
  uploadsBucket: string;
  lakeBucket: string;
  validate: ValidateUpload;
  now: () => Date;
  tmpDir?: string;
  trustSubmittedAt: boolean;
  /** Written after every lake write from the same rows (the province-month's summary). */
  besideLake?: BesideLake;
}

export interface UploadOutcome {
  uploadId: string;
  status: LedgerRecord['status'];
  lakeWritten: boolean;
  ledgerKey: string;
  receipt: Receipt;
}

export async function processUpload(
  ctx: UploadContext,
  record: S3EventRecord,
  upload: { key: string; location: UploadLocation },
): Promise<UploadOutcome> {
  const { key, location } = upload;
  const versionId = record.s3.object.versionId || undefined;
  const object = await readObject(ctx.s3, ctx.uploadsBucket, key, versionId);
  const sha256 = createHash('sha256').update(object.bytes).digest('hex');
  const receivedAt = receivedAtOf(record, object.metadata, ctx.trustSubmittedAt, ctx.now);
  const uploadId = uploadIdOf({ key, versionId, sha256 });

  const { receipt, rows, lake } = await ctx.validate({
    bytes: object.bytes,
    key,
    location,
    receivedAt,
    now: ctx.now(),
    fastPath: { tmpDir: ctx.tmpDir ?? tmpdir() },
  });
  try {
    const ledger = await listLedger(ctx.s3, ctx.lakeBucket, location);
    const decision = decide({ uploadId, sha256, receivedAt, validation: receipt.status }, ledger);

    await putJson(
      ctx.s3,
      ctx.lakeBucket,
      receiptKey(location.dataset, location.period, location.province, uploadId),
      receipt,
    );
    const ledgerKey = await putLedgerRecord(ctx.s3, ctx.lakeBucket, {
      upload_id: uploadId,
      key,
      version_id: versionId ?? null,
      dataset: location.dataset,
      period: location.period,
      province: location.province,
      file_name: location.fileName,
      sha256,
      bytes: object.bytes.byteLength,
      received_at: receivedAt,
      ingested_at: ctx.now().toISOString(),
      status: decision.status,
      rows_read: receipt.rows.read,
      rows_accepted: receipt.rows.accepted,
      rows_rejected: receipt.rows.rejected,
      error_count: receipt.errors.length,
      warning_count: receipt.warnings.length,
      supersedes: decision.supersedes,
      rows_sha256:
        receipt.status === 'accepted' ? (lake?.rowsSha256 ?? rowsChecksum(location.dataset, rows)) : null,
      etag: (object.eTag ?? record.s3.object.eTag ?? '').replaceAll('"', '') || null,
    });
    const lakeWritten =
      decision.status === 'rejected' ? false : await reconcileLake(ctx, location, { uploadId, rows, lake });
    return { uploadId, status: decision.status, lakeWritten, ledgerKey, receipt };
  } finally {
    await lake?.dispose();
  }
}

async function putJson(s3: S3Client, bucket: string, key: string, value: unknown): Promise<void> {
  try {
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: JSON.stringify(value),
        ContentType: 'application/json',
      }),
    );
  } catch (error) {
    throw new StorageError(`cannot write s3://${bucket}/${key}`, { cause: error });
  }
}
