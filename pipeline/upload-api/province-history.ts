/**
 * Every upload a province ever sent, from the ledger, newest first: the officer's history is not
 * only the month on screen. The ledger is keyed dataset/period/province, so the months in which
 * the province has records are found first and only its folder of each is read; the records
 * themselves come through listLedger's cache.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { DATASET_NAMES, type DatasetName } from '../../core/datasets/index.ts';
import { closedLedgerDatasetPrefix, ledgerDatasetPrefix } from '../../core/contracts/layout.ts';
import { parseClosedLedgerKey, parseLedgerKey } from '../../core/contracts/layout-parse.ts';
import type { LedgerRecord } from '../../core/contracts/ledger-record.ts';
import type { HistoryEntry } from '../../core/contracts/due-report.ts';
import { listLedger, listRecordKeys } from '../ledger/ledger-store.ts';
import type { Period } from '../../core/period.ts';

/**
 * The months of `dataset` in which `province` has ledger records, under ledger/ or (a compacted
 * closed month) archived under ledger-closed/. A delimited listing would name the months alone,
 * but the local S3 (s3rver) answers it with nothing, so the dataset's keys are listed in full (a
 * few thousand a year) and only this province's are kept.
 */
async function provincePeriods(
  s3: S3Client,
  bucket: string,
  dataset: DatasetName,
  province: string,
): Promise<Period[]> {
  const [live, archived] = await Promise.all([
    listRecordKeys(s3, bucket, ledgerDatasetPrefix(dataset)),
    listRecordKeys(s3, bucket, closedLedgerDatasetPrefix(dataset)),
  ]);
  const periods = new Set<Period>();
  for (const parts of [
    ...live.map((o) => parseLedgerKey(o.key)),
    ...archived.map((o) => parseClosedLedgerKey(o.key)),
  ]) {
    if (parts?.province === province) periods.add(parts.period);
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
