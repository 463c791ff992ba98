/**
 * Every upload a province ever sent, from the ledger, newest first: the officer's history is not
 * only the month on screen. The ledger is keyed dataset/period/province, so the months in which
 * the province has records are found first and only its folder of each is read; the records
 * themselves come through listLedger's cache.
 */
import { ListObjectsCommand, type S3Client } from '@aws-sdk/client-s3';
import { DATASET_NAMES, type DatasetName } from '../../core/datasets/index.ts';
import { StorageError } from '../../core/errors.ts';
import { ledgerDatasetPrefix } from '../../core/contracts/layout.ts';
import { parseLedgerKey } from '../../core/contracts/layout-parse.ts';
import type { LedgerRecord } from '../../core/contracts/ledger-record.ts';
import type { HistoryEntry } from '../../core/contracts/due-report.ts';
import { listLedger } from '../ledger/ledger-store.ts';
import type { Period } from '../../core/period.ts';

/**
 * The months of `dataset` in which `province` has ledger records. A delimited listing would name
 * the months alone, but the local S3 (s3rver) answers it with nothing, so the dataset's keys are
 * listed in full (a few thousand a year) and only this province's are kept.
 */
async function provincePeriods(
  s3: S3Client,
  bucket: string,
  dataset: DatasetName,
  province: string,
): Promise<Period[]> {
  const prefix = ledgerDatasetPrefix(dataset);
  const periods = new Set<Period>();
  try {
    // ListObjects (v1) with a marker, as the ledger store pages: s3rver cannot page ListObjectsV2.
    let marker: string | undefined;
    for (;;) {
      const page = await s3.send(new ListObjectsCommand({ Bucket: bucket, Prefix: prefix, Marker: marker }));
      const contents = page.Contents ?? [];
      for (const o of contents) {
        const parts = parseLedgerKey(o.Key ?? '');
        if (parts?.province === province) periods.add(parts.period);
      }
      if (!page.IsTruncated || contents.length === 0) break;
      marker = contents.at(-1)?.Key;
    }
  } catch (error) {
    throw new StorageError(`cannot list s3://${bucket}/${prefix}`, { cause: error });
  }
  return [...periods];
}

export function historyEntry(record: LedgerRecord, dataset: DatasetName, period: Period): HistoryEntry {
  return {
    dataset,
    period,
    key: record.key,
    fileName: record.file_name,
    sha256: record.sha256,
    receivedAt: record.received_at,
    status: record.status,
    rowsRead: record.rows_read,
    rowsAccepted: record.rows_accepted,
    errorCount: record.error_count,
  };
}

export async function provinceHistory(
  s3: S3Client,
  bucket: string,
  province: string,
): Promise<HistoryEntry[]> {
  const perDataset = await Promise.all(
    DATASET_NAMES.map(async (dataset) => {
      const periods = await provincePeriods(s3, bucket, dataset, province);
      const perPeriod = await Promise.all(
        periods.map(async (period) =>
          (await listLedger(s3, bucket, { dataset, period, province })).map((r) =>
            historyEntry(r, dataset, period),
          ),
        ),
      );
      return perPeriod.flat();
    }),
  );
  return perDataset.flat().sort((a, b) => b.receivedAt.localeCompare(a.receivedAt));
}
