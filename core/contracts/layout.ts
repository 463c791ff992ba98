/**
 * Where things live, in S3 and in the local data directory. Every key the pipeline reads or
 * writes is built here, so the ingest, the queries, the Glue tables and the tests agree.
 *
 *   uploads bucket  uploads/<dataset>/<YYYY-MM>/<province>/<file name>     kept forever, never modified
 *   lake bucket     lake/<dataset>/period=<YYYY-MM>/province=<code>/data.parquet   one object per province-month
 *                   ledger/<dataset>/<YYYY-MM>/<province>/<upload id>.json        one immutable record per upload
 *                   ledger-compacted/<dataset>/period=<YYYY-MM>/records.parquet   a closed month's records in one object
 *                   ledger-closed/<dataset>/<YYYY-MM>/<province>/<upload id>.json the records compacted, bytes kept
 *                   receipts/<dataset>/<YYYY-MM>/<province>/<upload id>.json      the receipt sent to the province
 *                   summaries/<dataset>/period=<YYYY-MM>/province=<code>/summary.parquet   measures of the lake object
 *                   lake/<dataset>/compacted/period=<YYYY-MM>/data.parquet        a closed month's provinces in one object
 *                   summaries/<dataset>/compacted/period=<YYYY-MM>/summary.parquet   and their measures
 *                   attempts/<dataset>/<YYYY-MM>/<province>/<upload id>.json      validations begun, not finished
 *                   approvals/<YYYY-MM>/<province>/<approval id>.json            sign-off records (pipeline/approval/)
 *                   approvals/<YYYY-MM>/published/<snapshot id>.json             a month's published figures
 *                   annotated/<dataset>/<YYYY-MM>/<province>/<upload id>.xlsx    a workbook with its findings marked
 *                   targets/history.parquet     the national targets, every decision loaded (one object, replaced whole)
 *                   refresh-state/state.json                                      what the last refresh published, for the next
 *
 * The folder builders take plain strings so that the Athena projection templates and IAM globs
 * (infra/) are written with the same function as the keys, placeholders standing for the parts.
 */
import type { DatasetName } from '../datasets/index.ts';
import { isDatasetName } from '../datasets/index.ts';
import { isPeriod, type Period } from '../period.ts';

export interface UploadLocation {
  dataset: DatasetName;
  period: Period;
  province: string;
  fileName: string;
}

export const UPLOADS_PREFIX = 'uploads/';
export const LAKE_PREFIX = 'lake/';
export const LEDGER_PREFIX = 'ledger/';
/**
 * A closed month's ledger records, every province in one Parquet object
 * (pipeline/ledger/compact-ledger-month.ts): what Athena's `uploads_compacted` table reads.
 */
export const LEDGER_COMPACTED_PREFIX = 'ledger-compacted/';
/**
 * The JSON records a compaction folded in, moved here with their exact bytes: outside every Glue
 * table, so Athena reads them once (from the compacted object), while the pipeline, which reads
 * JSON per province-month (listLedger), still finds them.
 */
export const LEDGER_CLOSED_PREFIX = 'ledger-closed/';
export const RECEIPTS_PREFIX = 'receipts/';
export const SUMMARIES_PREFIX = 'summaries/';
/** Annotated workbooks handed out by a short-lived signed link; expired by a lifecycle rule. */
export const ANNOTATED_PREFIX = 'annotated/';
/** Ingest's count of validations begun and not finished, per upload (pipeline/ingest/park-upload.ts). */
export const ATTEMPTS_PREFIX = 'attempts/';
/** Sign-off records (approve, reopen, return, publish) of a province-month, every report at once. */
export const APPROVALS_PREFIX = 'approvals/';
/**
 * What the last refresh published (pipeline/refresh/stored-state.ts), so a new container can
 * recompute only the months that changed. In the lake bucket, not the site bucket: the site
 * bucket's data/ is what the pages are served from, and the state (each unit's accepted uploads
 * per month, the lake's ETags) is internal; the lake bucket is private, encrypted with the data
 * key, and already the refresh's input, so the grant stays beside what it reads.
 */
export const REFRESH_STATE_PREFIX = 'refresh-state/';
export const REFRESH_STATE_KEY = `${REFRESH_STATE_PREFIX}state.json`;

/**
 * The national targets (core/reference/targets.ts): every decision's rows in one Parquet object,
 * replaced whole by one PUT when a decision is loaded, so a reader sees the history before the
 * decision or after it, never part of it. Outside reference/, which the deploy rewrites and prunes.
 */
export const TARGETS_PREFIX = 'targets/';
export const TARGETS_KEY = `${TARGETS_PREFIX}history.parquet`;

/** A file name a province may use: no path separators, no leading dot, printable, not too long. */
const SAFE_FILE_NAME = /^(?!\.)[^/\\]{1,200}$/u;
const hasControlCharacter = (s: string) => [...s].some((c) => c.charCodeAt(0) < 0x20);

/** `uploads/<dataset>/<period>/<province>/`: one province-month's uploads, or a glob of them. */
export function uploadFolder(dataset: string, period: string, province: string): string {
  return `${UPLOADS_PREFIX}${dataset}/${period}/${province}/`;
}

export function uploadKey(loc: UploadLocation): string {
  return `${uploadFolder(loc.dataset, loc.period, loc.province)}${loc.fileName}`;
}

/** Reads an upload key; undefined when it is not of the contract's shape (never trust a key). */
export function parseUploadKey(key: string): UploadLocation | undefined {
  const parts = key.split('/');
  if (parts.length !== 5 || parts[0] !== 'uploads') return undefined;
  const [, dataset, period, province, fileName] = parts as [string, string, string, string, string];
  if (!isDatasetName(dataset) || !isPeriod(period) || !/^\d{2}$/.test(province)) return undefined;
  if (!SAFE_FILE_NAME.test(fileName) || hasControlCharacter(fileName)) return undefined;
  return { dataset, period, province, fileName };
}

/** One dataset's lake objects: `lake/<dataset>/`. */
export function lakeDatasetPrefix(dataset: DatasetName): string {
  return `${LAKE_PREFIX}${dataset}/`;
}

/** One dataset's lake objects of one month, or (period '') of every month: `lake/<dataset>/period=<YYYY-MM>/`. */
export function lakeMonthPrefix(dataset: DatasetName, period: Period | ''): string {
  return period === ''
    ? `${lakeDatasetPrefix(dataset)}period=`
    : `${lakeDatasetPrefix(dataset)}period=${period}/`;
}

/** `<prefix><dataset>/period=<period>/province=<province>/`: a Hive partition's folder. */
const partitionFolder = (prefix: string, dataset: string, period: string, province: string) =>
  `${prefix}${dataset}/period=${period}/province=${province}/`;

/** The folder of a lake object, or (with Athena's `${...}` placeholders) its projection template. */
export const lakePartitionFolder = (dataset: string, period: string, province: string) =>
  partitionFolder(LAKE_PREFIX, dataset, period, province);

/** The folder of a summary object, or its projection template. */
export const summaryPartitionFolder = (dataset: string, period: string, province: string) =>
  partitionFolder(SUMMARIES_PREFIX, dataset, period, province);

export function lakeKey(dataset: DatasetName, period: Period, province: string): string {
  return `${lakePartitionFolder(dataset, period, province)}data.parquet`;
}

/** The province-month's measures (pipeline/summary/), beside its lake object, so refresh never rescans detail. */
export function summaryKey(dataset: DatasetName, period: Period, province: string): string {
  return `${summaryPartitionFolder(dataset, period, province)}summary.parquet`;
}

/**
 * The folder of a closed month's compacted objects (pipeline/lake/compact-month.ts), or its
 * projection template: `<prefix><dataset>/compacted/period=<YYYY-MM>/`. Outside the
 * `period=`/`province=` folders on purpose, so no per-province glob or projection reads it.
 */
const compactedFolder = (prefix: string, dataset: string, period: string) =>
  `${prefix}${dataset}/${COMPACTED_FOLDER}/period=${period}/`;

/** The name of the folder that holds a dataset's compacted months, beside its `period=` folders. */
export const COMPACTED_FOLDER = 'compacted';

export const compactedLakeFolder = (dataset: string, period: string) =>
  compactedFolder(LAKE_PREFIX, dataset, period);

export const compactedSummaryFolder = (dataset: string, period: string) =>
  compactedFolder(SUMMARIES_PREFIX, dataset, period);

/** A closed month's lake rows of every province compacted, with a province column. */
export function compactedLakeKey(dataset: DatasetName, period: Period): string {
  return `${compactedLakeFolder(dataset, period)}data.parquet`;
}

/** The summaries of the compacted month, with a province column. */
export function compactedSummaryKey(dataset: DatasetName, period: Period): string {
  return `${compactedSummaryFolder(dataset, period)}summary.parquet`;
}

/** One dataset's ledger records: `ledger/<dataset>/`. */
export function ledgerDatasetPrefix(dataset: DatasetName): string {
  return `${LEDGER_PREFIX}${dataset}/`;
}

/** One dataset-month's ledger records, every province: `ledger/<dataset>/<YYYY-MM>/`. */
export function ledgerPeriodPrefix(dataset: DatasetName, period: Period): string {
  return `${ledgerDatasetPrefix(dataset)}${period}/`;
}

/** One province-month's ledger records: `ledger/<dataset>/<YYYY-MM>/<province>/`. */
export function ledgerMonthPrefix(dataset: DatasetName, period: Period, province: string): string {
  return `${ledgerPeriodPrefix(dataset, period)}${province}/`;
}

export function ledgerKey(dataset: DatasetName, period: Period, province: string, uploadId: string): string {
  return `${ledgerMonthPrefix(dataset, period, province)}${uploadId}.json`;
}

/** A closed month's compacted records' folder, or its projection template: `ledger-compacted/<dataset>/period=<P>/`. */
export const compactedLedgerFolder = (dataset: string, period: string) =>
  `${LEDGER_COMPACTED_PREFIX}${dataset}/period=${period}/`;

/** The compacted ledger records of one dataset-month, every province. */
export function compactedLedgerKey(dataset: DatasetName, period: Period): string {
  return `${compactedLedgerFolder(dataset, period)}records.parquet`;
}

/** One dataset's archived records: `ledger-closed/<dataset>/`. */
export function closedLedgerDatasetPrefix(dataset: DatasetName): string {
  return `${LEDGER_CLOSED_PREFIX}${dataset}/`;
}

/** One dataset-month's archived records, every province: `ledger-closed/<dataset>/<YYYY-MM>/`. */
export function closedLedgerPeriodPrefix(dataset: DatasetName, period: Period): string {
  return `${closedLedgerDatasetPrefix(dataset)}${period}/`;
}

/** One province-month's archived records: `ledger-closed/<dataset>/<YYYY-MM>/<province>/`. */
export function closedLedgerMonthPrefix(dataset: DatasetName, period: Period, province: string): string {
  return `${closedLedgerPeriodPrefix(dataset, period)}${province}/`;
}

export function closedLedgerKey(
  dataset: DatasetName,
  period: Period,
  province: string,
  uploadId: string,
): string {
  return `${closedLedgerMonthPrefix(dataset, period, province)}${uploadId}.json`;
}

export function receiptKey(dataset: DatasetName, period: Period, province: string, uploadId: string): string {
  return `${RECEIPTS_PREFIX}${dataset}/${period}/${province}/${uploadId}.json`;
}

export function approvalsPrefix(period: Period, province: string): string {
  return `${APPROVALS_PREFIX}${period}/${province}/`;
}

export function approvalKey(period: Period, province: string, approvalId: string): string {
  return `${approvalsPrefix(period, province)}${approvalId}.json`;
}

/** A month's published snapshots, beside its sign-offs: `approvals/<YYYY-MM>/published/`. */
export function publishedPrefix(period: Period): string {
  return `${APPROVALS_PREFIX}${period}/published/`;
}

export function publishedKey(period: Period, snapshotId: string): string {
  return `${publishedPrefix(period)}${snapshotId}.json`;
}

/** The markers of one upload's validations begun: `attempts/<dataset>/<YYYY-MM>/<province>/<upload id>/`. */
export function attemptsPrefix(loc: Omit<UploadLocation, 'fileName'>, uploadId: string): string {
  return `${ATTEMPTS_PREFIX}${loc.dataset}/${loc.period}/${loc.province}/${uploadId}/`;
}

/** The annotated workbook of an upload, handed out by a signed link. */
export function annotatedKey(loc: Omit<UploadLocation, 'fileName'>, uploadId: string): string {
  return `${ANNOTATED_PREFIX}${loc.dataset}/${loc.period}/${loc.province}/${uploadId}.xlsx`;
}

/** The receipt of a key outside the upload contract, named by a digest of that key (32 hex digits). */
export function offContractReceiptKey(digest: string): string {
  return `${RECEIPTS_PREFIX}off-contract/${digest}.json`;
}

/** A province-month's name in reports, locks and repair plans: `<dataset>/<YYYY-MM>/<province>`. */
export function provinceMonthName(dataset: string, period: string, province: string): string {
  return `${dataset}/${period}/${province}`;
}

/** The local data directory (`--data-dir`, default `.vss/`) and what sits in it. */
export function localPaths(dataDir: string) {
  return {
    root: dataDir,
    /** s3rver's own storage: the local S3. */
    s3: `${dataDir}/s3`,
    /** A mirror of the lake bucket's lake/ and ledger/ prefixes that DuckDB reads. */
    mirror: `${dataDir}/mirror`,
    /** Generated sample uploads. */
    samples: `${dataDir}/samples`,
    /** The built dashboard and its data, as served. */
    site: `${dataDir}/site`,
  };
}
