/**
 * Whether the lake bucket agrees with the uploads bucket: every upload has a ledger record (of its
 * current bytes), every record its upload and receipt, and every province-month's lake object
 * holds the rows of the upload the ledger says is in force (by the stamp ingest puts on it), and
 * so does its summary (by the summary's own stamp).
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { isDatasetName, type DatasetName } from '../../core/datasets/index.ts';
import { forEachLimited } from '../generate/limited.ts';
import { checksumsComparable } from '../lake/lake-checksum.ts';
import { readLakeStamp, type LakeStamp } from '../lake/write-partition.ts';
import {
  APPROVALS_PREFIX,
  LAKE_PREFIX,
  LEDGER_CLOSED_PREFIX,
  LEDGER_PREFIX,
  parseUploadKey,
  provinceMonthName,
  RECEIPTS_PREFIX,
  receiptKey,
  SUMMARIES_PREFIX,
  UPLOADS_PREFIX,
} from '../../core/contracts/layout.ts';
import { parseApprovalKey, parseLakeKey, parseProvinceMonthName } from '../../core/contracts/layout-parse.ts';
import { ledgerRecord, type LedgerRecord } from '../../core/contracts/ledger-record.ts';
import { approvalRecord, type ApprovalRecord } from '../approval/approval-record.ts';
import { reportStanding } from '../approval/standing.ts';
import { listObjects } from '../storage/list-objects.ts';
import { listVersions } from '../storage/list-versions.ts';
import { readObject } from '../storage/object-bytes.ts';
import { readSummaryStamp } from '../summary/write-summary.ts';
import { staleCompactedLedger } from './compacted-ledger-check.ts';
import { readCompactedStamps } from './compacted-stamps.ts';

export type ProblemKind =
  | 'upload-unrecorded'
  | 'record-without-upload'
  | 'record-malformed'
  | 'receipt-missing'
  | 'lake-missing'
  | 'lake-stale'
  | 'lake-orphan'
  | 'summary-missing'
  | 'summary-stale'
  /** A compacted month's object whose rows are not those it records (compacted-stamps.ts). */
  | 'compacted-altered'
  /** A compacted ledger month that lacks a record archived for it, or holds one that is no record. */
  | 'ledger-compacted-stale';

export interface Problem {
  kind: ProblemKind;
  key: string;
}

export interface ConsistencyReport {
  uploads: number;
  records: number;
  provinceMonths: number;
  problems: Problem[];
  /** The upload in force of each province-month ("dataset/period/province"), for repairs. */
  winners: Map<string, string>;
}

export interface CheckOptions {
  s3: S3Client;
  uploadsBucket: string;
  lakeBucket: string;
  concurrency?: number;
  /** Objects read so far of all that are read (ledger records and lake stamps). */
  onProgress?: (done: number, total: number) => void;
}

export async function checkConsistency(o: CheckOptions): Promise<ConsistencyReport> {
  const limit = o.concurrency ?? 16;
  const problems: Problem[] = [];
  // Every stored version: on the versioned bucket a re-upload under one name hides the earlier.
  const uploads = (await listVersions(o.s3, o.uploadsBucket, UPLOADS_PREFIX)).filter((u) =>
    parseUploadKey(u.key),
  );
  const records: LedgerRecord[] = [];
  // Both listings first, so the progress knows how many objects will be read.
  // The records of compacted months are archived under ledger-closed/ (compact-ledger-month.ts);
  // listed after ledger/, so a record in both (a compaction stopped midway) is taken from ledger/.
  const liveObjects = await listObjects(o.s3, o.lakeBucket, LEDGER_PREFIX);
  const archivedObjects = await listObjects(o.s3, o.lakeBucket, LEDGER_CLOSED_PREFIX);
  const ledgerObjects = [...liveObjects, ...archivedObjects];
  const lakeObjects = await listObjects(o.s3, o.lakeBucket, LAKE_PREFIX);
  const summaryObjects = await listObjects(o.s3, o.lakeBucket, SUMMARIES_PREFIX);
  const total = ledgerObjects.length + lakeObjects.length;
  let read = 0;
  const readOne = () => o.onProgress?.(++read, total);
  const parsedAt = new Array<LedgerRecord | undefined>(ledgerObjects.length);
  await forEachLimited([...ledgerObjects.entries()], limit, async ([at, obj]) => {
    const { bytes } = await readObject(o.s3, o.lakeBucket, obj.key);
    let parsed: ReturnType<typeof ledgerRecord.safeParse> | undefined;
    try {
      parsed = ledgerRecord.safeParse(JSON.parse(new TextDecoder().decode(bytes)));
    } catch {
      parsed = undefined;
    }
    if (parsed?.success) parsedAt[at] = parsed.data;
    else problems.push({ kind: 'record-malformed', key: obj.key });
    readOne();
  });
  const recordIds = new Set<string>();
  for (const record of parsedAt) {
    if (!record || recordIds.has(record.upload_id)) continue;
    recordIds.add(record.upload_id);
    records.push(record);
  }
  const receipts = new Set((await listObjects(o.s3, o.lakeBucket, RECEIPTS_PREFIX)).map((r) => r.key));
  const stamps = new Map<string, LakeStamp | undefined>();
  await forEachLimited(lakeObjects, limit, async (obj) => {
    const parts = parseLakeKey(obj.key);
    if (!parts) return readOne();
    const { dataset, period, province } = parts;
    stamps.set(
      provinceMonthName(dataset, period, province),
      await readLakeStamp(o.s3, o.lakeBucket, dataset, period, province),
    );
    readOne();
  });
  // A compacted month stands for every province it holds and has no per-province object of.
  const compacted = await readCompactedStamps(o.s3, o.lakeBucket, [
    ...lakeObjects.map((x) => x.key),
    ...summaryObjects.map((x) => x.key),
  ]);
  for (const key of compacted.altered) problems.push({ kind: 'compacted-altered', key });
  const ledgerMonths = await staleCompactedLedger(
    o.s3,
    o.lakeBucket,
    liveObjects.map((x) => x.key),
    archivedObjects.map((x) => x.key),
  );
  for (const key of ledgerMonths) problems.push({ kind: 'ledger-compacted-stale', key });
  for (const [pm, stamp] of compacted.lake) if (!stamps.has(pm)) stamps.set(pm, stamp);

  const byKey = groupBy(records, (r) => r.key);
  for (const u of uploads) {
    const mine = (byKey.get(u.key) ?? []).filter((r) => !u.versionId || r.version_id === u.versionId);
    // A record without an ETag (written before ledgers kept it) is taken as covering the key.
    if (!mine.some((r) => !r.etag || r.etag === u.eTag))
      problems.push({ kind: 'upload-unrecorded', key: u.versionId ? `${u.key}@${u.versionId}` : u.key });
  }
  const uploadKeys = new Set(uploads.map((u) => u.key));
  for (const r of records) {
    if (!uploadKeys.has(r.key)) problems.push({ kind: 'record-without-upload', key: r.key });
    if (!isDatasetName(r.dataset) || !receipts.has(receiptKey(r.dataset, r.period, r.province, r.upload_id)))
      problems.push({ kind: 'receipt-missing', key: r.key });
  }
  const byPm = groupBy(records, (r) => provinceMonthName(r.dataset, r.period, r.province));
  // What counts follows the sign-off: an approved report's lake holds the approved upload.
  const approvals = await readApprovals(o);
  const counted = (pm: string, pmRecords: readonly LedgerRecord[]) => {
    // A group of records of no known dataset is still judged, under the name its records give.
    const report = parseProvinceMonthName(pm) ?? pmRecords[0];
    if (!report) return undefined;
    const signed = approvals.get(`${report.period}/${report.province}`) ?? [];
    const { dataset, period, province } = report;
    return reportStanding({ dataset: dataset as DatasetName, period, province }, pmRecords, signed).counted;
  };
  const winners = new Map<string, string>();
  for (const [pm, pmRecords] of byPm) {
    const winner = counted(pm, pmRecords);
    if (!winner) continue;
    winners.set(pm, winner.upload_id);
    const stamp = stamps.get(pm);
    if (!stamps.has(pm)) problems.push({ kind: 'lake-missing', key: pm });
    else if (!agrees(stamp, winner)) problems.push({ kind: 'lake-stale', key: pm });
  }
  // Each summary must sum the winner's rows: its stamp names the upload it was computed from.
  await forEachLimited([...winners], limit, async ([pm, uploadId]) => {
    const parts = parseProvinceMonthName(pm);
    if (!parts) return;
    const { dataset, period, province } = parts;
    const summaryOf =
      (await readSummaryStamp(o.s3, o.lakeBucket, dataset, period, province)) ?? compacted.summaries.get(pm);
    if (summaryOf === undefined) problems.push({ kind: 'summary-missing', key: pm });
    else if (summaryOf !== uploadId) problems.push({ kind: 'summary-stale', key: pm });
  });
  for (const pm of stamps.keys()) {
    if (!counted(pm, byPm.get(pm) ?? [])) problems.push({ kind: 'lake-orphan', key: pm });
  }
  problems.sort((a, b) => a.kind.localeCompare(b.kind) || a.key.localeCompare(b.key));
  return { uploads: uploads.length, records: records.length, provinceMonths: byPm.size, problems, winners };
}

/**
 * The lake object holds the winner's rows: same upload and row count, and the same checksum
 * whenever the two were computed by one scheme (lake-checksum.ts). A v1 record (rows as JSON
 * lines) beside an object rewritten since with a v2 stamp, or v2 values of two DuckDB writers,
 * cannot be compared: then the upload id and the row count decide.
 */
function agrees(stamp: LakeStamp | undefined, winner: LedgerRecord): boolean {
  if (!stamp || stamp.uploadId !== winner.upload_id || stamp.rows !== winner.rows_accepted) return false;
  if (!winner.rows_sha256 || !checksumsComparable(stamp.rowsSha256, winner.rows_sha256)) return true;
  return stamp.rowsSha256 === winner.rows_sha256;
}

function groupBy<T>(items: readonly T[], keyOf: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) groups.set(keyOf(item), [...(groups.get(keyOf(item)) ?? []), item]);
  return groups;
}

/** The sign-off records, by "period/province"; the published snapshots beside them are not read. */
async function readApprovals(o: CheckOptions): Promise<Map<string, ApprovalRecord[]>> {
  const out = new Map<string, ApprovalRecord[]>();
  const objects = (await listObjects(o.s3, o.lakeBucket, APPROVALS_PREFIX)).filter((x) =>
    parseApprovalKey(x.key),
  );
  await forEachLimited(objects, o.concurrency ?? 16, async (obj) => {
    const { bytes } = await readObject(o.s3, o.lakeBucket, obj.key);
    const record = approvalRecord.parse(JSON.parse(new TextDecoder().decode(bytes)));
    const at = `${record.period}/${record.province}`;
    out.set(at, [...(out.get(at) ?? []), record]);
  });
  return out;
}
