/**
 * What ingest does with a file it cannot check: it answers with a receipt that says so and
 * records a rejection, so the event ends (no retry loop) and the province knows to resubmit.
 * Three ways in: a size over the limit seen in the GET's headers (the body is never read), a
 * validator that throws, and a file that killed the checker (out of memory, timeout) on earlier
 * attempts, which the attempt marker written before each validation remembers.
 */
import { createHash, randomUUID } from 'node:crypto';
import { DeleteObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { StorageError } from '../../core/errors.ts';
import { putJsonObject } from '../storage/object-bytes.ts';
import { attemptsPrefix, offContractReceiptKey, type UploadLocation } from '../../core/contracts/layout.ts';
import { RULE_MESSAGES, type RuleId } from '../../core/messages/index.ts';
import type { Receipt } from '../../core/contracts/receipt.ts';
import { deleteAll, listObjects } from '../storage/list-objects.ts';

/** Validations a file may die in before it is parked; Lambda tries an event three times. */
export const MAX_VALIDATION_ATTEMPTS = 2;

export interface Refusal {
  rule: Extract<RuleId, 'file.too_large' | 'file.unprocessable'>;
  expected: string;
  found: string;
  message: { vi: string; en: string };
}

export function tooLarge(bytes: number, max: number): Refusal {
  return {
    rule: 'file.too_large',
    expected: `<= ${max}`,
    found: String(bytes),
    message: RULE_MESSAGES['file.too_large']({ bytes, max }),
  };
}

export function unprocessable(detail: string): Refusal {
  return {
    rule: 'file.unprocessable',
    expected: 'a file the checker can finish',
    found: detail.slice(0, 200),
    message: RULE_MESSAGES['file.unprocessable']({ detail: detail.slice(0, 200) }),
  };
}

/** The receipt of a parked file: rejected, no rows, one file-level error. */
export function refusalReceipt(
  upload: { key: string; location: UploadLocation; sha256: string; bytes: number; receivedAt: string },
  refusal: Refusal,
): Receipt {
  const { location } = upload;
  return {
    upload: {
      key: upload.key,
      dataset: location.dataset,
      province: location.province,
      period: location.period,
      sha256: upload.sha256,
      bytes: upload.bytes,
      received_at: upload.receivedAt,
    },
    status: 'rejected',
    rows: { read: 0, accepted: 0, rejected: 0 },
    totals: {},
    errors: [
      {
        sheet: null,
        row: null,
        column: null,
        rule: refusal.rule,
        expected: refusal.expected,
        found: refusal.found,
        message_vi: refusal.message.vi,
        message_en: refusal.message.en,
      },
    ],
    warnings: [],
  };
}

/** Stands for the bytes of a file that was never read: its key, version and ETag, hashed. */
export function unreadSha256(key: string, versionId: string | undefined, eTag: string | undefined): string {
  return createHash('sha256')
    .update(['unread', key, versionId ?? '', eTag ?? ''].join('\n'))
    .digest('hex');
}

/**
 * Before a validation: how many earlier ones never returned (their markers are still there), and,
 * unless that is already the limit, a marker of its own. Each attempt has its own marker, so a
 * write reported lost that did land, or a retry, cannot count twice; a failed write is taken back.
 */
export async function beginValidation(
  s3: S3Client,
  bucket: string,
  location: UploadLocation,
  uploadId: string,
): Promise<{ earlier: number; marker?: string }> {
  const prefix = attemptsPrefix(location, uploadId);
  const earlier = (await listObjects(s3, bucket, prefix)).length;
  if (earlier >= MAX_VALIDATION_ATTEMPTS) return { earlier };
  const marker = `${prefix}${randomUUID()}.json`;
  try {
    await s3.send(new PutObjectCommand({ Bucket: bucket, Key: marker, Body: '{}' }));
  } catch (error) {
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: marker })).catch(() => undefined);
    throw new StorageError(`cannot write s3://${bucket}/${marker}`, { cause: error });
  }
  return { earlier, marker };
}

/**
 * The validator returned: its marker goes. Tried a few times and then given up on rather than
 * failing the event: a marker left behind costs one attempt, a failed event would cost one too.
 */
export async function endValidation(s3: S3Client, bucket: string, marker: string | undefined): Promise<void> {
  if (!marker) return;
  for (let tries = 0; tries < 3; tries += 1) {
    try {
      await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: marker }));
      return;
    } catch {
      // S3 answered with an error or not at all: try again, then leave it.
    }
  }
}

/** A parked upload: its markers are no longer needed. */
export async function clearValidations(
  s3: S3Client,
  bucket: string,
  location: UploadLocation,
  uploadId: string,
): Promise<void> {
  await deleteAll(s3, bucket, attemptsPrefix(location, uploadId));
}

/** Where the refusal of a key outside the upload contract is kept: named by the key's hash. */
export function offContractKey(rawKey: string): string {
  return offContractReceiptKey(createHash('sha256').update(rawKey).digest('hex').slice(0, 32));
}

/**
 * A key under uploads/ that is not of the contract's shape (a subfolder, a bad period, no
 * province) is never validated, but it is answered: a refusal naming the key, for the operator
 * and for `vss doctor`, instead of a log line nobody reads.
 */
export async function refuseOffContract(
  s3: S3Client,
  bucket: string,
  rawKey: string,
  receivedAt: string,
): Promise<string> {
  const message = RULE_MESSAGES['file.off_contract']({ key: rawKey });
  const key = offContractKey(rawKey);
  const refusal = {
    key: rawKey,
    received_at: receivedAt,
    status: 'rejected',
    rule: 'file.off_contract',
    message_vi: message.vi,
    message_en: message.en,
  };
  await putJsonObject(s3, bucket, key, refusal);
  return key;
}
