/**
 * One upload, from its S3 notification to the receipt, the ledger and the lake. Every write is
 * idempotent (keys derive from the upload id) and the lake is settled from the ledger afterwards
 * (reconcile-lake.ts), so a crash at any point, a repeated or a late event all converge on rerun.
 */
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import { HeadObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
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
import { limitsFromEnv } from '../../lib/validate/limits.ts';
import {
  beginValidation,
  clearValidations,
  endValidation,
  MAX_VALIDATION_ATTEMPTS,
  refusalReceipt,
  tooLarge,
  unprocessable,
  unreadSha256,
} from './park-upload.ts';
import { withHoldNote } from './counted-upload.ts';
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
  /** Uploads larger than this are refused from HeadObject, unread. Default: limitsFromEnv(). */
  maxBytes?: number;
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
  const head = await headUpload(ctx, key, versionId);
  const maxBytes = ctx.maxBytes ?? limitsFromEnv().maxBytes;
  if (head.bytes > maxBytes) {
    // Never read: a file written straight to the bucket may be of any size.
    const sha256 = unreadSha256(key, versionId, head.eTag);
    const receivedAt = receivedAtOf(record, head.metadata, ctx.trustSubmittedAt, ctx.now);
    const receipt = refusalReceipt(
      { key, location, sha256, bytes: head.bytes, receivedAt },
      tooLarge(head.bytes, maxBytes),
    );
    const object = { bytes: { byteLength: head.bytes }, eTag: head.eTag };
    return settle(ctx, record, upload, { versionId, sha256, receivedAt, object }, { receipt, rows: [] });
  }
  const object = await readObject(ctx.s3, ctx.uploadsBucket, key, versionId);
  const sha256 = createHash('sha256').update(object.bytes).digest('hex');
  const receivedAt = receivedAtOf(record, object.metadata, ctx.trustSubmittedAt, ctx.now);
  const uploadId = uploadIdOf({ key, versionId, sha256 });

  const { earlier, marker } = await beginValidation(ctx.s3, ctx.lakeBucket, location, uploadId);
  if (earlier >= MAX_VALIDATION_ATTEMPTS) {
    // Earlier attempts died inside the validator (memory, time): park the file with a receipt.
    const refusal = unprocessable(`${earlier} attempts did not finish`);
    const receipt = refusalReceipt(
      { key, location, sha256, bytes: object.bytes.byteLength, receivedAt },
      refusal,
    );
    const outcome = await settle(
      ctx,
      record,
      upload,
      { versionId, sha256, receivedAt, object },
      { receipt, rows: [] },
    );
    await clearValidations(ctx.s3, ctx.lakeBucket, location, uploadId);
    return outcome;
  }
  // A throw leaves the attempt counted: the retry tries again, and the attempt after the last parks.
  const validated = await ctx.validate({
    bytes: object.bytes,
    key,
    location,
    receivedAt,
    now: ctx.now(),
    fastPath: { tmpDir: ctx.tmpDir ?? tmpdir() },
  });
  await endValidation(ctx.s3, ctx.lakeBucket, marker);
  return settle(ctx, record, upload, { versionId, sha256, receivedAt, object }, validated);
}

interface Identified {
  versionId: string | undefined;
  sha256: string;
  receivedAt: string;
  object: { bytes: { byteLength: number }; eTag: string | undefined };
}

/** Receipt, ledger record and lake, in that order, for a validated (or parked) upload. */
async function settle(
  ctx: UploadContext,
  record: S3EventRecord,
  upload: { key: string; location: UploadLocation },
  id: Identified,
  validated: Awaited<ReturnType<ValidateUpload>>,
): Promise<UploadOutcome> {
  const { key, location } = upload;
  const { versionId, sha256, receivedAt, object } = id;
  const uploadId = uploadIdOf({ key, versionId, sha256 });
  const { receipt, rows, lake } = validated;
  try {
    const ledger = await listLedger(ctx.s3, ctx.lakeBucket, location);
    const decision = decide({ uploadId, sha256, receivedAt, validation: receipt.status }, ledger);

    const own: LedgerRecord = {
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
    };
    // An approved month keeps a new upload but says on the receipt that it is held.
    const told = await withHoldNote(ctx, location, receipt, ledger, own);
    await putJson(
      ctx.s3,
      ctx.lakeBucket,
      receiptKey(location.dataset, location.period, location.province, uploadId),
      told,
    );
    const ledgerKey = await putLedgerRecord(ctx.s3, ctx.lakeBucket, own);
    const lakeWritten =
      decision.status === 'rejected' ? false : await reconcileLake(ctx, location, { uploadId, rows, lake });
    return { uploadId, status: decision.status, lakeWritten, ledgerKey, receipt: told };
  } finally {
    await lake?.dispose();
  }
}

async function headUpload(
  ctx: UploadContext,
  key: string,
  versionId: string | undefined,
): Promise<{ bytes: number; eTag: string | undefined; metadata: Record<string, string> }> {
  try {
    const out = await ctx.s3.send(
      new HeadObjectCommand({ Bucket: ctx.uploadsBucket, Key: key, VersionId: versionId }),
    );
    return { bytes: out.ContentLength ?? 0, eTag: out.ETag, metadata: out.Metadata ?? {} };
  } catch (error) {
    throw new StorageError(`cannot read s3://${ctx.uploadsBucket}/${key}`, { cause: error });
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
