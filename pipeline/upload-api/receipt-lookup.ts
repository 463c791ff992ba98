/**
 * Finding the receipt of one upload the page just sent. The receipt's name derives from the
 * upload id (key, S3 version, bytes), which the page cannot know; the ledger record written after
 * the receipt carries key and checksum, so the receipt exists as soon as the record does.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { receiptKey, type UploadLocation } from '../../core/contracts/layout.ts';
import type { LedgerRecord } from '../../core/contracts/ledger-record.ts';
import { listLedger } from '../ledger/ledger-store.ts';
import type { Receipt } from '../../core/contracts/receipt.ts';
import { readObject } from '../storage/object-bytes.ts';

/**
 * The latest ledger record of `key` with these bytes, if the ingest has handled it yet; with
 * `after` (an ISO instant), only a record ingested since then.
 */
export async function findUploadRecord(
  s3: S3Client,
  lakeBucket: string,
  location: UploadLocation,
  key: string,
  sha256: string,
  after?: string,
): Promise<LedgerRecord | undefined> {
  const records = await listLedger(s3, lakeBucket, location);
  const since = after === undefined ? Number.NEGATIVE_INFINITY : Date.parse(after);
  return records
    .filter((r) => r.key === key && r.sha256 === sha256)
    .filter((r) => !(Date.parse(r.ingested_at) < since)) // an unreadable `after` filters nothing
    .sort((a, b) => a.ingested_at.localeCompare(b.ingested_at))
    .at(-1);
}

export async function readReceipt(s3: S3Client, lakeBucket: string, record: LedgerRecord): Promise<Receipt> {
  const key = receiptKey(
    record.dataset as UploadLocation['dataset'],
    record.period,
    record.province,
    record.upload_id,
  );
  const { bytes } = await readObject(s3, lakeBucket, key);
  // Written by our own ingest from the Receipt type; the portal passes it through to the page.
  return JSON.parse(new TextDecoder().decode(bytes)) as Receipt;
}
