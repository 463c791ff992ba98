/**
 * Bytes in, receipt and typed rows out: the pure heart of ingest, shared by the ingest handler
 * and `vss validate`. No S3, no DuckDB, no clock except the injected `now`.
 */
import { createHash } from 'node:crypto';
import {
  DATASET_NAMES,
  DATASETS,
  isRequired,
  isTotal,
  templateAt,
  type DatasetDef,
} from '../../core/datasets/index.ts';
import type { UploadLocation } from '../../core/contracts/layout.ts';
import { RULE_MESSAGES } from '../../core/messages/index.ts';
import type { Receipt } from '../../core/contracts/receipt.ts';
import { checkLocation } from './check-location.ts';
import { looksLikeText } from './decode-text.ts';
import { ReadLimitError, TooManyRowsError, UnreadableFileError, type Sheet } from './grid.ts';
import { IssueList } from './issue-list.ts';
import {
  betterHeader,
  findHeader,
  HEADER_SEARCH_ROWS,
  headerScore,
  type HeaderMatch,
} from './match-header.ts';
import type { CellValue } from './parse-cell.ts';
import { readCsv } from './read-csv.ts';
import { isZip, readXlsx } from './read-xlsx.ts';
import { limitsFromEnv, type UploadLimits } from './limits.ts';
import { checkHeader, checkRows } from './validate-sheet.ts';
import { validateCsvInDuckDB } from './fast-csv.ts';
import type { PreparedLake } from '../lake/prepared-lake.ts';
import { ZipGuardError } from './zip-guard.ts';
import { otherVersion, wrongVersion } from './template-version.ts';
import { isOle2, legacyEncoding } from './legacy-text.ts';
import { addTargetWarnings } from './target-warnings.ts';
import type { Targets } from '../../core/reference/targets.ts';

export type { CellValue } from './parse-cell.ts';
export { issueCounts, MAX_LISTED_ISSUES } from './issue-list.ts';

export { DEFAULT_LIMITS, limitsFromEnv, type UploadLimits } from './limits.ts';
export { neutralizeCell } from './safe-cell.ts';

export interface ValidationInput {
  bytes: Uint8Array;
  key: string;
  location: UploadLocation;
  /** ISO 8601. */
  receivedAt: string;
  /** Decides which periods are in the future; defaults to the system clock. */
  now?: Date;
  /** Defaults to limitsFromEnv(): 50 MB, 300,000 rows, unless VSS_MAX_UPLOAD_* say otherwise. */
  limits?: UploadLimits;
  /**
   * Lets a large CSV take the DuckDB path (fast-csv.ts): a clean file comes back with `lake`, its
   * rows already written to a Parquet file in `tmpDir`, and no `rows`. Files below `minBytes`
   * (default FAST_CSV_MIN_BYTES), and any file the DuckDB path cannot prove clean, take the
   * JavaScript path. Only callers that write the lake from `lake` should ask for it.
   */
  fastPath?: { tmpDir: string; minBytes?: number };
  /**
   * The national targets reference: an accepted coverage upload whose chi_tieu_giao differs from
   * the assigned target (or whose unit-year has none) gets a warning. Without it, no such check.
   */
  targets?: Targets;
}

/** Below this size the JavaScript path is fast enough and the DuckDB path's fixed costs show. */
export const FAST_CSV_MIN_BYTES = 5 * 1024 * 1024;

export interface ValidationResult {
  receipt: Receipt;
  /** Only when accepted; keys are the dataset's column keys, in definition order. */
  rows: Array<Record<string, CellValue>>;
  /** Instead of `rows`, when the DuckDB path accepted the file: the lake file, ready to store. */
  lake?: PreparedLake;
}

const FILE_LEVEL = { sheet: null, row: null, column: null };
type SheetRows = ReturnType<typeof checkRows>['rows'];
/** The rows read and the worksheet they came from (null for CSV, or when none was picked). */
interface FileRows {
  rows: SheetRows;
  sheet: string | null;
}
const NO_ROWS: FileRows = { rows: [], sheet: null };

async function readSheets(
  bytes: Uint8Array,
  dataset: DatasetDef,
  limits: UploadLimits,
  issues: IssueList,
): Promise<Sheet[]> {
  try {
    if (isZip(bytes)) return await readXlsx(bytes, limits);
    if (isOle2(bytes)) {
      issues.add('error', FILE_LEVEL, 'file.xls', '.xlsx or CSV UTF-8', '.xls', RULE_MESSAGES['file.xls']());
      return [];
    }
    if (looksLikeText(bytes))
      return [readCsv(bytes, (sheet) => headerScore(dataset, sheet), limits.maxRows, limits)];
    issues.add('error', FILE_LEVEL, 'file.type', 'CSV or XLSX', '', RULE_MESSAGES['file.type']());
  } catch (error) {
    if (error instanceof TooManyRowsError) {
      const message = RULE_MESSAGES['file.too_many_rows']({ max: error.limit });
      issues.add('error', FILE_LEVEL, 'file.too_many_rows', `<= ${error.limit}`, '', message);
      return [];
    }
    if (error instanceof ReadLimitError) {
      const message = RULE_MESSAGES['file.limit']({ limit: error.limit, max: error.max, found: error.found });
      issues.add(
        'error',
        FILE_LEVEL,
        'file.limit',
        `${error.limit} <= ${error.max}`,
        String(error.found),
        message,
      );
      return [];
    }
    if (error instanceof ZipGuardError) {
      const message = RULE_MESSAGES['file.decompression']({ detail: error.detail });
      issues.add('error', FILE_LEVEL, 'file.decompression', 'an ordinary XLSX', error.reason, message);
      return [];
    }
    if (!(error instanceof UnreadableFileError)) throw error;
    const detail = error.message.split('\n')[0]?.slice(0, 200) ?? '';
    issues.add(
      'error',
      FILE_LEVEL,
      'file.unreadable',
      'CSV or XLSX',
      detail,
      RULE_MESSAGES['file.unreadable']({ detail }),
    );
  }
  return [];
}

/** The first sheet whose header names every template column, else the one naming the most. */
function pickSheet(
  dataset: DatasetDef,
  sheets: Sheet[],
): { sheet: Sheet; header: HeaderMatch | undefined } | undefined {
  let best: { sheet: Sheet; header: HeaderMatch | undefined; score: number } | undefined;
  for (const sheet of sheets) {
    const header = findHeader(dataset, sheet);
    const score = header?.columns.size ?? 0;
    if (score === dataset.columns.length) return { sheet, header };
    if (!best || score > best.score) best = { sheet, header, score };
  }
  return best;
}

/**
 * The dataset a sheet's header really belongs to, when it is not the one the upload claims: a
 * coverage file uploaded as debt gets one clear error instead of a column of missing headers.
 */
function otherDataset(
  dataset: DatasetDef,
  sheet: Sheet,
  header: HeaderMatch | undefined,
): DatasetDef | undefined {
  const others = DATASET_NAMES.map((name) => DATASETS[name]).filter((def) => def.name !== dataset.name);
  // Another dataset only when its header is at least half there: a few shared names are not enough.
  return betterHeader(dataset, sheet, header, others, (def) => Math.ceil(def.columns.length / 2));
}

/** Reads the file and checks its header and rows; file-level problems end it with one error. */
async function checkFile(
  bytes: Uint8Array,
  dataset: DatasetDef,
  location: UploadLocation,
  limits: UploadLimits,
  issues: IssueList,
): Promise<FileRows> {
  const before = issues.errorCount;
  const sheets = await readSheets(bytes, dataset, limits, issues);
  if (issues.errorCount > before) return NO_ROWS;
  if (sheets.every((sheet) => sheet.rows.length === 0)) {
    issues.add('error', FILE_LEVEL, 'file.empty', 'data', '', RULE_MESSAGES['file.empty']());
    return NO_ROWS;
  }
  const legacy = legacyEncoding(sheets);
  if (legacy) {
    const message = RULE_MESSAGES['file.legacy_encoding'](legacy);
    issues.add('error', FILE_LEVEL, 'file.legacy_encoding', 'Unicode', legacy.encoding, message);
    return NO_ROWS;
  }
  const picked = pickSheet(dataset, sheets);
  const other = picked && otherDataset(dataset, picked.sheet, picked.header);
  if (other) {
    const message = RULE_MESSAGES['file.wrong_dataset']({ expected: dataset.titleVi, found: other.titleVi });
    issues.add('error', FILE_LEVEL, 'file.wrong_dataset', dataset.name, other.name, message);
    return NO_ROWS;
  }
  const version = picked && otherVersion(dataset, picked.sheet, picked.header);
  if (picked && version) {
    wrongVersion(dataset, version, location, picked.header, issues);
    return NO_ROWS;
  }
  if (!picked?.header) {
    const message = RULE_MESSAGES['header.not_found']({ rows: HEADER_SEARCH_ROWS });
    issues.add('error', FILE_LEVEL, 'header.not_found', 'a header row', '', message);
    return NO_ROWS;
  }
  checkHeader(dataset, picked.sheet, picked.header, issues);
  const rows = checkRows(dataset, picked.sheet, picked.header, location, issues).rows;
  if (rows.length === 0) {
    const at = { sheet: picked.sheet.name, row: null, column: null };
    issues.add('error', at, 'rows.none', 'at least one row', '0', RULE_MESSAGES['rows.none']());
  }
  return { rows, sheet: picked.sheet.name };
}

export async function validateUpload(input: ValidationInput): Promise<ValidationResult> {
  const { bytes, location } = input;
  const limits = input.limits ?? limitsFromEnv();
  // The template version in force for the month: its columns and rules are the ones checked.
  const dataset = templateAt(DATASETS[location.dataset], location.period);
  const issues = new IssueList();
  checkLocation(location, input.now ?? new Date(), issues);
  const fast = input.fastPath;
  if (
    fast &&
    issues.errorCount === 0 &&
    issues.listed().warnings.length === 0 &&
    // The targets check reads rows with their numbers, which only the JavaScript path keeps.
    !(input.targets && location.dataset === 'coverage') &&
    bytes.length >= (fast.minBytes ?? FAST_CSV_MIN_BYTES) &&
    bytes.length <= limits.maxBytes &&
    !isZip(bytes) &&
    looksLikeText(bytes)
  ) {
    const clean = await validateCsvInDuckDB(bytes, dataset, limits.maxRows, fast.tmpDir);
    if (clean)
      return {
        receipt: receiptOf(input, issues, clean.rows, clean.rows, clean.totals),
        rows: [],
        lake: clean.lake,
      };
  }
  let parsed: FileRows = NO_ROWS;
  if (bytes.length === 0)
    issues.add('error', FILE_LEVEL, 'file.empty', 'data', '', RULE_MESSAGES['file.empty']());
  else if (bytes.length > limits.maxBytes) {
    const message = RULE_MESSAGES['file.too_large']({ bytes: bytes.length, max: limits.maxBytes });
    const expected = `<= ${limits.maxBytes}`;
    issues.add('error', FILE_LEVEL, 'file.too_large', expected, String(bytes.length), message);
  } else {
    parsed = await checkFile(bytes, dataset, location, limits, issues);
  }
  const accepted = issues.errorCount === 0;
  if (accepted && input.targets)
    addTargetWarnings(location, parsed.sheet, parsed.rows, input.targets, issues);
  const rows = accepted ? parsed.rows.map((r) => r.values as Record<string, CellValue>) : [];
  const totals = Object.fromEntries(
    dataset.columns
      .filter(isTotal)
      // A column that may be missing and that no row filled has no total: missing is not 0.
      .filter((c) => isRequired(c) || rows.some((r) => r[c.key] !== null && r[c.key] !== undefined))
      .map((c) => [c.key, rows.reduce((sum, r) => sum + (Number(r[c.key]) || 0), 0)]),
  );
  return { receipt: receiptOf(input, issues, parsed.rows.length, rows.length, totals), rows };
}

/** The receipt both paths give; accepted exactly when no error was found. */
function receiptOf(
  input: ValidationInput,
  issues: IssueList,
  read: number,
  acceptedRows: number,
  totals: Record<string, number>,
): Receipt {
  const { bytes, location } = input;
  const accepted = issues.errorCount === 0;
  return {
    upload: {
      key: input.key,
      dataset: location.dataset,
      province: location.province,
      period: location.period,
      sha256: createHash('sha256').update(bytes).digest('hex'),
      bytes: bytes.length,
      received_at: input.receivedAt,
    },
    status: accepted ? 'accepted' : 'rejected',
    // A rejected file enters the lake with none of its rows: every row read counts as rejected.
    rows: { read, accepted: acceptedRows, rejected: read - acceptedRows },
    totals,
    ...issues.listed(),
  };
}
