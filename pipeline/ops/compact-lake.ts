/**
 * `vss compact`: every closed month (pipeline/lake/closed-month.ts) of every dataset that still
 * has per-province objects is compacted into one object per dataset and month (compact-month.ts),
 * and so is its ledger, where JSON records are still under ledger/ (compact-ledger-month.ts).
 * Months already compacted and not written since are passed over without a read (nothing of
 * theirs is left under the prefixes listed); a month a re-upload wrote again is compacted again,
 * folding the new objects in.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { DATASET_NAMES, type DatasetName } from '../../core/datasets/index.ts';
import { LAKE_PREFIX, ledgerDatasetPrefix, SUMMARIES_PREFIX } from '../../core/contracts/layout.ts';
import { parseLakeKey, parseLedgerKey, parseSummaryKey } from '../../core/contracts/layout-parse.ts';
import type { Period } from '../../core/period.ts';
import { closedMonthsOf } from '../lake/closed-month.ts';
import { compactMonth, type CompactedMonth } from '../lake/compact-month.ts';
import { compactLedgerMonth, type CompactedLedgerMonth } from '../ledger/compact-ledger-month.ts';
import { listObjects } from '../storage/list-objects.ts';

export interface CompactLakeOptions {
  s3: S3Client;
  lakeBucket: string;
  /** Compact months before this one (never an open month); default: every closed month. */
  before?: Period;
  /** Only these datasets; default all. */
  datasets?: readonly DatasetName[];
  now?: Date;
  tmpDir?: string;
  onMonth?: (done: CompactedDatasetMonth) => void;
  /** Asked before each month: true ends the run there (a Lambda near its timeout); the next run continues. */
  shouldStop?: () => boolean;
}

/** One dataset-month compacted: its lake and summaries, and its ledger. */
export interface CompactedDatasetMonth extends CompactedMonth {
  ledger: Omit<CompactedLedgerMonth, 'dataset' | 'period'>;
}

const NOTHING = { provinces: 0, folded: 0, removed: 0, bytes: 0 };

/** The dataset-months that still have per-province lake or summary objects, first to last. */
export async function monthsWithProvinceObjects(
  s3: S3Client,
  bucket: string,
  dataset: DatasetName,
): Promise<Period[]> {
  const months = new Set<Period>();
  for (const o of await listObjects(s3, bucket, `${LAKE_PREFIX}${dataset}/period=`)) {
    const parts = parseLakeKey(o.key);
    if (parts) months.add(parts.period);
  }
  for (const o of await listObjects(s3, bucket, `${SUMMARIES_PREFIX}${dataset}/period=`)) {
    const parts = parseSummaryKey(o.key);
    if (parts) months.add(parts.period);
  }
  return [...months].sort();
}

/** The dataset-months that still have JSON ledger records under ledger/, first to last. */
export async function monthsWithLedgerRecords(
  s3: S3Client,
  bucket: string,
  dataset: DatasetName,
): Promise<Period[]> {
  const months = new Set<Period>();
  for (const o of await listObjects(s3, bucket, ledgerDatasetPrefix(dataset))) {
    const parts = parseLedgerKey(o.key);
    if (parts) months.add(parts.period);
  }
  return [...months].sort();
}

export async function compactLake(o: CompactLakeOptions): Promise<CompactedDatasetMonth[]> {
  const now = o.now ?? new Date();
  const done: CompactedDatasetMonth[] = [];
  for (const dataset of o.datasets ?? DATASET_NAMES) {
    const lakeMonths = new Set(await monthsWithProvinceObjects(o.s3, o.lakeBucket, dataset));
    const ledgerMonths = new Set(await monthsWithLedgerRecords(o.s3, o.lakeBucket, dataset));
    for (const period of closedMonthsOf([...lakeMonths, ...ledgerMonths], { now, before: o.before })) {
      if (o.shouldStop?.()) return done;
      const month = { s3: o.s3, bucket: o.lakeBucket, dataset, period, tmpDir: o.tmpDir };
      const lake = lakeMonths.has(period)
        ? await compactMonth(month)
        : { dataset, period, lake: NOTHING, summaries: NOTHING };
      const ledger = ledgerMonths.has(period)
        ? await compactLedgerMonth(month)
        : { records: 0, folded: 0, moved: 0, bytes: 0 };
      const compacted: CompactedDatasetMonth = {
        ...lake,
        ledger: { records: ledger.records, folded: ledger.folded, moved: ledger.moved, bytes: ledger.bytes },
      };
      done.push(compacted);
      o.onMonth?.(compacted);
    }
  }
  return done;
}
