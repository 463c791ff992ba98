/**
 * Compacts one closed dataset-month of the ledger (pipeline/lake/closed-month.ts): every JSON
 * record of the month, all provinces, becomes one row of ONE Parquet object,
 * `ledger-compacted/<dataset>/period=<YYYY-MM>/records.parquet`, which Athena's
 * `uploads_compacted` table reads; then each JSON record folded in is moved from ledger/ to
 * ledger-closed/ (same rest of the key, same bytes), outside every Glue table. The pipeline keeps
 * reading JSON per province-month (listLedger reads both prefixes), since the upload API has no
 * Parquet reader.
 *
 * How readers see the month (`vss.uploads`, both engines): the JSON records under ledger/, and the
 * compacted rows whose upload_id has no JSON record there. So:
 * - the Parquet object is written first (one PUT, after it was read back whole): before it, the
 *   JSON is all there is; after it, a record in both is counted once;
 * - only then is each record moved: copied to the archive, then removed from ledger/ if it is
 *   still the object read (its ETag). A crash anywhere leaves every record readable once: before
 *   the PUT the JSON is in place, after it a record is in the Parquet and in ledger/, the archive
 *   or both, and a rerun dedupes by upload_id and finishes the moves;
 * - a re-upload of the month writes a new JSON record under ledger/ as always; the next
 *   compaction rewrites the Parquet with every record of the month, archived and new.
 */
import { randomUUID } from 'node:crypto';
import { mkdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { CopyObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { DatasetName } from '../../core/datasets/index.ts';
import {
  closedLedgerKey,
  closedLedgerPeriodPrefix,
  compactedLedgerKey,
  ledgerPeriodPrefix,
} from '../../core/contracts/layout.ts';
import { parseClosedLedgerKey, parseLedgerKey } from '../../core/contracts/layout-parse.ts';
import type { LedgerRecord } from '../../core/contracts/ledger-record.ts';
import { StorageError } from '../../core/errors.ts';
import type { Period } from '../../core/period.ts';
import { lakeDuckDB } from '../lake/duckdb-instance.ts';
import { removeIfUnchanged } from '../storage/remove-if-unchanged.ts';
import { putParquetObject, readObject } from '../storage/object-bytes.ts';
import { listRecordKeys, parseLedgerRecord, readLedgerRecord } from './ledger-store.ts';
import { writeLedgerParquet } from './ledger-parquet.ts';

export interface CompactLedgerMonthOptions {
  s3: S3Client;
  bucket: string;
  dataset: DatasetName;
  period: Period;
  tmpDir?: string;
}

export interface CompactedLedgerMonth {
  dataset: DatasetName;
  period: Period;
  /** Records the compacted object holds; records read from ledger/ now; those moved out of it. */
  records: number;
  folded: number;
  moved: number;
  bytes: number;
}

/** A JSON record read from ledger/, with the ETag it was read at. */
interface LiveRecord {
  key: string;
  eTag: string;
  record: LedgerRecord;
}

/** Compacts the ledger of one dataset-month; a repeat does no harm. */
export async function compactLedgerMonth(o: CompactLedgerMonthOptions): Promise<CompactedLedgerMonth> {
  const none = { dataset: o.dataset, period: o.period, records: 0, folded: 0, moved: 0, bytes: 0 };
  const [listedLive, listedArchived] = await Promise.all([
    listRecordKeys(o.s3, o.bucket, ledgerPeriodPrefix(o.dataset, o.period)),
    listRecordKeys(o.s3, o.bucket, closedLedgerPeriodPrefix(o.dataset, o.period)),
  ]);
  // Only keys of the contract's shape: anything else under the prefix stays where it is.
  const liveKeys = listedLive.filter((l) => parseLedgerKey(l.key));
  if (liveKeys.length === 0) return none;
  const live = await Promise.all(liveKeys.map(({ key }) => readLive(o, key)));
  const seen = new Set(live.map((l) => l.record.upload_id));
  const archived = await Promise.all(
    listedArchived
      .filter((l) => parseClosedLedgerKey(l.key))
      .map(({ key }) => readLedgerRecord(o.s3, o.bucket, key)),
  );
  const records = [...live.map((l) => l.record), ...archived.filter((r) => !seen.has(r.upload_id))];

  const scratch = join(o.tmpDir ?? tmpdir(), `vss-compact-ledger-${process.pid}-${randomUUID()}`);
  await mkdir(scratch, { recursive: true });
  let body: Buffer;
  try {
    const out = join(scratch, 'records.parquet');
    const connection = await (await lakeDuckDB()).connect();
    try {
      await writeLedgerParquet(connection, records, join(scratch, 'records.jsonl'), out);
    } finally {
      connection.closeSync();
    }
    body = await readFile(out);
  } finally {
    await rm(scratch, { recursive: true, force: true });
  }
  const key = compactedLedgerKey(o.dataset, o.period);
  await putParquetObject(o.s3, o.bucket, key, body, { records: String(records.length) });
  let moved = 0;
  for (const folded of live) if (await moveToArchive(o, folded)) moved++;
  return { ...none, records: records.length, folded: live.length, moved, bytes: body.byteLength };
}

async function readLive(o: CompactLedgerMonthOptions, key: string): Promise<LiveRecord> {
  const object = await readObject(o.s3, o.bucket, key);
  // A malformed record stops the month: it is `vss doctor`'s to report, not compaction's to drop.
  return { key, eTag: object.eTag ?? '', record: parseLedgerRecord(o.bucket, key, object.bytes) };
}

/**
 * Copies the record to the archive (the copy is of the very object read, If-Match its ETag), then
 * removes it from ledger/ unless it changed since. False when it stays: then it still counts
 * from ledger/, and the next compaction folds it in.
 */
async function moveToArchive(o: CompactLedgerMonthOptions, folded: LiveRecord): Promise<boolean> {
  const parts = parseLedgerKey(folded.key);
  if (!parts) return false;
  const target = closedLedgerKey(parts.dataset, parts.period, parts.province, parts.uploadId);
  try {
    await o.s3.send(
      new CopyObjectCommand({
        Bucket: o.bucket,
        Key: target,
        CopySource: `${o.bucket}/${folded.key.split('/').map(encodeURIComponent).join('/')}`,
        CopySourceIfMatch: folded.eTag,
        MetadataDirective: 'COPY',
      }),
    );
  } catch (error) {
    if (error instanceof Error && ['PreconditionFailed', 'NoSuchKey', 'NotFound'].includes(error.name))
      return false;
    throw new StorageError(`cannot copy s3://${o.bucket}/${folded.key} to ${target}`, { cause: error });
  }
  return removeIfUnchanged(o.s3, o.bucket, folded.key, folded.eTag);
}
