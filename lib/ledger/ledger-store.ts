import { ListObjectsCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import type { DatasetName } from '../datasets/index.ts';
import { StorageError } from '../errors.ts';
import { LEDGER_PREFIX, ledgerKey } from '../layout.ts';
import { ledgerRecord, type LedgerRecord } from '../ledger-record.ts';
import type { Period } from '../period.ts';
import { readObject } from '../storage/object-bytes.ts';

export interface ProvinceMonth {
  dataset: DatasetName;
  period: Period;
  province: string;
}

/** Every ledger record of one province-month (a handful: one per upload). */
export async function listLedger(s3: S3Client, bucket: string, pm: ProvinceMonth): Promise<LedgerRecord[]> {
  const prefix = `${LEDGER_PREFIX}${pm.dataset}/${pm.period}/${pm.province}/`;
  const keys: string[] = [];
  try {
    // ListObjects (v1) with a marker: s3rver cannot page ListObjectsV2, and AWS pages both alike.
    let marker: string | undefined;
    for (;;) {
      const page = await s3.send(new ListObjectsCommand({ Bucket: bucket, Prefix: prefix, Marker: marker }));
      const pageKeys = (page.Contents ?? []).flatMap((o) => (o.Key ? [o.Key] : []));
      keys.push(...pageKeys.filter((k) => k.endsWith('.json')));
      if (!page.IsTruncated || pageKeys.length === 0) break;
      marker = pageKeys.at(-1);
    }
  } catch (error) {
    throw new StorageError(`cannot list s3://${bucket}/${prefix}`, { cause: error });
  }
  return Promise.all(keys.map((key) => readLedgerRecord(s3, bucket, key)));
}

async function readLedgerRecord(s3: S3Client, bucket: string, key: string): Promise<LedgerRecord> {
  const { bytes } = await readObject(s3, bucket, key);
  const parsed = ledgerRecord.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
  if (!parsed.success) throw new StorageError(`ledger record s3://${bucket}/${key} is malformed`);
  return parsed.data;
}

/** Checks the record against the contract before it becomes part of the ledger. */
export async function putLedgerRecord(s3: S3Client, bucket: string, record: LedgerRecord): Promise<string> {
  const checked = ledgerRecord.parse(record);
  const key = ledgerKey(checked.dataset as DatasetName, checked.period, checked.province, checked.upload_id);
  try {
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: JSON.stringify(checked),
        ContentType: 'application/json',
      }),
    );
  } catch (error) {
    throw new StorageError(`cannot write s3://${bucket}/${key}`, { cause: error });
  }
  return key;
}
