/**
 * One upload, from its S3 notification to the receipt, the ledger and the lake. Every write is
 * idempotent (keys derive from the upload id) and the lake is settled from the ledger afterwards
 * (reconcile-lake.ts), so a crash at any point, a repeated or a late event all converge on rerun.
 */
import { createHash } from 'node:crypto';
import { tmpdir } from 'node:os';
import type { S3EventRecord } from 'aws-lambda';
import { prepareLakeFile } from '../lake/prepared-lake.ts';
import { receiptKey, type UploadLocation } from '../../core/contracts/layout.ts';
import { listApprovals } from '../approval/approval-store.ts';
import type { LedgerRecord } from '../../core/contracts/ledger-record.ts';
import type { Receipt } from '../../core/contracts/receipt.ts';
import { decide } from '../ledger/decide.ts';
import { listLedger, putLedgerRecord } from '../ledger/ledger-store.ts';
import { uploadIdOf } from '../ledger/upload-id.ts';
import { putJsonObject, readObjectWithin } from '../storage/object-bytes.ts';
import { limitsFromEnv } from '../validate/limits.ts';
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
import { heldAgainst, standingWithOwn, withHoldNote } from './counted-upload.ts';
import { receivedAtOf } from './received-at.ts';
import { reconcileLake } from './reconcile-lake.ts';
import type { UploadContext } from './upload-context.ts';
import type { ValidateUpload } from './validate-port.ts';

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
  const maxBytes = ctx.maxBytes ?? limitsFromEnv().maxBytes;
  const read = await readObjectWithin(ctx.s3, ctx.uploadsBucket, key, versionId, maxBytes);
  if (read.tooLarge) {
    // Never read: a file written straight to the bucket may be of any size.
    const sha256 = unreadSha256(key, versionId, read.eTag);
    const receivedAt = receivedAtOf(record, read.metadata, ctx.trustSubmittedAt, ctx.now);
    const receipt = refusalReceipt(
      { key, location, sha256, bytes: read.bytes, receivedAt },
      tooLarge(read.bytes, maxBytes),
    );
    const object = { bytes: { byteLength: read.bytes }, eTag: read.eTag };
    return settle(ctx, record, upload, { versionId, sha256, receivedAt, object }, { receipt, rows: [] });
  }
  const { object } = read;
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
    // Only coverage carries a target of its own; the other datasets never read the reference.
    targets: location.dataset === 'coverage' ? await ctx.targets() : undefined,
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
  const { receipt, rows } = validated;
  // The lake file exists before the ledger record, which carries the checksum of its bytes.
  const lake =
    validated.lake ??
    (receipt.status === 'accepted'
      ? await prepareLakeFile(location.dataset, location.period, rows, ctx.tmpDir ?? tmpdir())
      : undefined);
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
      rows_sha256: receipt.status === 'accepted' ? (lake?.rowsSha256 ?? null) : null,
      etag: (object.eTag ?? record.s3.object.eTag ?? '').replaceAll('"', '') || null,
    };
    // The sign-off records matter only to an accepted upload: they may hold it (its receipt says
    // so) or leave it the one that counts.
    const standing =
      own.status === 'accepted'
        ? standingWithOwn(location, ledger, own, await listApprovals(ctx.s3, ctx.lakeBucket, location))
        : undefined;
    const told = standing ? withHoldNote(receipt, own, standing) : receipt;
    // A held upload replaced nothing in the lake; its record names the approved upload it would
    // replace once the month is reopened (the ledger-only decision would name the latest accepted).
    const held = standing ? heldAgainst(own, standing) : undefined;
    const recorded: LedgerRecord = held ? { ...own, supersedes: held.upload_id } : own;
    await putJsonObject(
      ctx.s3,
      ctx.lakeBucket,
      receiptKey(location.dataset, location.period, location.province, uploadId),
      told,
    );
    const ledgerKey = await putLedgerRecord(ctx.s3, ctx.lakeBucket, recorded);
    // Nothing of this upload can be in the lake yet and, under the full rule, it is the one that
    // counts: the first round writes it without reading the ledger and the stamp again.
    const writesFirst =
      standing?.counted?.upload_id === uploadId && !ledger.some((r) => r.upload_id === uploadId);
    const lakeWritten =
      decision.status === 'rejected'
        ? false
        : await reconcileLake(ctx, location, { uploadId, rows, lake, writesFirst });
    return { uploadId, status: decision.status, lakeWritten, ledgerKey, receipt: told };
  } finally {
    await lake?.dispose();
  }
}
