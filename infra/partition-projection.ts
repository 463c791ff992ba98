/**
 * Partition projection parameters for the lake tables. Athena computes partitions from these
 * instead of asking Glue, so an upload is queryable the moment its Parquet object lands; no
 * crawler and no MSCK REPAIR. The template must describe the same path as core/contracts/layout.ts lakeKey().
 */
import {
  compactedLakeFolder,
  compactedSummaryFolder,
  LEDGER_COMPACTED_PREFIX,
  lakeDatasetPrefix,
  lakePartitionFolder,
  SUMMARIES_PREFIX,
  summaryPartitionFolder,
} from '../core/contracts/layout.ts';
import { FIRST_PERIOD } from '../core/period.ts';
import { DATASET_NAMES, type DatasetName } from '../core/datasets/index.ts';

/** s3://<bucket>/lake/<dataset>/ : where a lake table's objects live. */
export function lakeTableLocation(bucketName: string, dataset: DatasetName): string {
  return `s3://${bucketName}/${lakeDatasetPrefix(dataset)}`;
}

/** The folder of one province-month, with Athena's `${...}` placeholders for the keys. */
export function lakeLocationTemplate(bucketName: string, dataset: DatasetName): string {
  return `s3://${bucketName}/${lakePartitionFolder(dataset, '${period}', '${province}')}`;
}

/**
 * Where the projected months end. Athena evaluates NOW in UTC, but a period is a Vietnam month
 * (UTC+7): from 17:00 UTC on a month's last day Vietnam is already in the next one, and a
 * report for it must be readable. One month past NOW covers those seven hours (and no more:
 * every location projected is one an unpruned query lists). README, "Partition projection".
 */
export const PERIOD_PROJECTION_END = 'NOW+1MONTHS';

/** Period and province projection, shared by the lake and summary tables. */
function periodProvinceProjection(provinceCodes: readonly string[]): Record<string, string> {
  const codes = [...new Set(provinceCodes)].sort();
  if (codes.length === 0) throw new Error('partition projection needs at least one province code');
  return {
    'projection.enabled': 'true',
    'projection.period.type': 'date',
    'projection.period.format': 'yyyy-MM',
    'projection.period.range': `${FIRST_PERIOD},${PERIOD_PROJECTION_END}`,
    'projection.period.interval': '1',
    'projection.period.interval.unit': 'MONTHS',
    'projection.province.type': 'enum',
    'projection.province.values': codes.join(','),
  };
}

/**
 * Table parameters turning on projection. `provinceCodes` is the union of both generations'
 * codes (63 before the 2025 merger, 34 after; the 34 reuse old codes), each once.
 */
export function projectionParameters(
  bucketName: string,
  dataset: DatasetName,
  provinceCodes: readonly string[],
): Record<string, string> {
  return {
    ...periodProvinceProjection(provinceCodes),
    'storage.location.template': lakeLocationTemplate(bucketName, dataset),
  };
}

/**
 * Projection of a dataset's compacted months (`<dataset>_compacted`): the month alone is a key,
 * the province a column of the object (layout.ts compactedLakeKey). A month not compacted projects
 * a folder with no object, which Athena reads as no rows.
 */
function periodProjection(): Record<string, string> {
  const {
    'projection.province.type': _type,
    'projection.province.values': _values,
    ...period
  } = periodProvinceProjection(['01']);
  return period;
}

export function compactedProjectionParameters(
  bucketName: string,
  dataset: DatasetName,
): Record<string, string> {
  const period = periodProjection();
  return {
    ...period,
    'storage.location.template': `s3://${bucketName}/${compactedLakeFolder(dataset, '${period}')}`,
  };
}

/** s3://<bucket>/ledger-compacted/ : the compacted ledger months of every dataset (not partitioned). */
export function compactedLedgerTableLocation(bucketName: string): string {
  return `s3://${bucketName}/${LEDGER_COMPACTED_PREFIX}`;
}

/** s3://<bucket>/summaries/ : every dataset's summaries, one table with dataset as a key. */
export function summariesTableLocation(bucketName: string): string {
  return `s3://${bucketName}/${SUMMARIES_PREFIX}`;
}

/** The folder of one dataset's province-month summary, as core/contracts/layout.ts summaryKey() names it. */
export function summariesLocationTemplate(bucketName: string): string {
  return `s3://${bucketName}/${summaryPartitionFolder('${dataset}', '${period}', '${province}')}`;
}

/** Projection of vss.summaries: dataset as an enum of the defined datasets, then period and province. */
export function summariesProjectionParameters(
  bucketName: string,
  provinceCodes: readonly string[],
): Record<string, string> {
  return {
    ...periodProvinceProjection(provinceCodes),
    'projection.dataset.type': 'enum',
    'projection.dataset.values': DATASET_NAMES.join(','),
    'storage.location.template': summariesLocationTemplate(bucketName),
  };
}

/** Projection of `summaries_compacted`: dataset and month are keys, the province a column. */
export function compactedSummariesProjectionParameters(bucketName: string): Record<string, string> {
  return {
    ...periodProjection(),
    'projection.dataset.type': 'enum',
    'projection.dataset.values': DATASET_NAMES.join(','),
    'storage.location.template': `s3://${bucketName}/${compactedSummaryFolder('${dataset}', '${period}')}`,
  };
}
