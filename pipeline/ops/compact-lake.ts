/**
 * `vss compact`: every closed month (pipeline/lake/closed-month.ts) of every dataset that still
 * has per-province objects is compacted into one object per dataset and month (compact-month.ts).
 * Months already compacted and not written since are passed over without a read; a month a
 * re-upload wrote again is compacted again, folding the new object in.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { DATASET_NAMES, type DatasetName } from '../../core/datasets/index.ts';
import { LAKE_PREFIX, SUMMARIES_PREFIX } from '../../core/contracts/layout.ts';
import { parseLakeKey, parseSummaryKey } from '../../core/contracts/layout-parse.ts';
import type { Period } from '../../core/period.ts';
import { closedMonthsOf } from '../lake/closed-month.ts';
import { compactMonth, type CompactedMonth } from '../lake/compact-month.ts';
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
  onMonth?: (done: CompactedMonth) => void;
  /** Asked before each month: true ends the run there (a Lambda near its timeout); the next run continues. */
  shouldStop?: () => boolean;
}

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

export async function compactLake(o: CompactLakeOptions): Promise<CompactedMonth[]> {
  const now = o.now ?? new Date();
  const done: CompactedMonth[] = [];
  for (const dataset of o.datasets ?? DATASET_NAMES) {
    const months = await monthsWithProvinceObjects(o.s3, o.lakeBucket, dataset);
    for (const period of closedMonthsOf(months, { now, before: o.before })) {
      if (o.shouldStop?.()) return done;
      const month = await compactMonth({ s3: o.s3, bucket: o.lakeBucket, dataset, period, tmpDir: o.tmpDir });
      done.push(month);
      o.onMonth?.(month);
    }
  }
  return done;
}
