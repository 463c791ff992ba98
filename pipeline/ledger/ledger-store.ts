import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { DatasetName } from '../../core/datasets/index.ts';
import { StorageError } from '../../core/errors.ts';
import { closedLedgerMonthPrefix, ledgerKey, ledgerMonthPrefix } from '../../core/contracts/layout.ts';
import { ledgerRecord, type LedgerRecord } from '../../core/contracts/ledger-record.ts';
import type { Period } from '../../core/period.ts';
import { listObjects } from '../storage/list-objects.ts';
import { readObject } from '../storage/object-bytes.ts';

export interface ProvinceMonth {
  dataset: DatasetName;
  period: Period;
  province: string;
}

/**
 * Records already read, by bucket, key and ETag: an ETag names one content, so a hit is always
 * right, and ingest, which lists a province-month's ledger several times per upload, reads each
 * record once. Bounded, since a long-lived process sees many province-months.
 */
const recordCache = new Map<string, LedgerRecord>();
const CACHE_LIMIT = 50_000;
const cacheKey = (bucket: string, key: string, eTag: string) =>
  `${bucket}\n${key}\n${eTag.replaceAll('"', '')}`;
function remember(id: string, record: LedgerRecord): void {
  if (recordCache.size >= CACHE_LIMIT) recordCache.clear();
  recordCache.set(id, record);
}

/**
 * Every ledger record of one province-month (a handful: one per upload): those under ledger/ and
 * those a compaction of the closed month archived under ledger-closed/ (compact-ledger-month.ts),
 * listed in parallel. A record found in both (a compaction stopped between the copy and the
 * removal) is one record: the ledger/ copy is taken, the two holding the same bytes.
 */
export async function listLedger(s3: S3Client, bucket: string, pm: ProvinceMonth): Promise<LedgerRecord[]> {
  const [live, archived] = await Promise.all([
    listRecordKeys(s3, bucket, ledgerMonthPrefix(pm.dataset, pm.period, pm.province)),
    listRecordKeys(s3, bucket, closedLedgerMonthPrefix(pm.dataset, pm.period, pm.province)),
  ]);
  const [liveRecords, archivedRecords] = await Promise.all([
    readRecords(s3, bucket, live),
    readRecords(s3, bucket, archived),
  ]);
  const seen = new Set(liveRecords.map((r) => r.upload_id));
  return [...liveRecords, ...archivedRecords.filter((r) => !seen.has(r.upload_id))];
}

type ListedRecord = { key: string; eTag: string };

/** The `.json` objects under a prefix, with their ETags. */
export async function listRecordKeys(s3: S3Client, bucket: string, prefix: string): Promise<ListedRecord[]> {
  return (await listObjects(s3, bucket, prefix)).filter((o) => o.key.endsWith('.json'));
}

function readRecords(s3: S3Client, bucket: string, keys: readonly ListedRecord[]): Promise<LedgerRecord[]> {
  return Promise.all(
    keys.map(async ({ key, eTag }) => {
      const id = cacheKey(bucket, key, eTag);
      const cached = eTag ? recordCache.get(id) : undefined;
      if (cached) return cached;
      const record = await readLedgerRecord(s3, bucket, key);
      if (eTag) remember(id, record);
      return record;
    }),
  );
}

export async function readLedgerRecord(s3: S3Client, bucket: string, key: string): Promise<LedgerRecord> {
  return parseLedgerRecord(bucket, key, (await readObject(s3, bucket, key)).bytes);
}

/** A record's bytes read against the contract; anything else is a StorageError naming the object. */
export function parseLedgerRecord(bucket: string, key: string, bytes: Uint8Array): LedgerRecord {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder().decode(bytes));
  } catch {
    json = undefined;
  }
  const parsed = ledgerRecord.safeParse(json);
  if (!parsed.success) throw new StorageError(`ledger record s3://${bucket}/${key} is malformed`);
  return parsed.data;
}

/** Checks the record against the contract before it becomes part of the ledger. */
export async function putLedgerRecord(s3: S3Client, bucket: string, record: LedgerRecord): Promise<string> {
  const checked = ledgerRecord.parse(record);
  const key = ledgerKey(checked.dataset as DatasetName, checked.period, checked.province, checked.upload_id);
  try {
    const put = await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: JSON.stringify(checked),
        ContentType: 'application/json',
      }),
    );
    if (put.ETag) remember(cacheKey(bucket, key, put.ETag), checked);
  } catch (error) {
    throw new StorageError(`cannot write s3://${bucket}/${key}`, { cause: error });
  }
  return key;
}
