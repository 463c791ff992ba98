/**
 * The keys of core/contracts/layout.ts read back into their parts: null for a key that is not of
 * the builder's shape. These read keys from listings and events, so they trust nothing: the
 * dataset must be one of the contract's, the period a real month, the province two digits, and
 * the file name exactly the builder's.
 */
import { isDatasetName, type DatasetName } from '../datasets/index.ts';
import { isPeriod, type Period } from '../period.ts';
import {
  APPROVALS_PREFIX,
  COMPACTED_FOLDER,
  LAKE_PREFIX,
  LEDGER_CLOSED_PREFIX,
  LEDGER_COMPACTED_PREFIX,
  LEDGER_PREFIX,
  parseUploadKey,
  RECEIPTS_PREFIX,
  SUMMARIES_PREFIX,
  uploadFolder,
  type UploadLocation,
} from './layout.ts';

export interface ProvinceMonthParts {
  dataset: DatasetName;
  period: Period;
  province: string;
}

export interface UploadRecordParts extends ProvinceMonthParts {
  uploadId: string;
}

export interface ApprovalParts {
  period: Period;
  province: string;
  approvalId: string;
}

const PROVINCE = /^\d{2}$/u;
/** uploadIdOf (pipeline/ledger/upload-id.ts): 32 hex digits. */
const UPLOAD_ID = /^[0-9a-f]{32}$/u;
/** approvalIdOf (pipeline/approval/approval-record.ts): 24 hex digits. */
const APPROVAL_ID = /^[0-9a-f]{24}$/u;

/** The segments after `prefix` when the key has exactly `count` of them, none empty. */
function segments(key: string, prefix: string, count: number): string[] | null {
  if (!key.startsWith(prefix)) return null;
  const parts = key.slice(prefix.length).split('/');
  return parts.length === count && parts.every((p) => p !== '') ? parts : null;
}

function provinceMonth(dataset: string, period: string, province: string): ProvinceMonthParts | null {
  if (!isDatasetName(dataset) || !isPeriod(period) || !PROVINCE.test(province)) return null;
  return { dataset, period, province };
}

/** `<prefix><dataset>/period=<YYYY-MM>/province=<code>/<file>`: the Hive-partitioned keys. */
function partitioned(key: string, prefix: string, file: string): ProvinceMonthParts | null {
  const parts = segments(key, prefix, 4);
  if (!parts) return null;
  const [dataset, period, province, name] = parts as [string, string, string, string];
  if (!period.startsWith('period=') || !province.startsWith('province=') || name !== file) return null;
  return provinceMonth(dataset, period.slice('period='.length), province.slice('province='.length));
}

/** `<prefix><dataset>/<YYYY-MM>/<province>/<upload id>.json`: ledger records and receipts. */
function perUpload(key: string, prefix: string): UploadRecordParts | null {
  const parts = segments(key, prefix, 4);
  if (!parts) return null;
  const [dataset, period, province, name] = parts as [string, string, string, string];
  const uploadId = name.endsWith('.json') ? name.slice(0, -'.json'.length) : '';
  const pm = provinceMonth(dataset, period, province);
  return pm && UPLOAD_ID.test(uploadId) ? { ...pm, uploadId } : null;
}

/** lakeKey read back. */
export const parseLakeKey = (key: string) => partitioned(key, LAKE_PREFIX, 'data.parquet');

/** summaryKey read back. */
export const parseSummaryKey = (key: string) => partitioned(key, SUMMARIES_PREFIX, 'summary.parquet');

/** `<prefix><dataset>/compacted/period=<YYYY-MM>/<file>`: a compacted month. */
function compacted(
  key: string,
  prefix: string,
  file: string,
): { dataset: DatasetName; period: Period } | null {
  const parts = segments(key, prefix, 4);
  if (!parts) return null;
  const [dataset, folder, period, name] = parts as [string, string, string, string];
  if (folder !== COMPACTED_FOLDER || name !== file || !isDatasetName(dataset)) return null;
  const month = parsePeriodFolder(period);
  return month ? { dataset, period: month } : null;
}

/** compactedLakeKey read back. */
export const parseCompactedLakeKey = (key: string) => compacted(key, LAKE_PREFIX, 'data.parquet');

/** compactedSummaryKey read back. */
export const parseCompactedSummaryKey = (key: string) => compacted(key, SUMMARIES_PREFIX, 'summary.parquet');

/** ledgerKey read back. */
export const parseLedgerKey = (key: string) => perUpload(key, LEDGER_PREFIX);

/** closedLedgerKey read back. */
export const parseClosedLedgerKey = (key: string) => perUpload(key, LEDGER_CLOSED_PREFIX);

/** compactedLedgerKey read back: `ledger-compacted/<dataset>/period=<YYYY-MM>/records.parquet`. */
export function parseCompactedLedgerKey(key: string): { dataset: DatasetName; period: Period } | null {
  const parts = segments(key, LEDGER_COMPACTED_PREFIX, 3);
  if (!parts) return null;
  const [dataset, period, name] = parts as [string, string, string];
  if (name !== 'records.parquet' || !isDatasetName(dataset)) return null;
  const month = parsePeriodFolder(period);
  return month ? { dataset, period: month } : null;
}

/** receiptKey read back. */
export const parseReceiptKey = (key: string) => perUpload(key, RECEIPTS_PREFIX);

/** approvalKey read back; a month's published snapshot (approvals/<YYYY-MM>/published/) is not one. */
export function parseApprovalKey(key: string): ApprovalParts | null {
  const parts = segments(key, APPROVALS_PREFIX, 3);
  if (!parts) return null;
  const [period, province, name] = parts as [string, string, string];
  const approvalId = name.endsWith('.json') ? name.slice(0, -'.json'.length) : '';
  if (!isPeriod(period) || !PROVINCE.test(province) || !APPROVAL_ID.test(approvalId)) return null;
  return { period, province, approvalId };
}

/** The period of a `period=<YYYY-MM>` folder name (a lake or summaries listing); null otherwise. */
export function parsePeriodFolder(name: string): Period | null {
  const period = name.startsWith('period=') ? name.slice('period='.length) : '';
  return isPeriod(period) ? period : null;
}

/** provinceMonthName read back: `<dataset>/<YYYY-MM>/<province>`, each part checked. */
export function parseProvinceMonthName(name: string): ProvinceMonthParts | null {
  const parts = name.split('/');
  if (parts.length !== 3) return null;
  const [dataset, period, province] = parts as [string, string, string];
  return provinceMonth(dataset, period, province);
}

/**
 * The upload location named by its parts (a local path, a manifest row), refused as parseUploadKey
 * refuses a key: a part holding a `/` makes a key of another shape and is not a location.
 */
export function parseUploadParts(
  dataset: string,
  period: string,
  province: string,
  fileName: string,
): UploadLocation | undefined {
  return parseUploadKey(`${uploadFolder(dataset, period, province)}${fileName}`);
}

/**
 * The folder an event's key sits in, `uploads/<dataset>/<YYYY-MM>/<province>` for an upload: what
 * orders the uploads of one province-month. Any key has one (its first four segments), so keys
 * outside the contract are grouped too and refused by the ingest, not here.
 */
export function uploadGroupOf(key: string): string {
  return key.split('/').slice(0, 4).join('/');
}

/**
 * The month a lake, summary, ledger, receipt or sign-off key belongs to (its `period=<YYYY-MM>`
 * or `<YYYY-MM>` folder; a compacted object's `compacted/period=<YYYY-MM>/` too), or null for a
 * key of no month.
 */
export function periodOfKey(key: string): Period | null {
  for (const segment of key.split('/').slice(0, -1)) {
    const period = segment.startsWith('period=') ? segment.slice('period='.length) : segment;
    if (isPeriod(period)) return period;
  }
  return null;
}
