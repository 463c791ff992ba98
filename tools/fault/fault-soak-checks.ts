/**
 * What a soak run must end with. Checked against the files sent, not against the pipeline's view
 * of them: the national debt the queries give equals the independent sum over the latest valid
 * file of every province-month; each lake object holds exactly that file's rows; `vss doctor`
 * finds nothing; and a clean replay of the uploads bucket gives the same lake bucket.
 *
 * Where a clean replay may legitimately differ: the replay delivers each province-month's uploads
 * in arrival order, the soak delivered them shuffled and retried. When two uploads carry the same
 * bytes (a resend), whichever was handled first is `accepted` and the other `duplicate`, so those
 * two records' status and `supersedes`, and the lake's stamp naming the upload, follow delivery
 * order. Rows, checksums, receipts and summaries do not. Those fields are compared separately.
 */
import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import type { S3Event } from 'aws-lambda';
import { checkConsistency, type Problem } from '../../pipeline/ops/check-consistency.ts';
import { openEngine } from '../../pipeline/query/engine.ts';
import { syncMirror } from '../../pipeline/mirror/mirror.ts';
import { LAKE_PREFIX, lakeKey, LEDGER_PREFIX, SUMMARIES_PREFIX } from '../../core/contracts/layout.ts';
import type { LocalS3 } from '../../local/local-s3.ts';
import type { Period } from '../../core/period.ts';
import { listObjects } from '../../pipeline/storage/list-objects.ts';
import { replayUploads } from '../../pipeline/ops/replay-uploads.ts';
import { csvRows, pictureOf, type BucketPicture } from '../fixtures/ingest-fixture.ts';
import { expectedInForce, expectedNationalDebt, type PlannedUpload } from './fault-soak-plan.ts';

export interface SoakChecks {
  national: { period: Period; expected: number; queried: number | null }[];
  /** Province-months whose lake rows are not exactly the rows of the file in force. */
  lakeRowsWrong: string[];
  doctor: Problem[];
  replay: ReplayComparison;
}

export interface ReplayComparison {
  failed: number;
  lakeObjects: number;
  lakeRowsEqual: boolean;
  /** Lake objects whose stamp names the other of two uploads with identical bytes. */
  stampsOfTwin: number;
  /** Stamps that differ otherwise (must be 0). */
  stampsWrong: number;
  lakeBytesEqual: number;
  summariesEqual: boolean;
  summaryBytesEqual: number;
  summaries: number;
  receiptsEqual: boolean;
  ledgerRecords: number;
  /** Records equal in every field but the write time, status and supersedes. */
  ledgerEqualBesideOrder: boolean;
  /** Records whose status or supersedes follow delivery order. */
  ledgerOrderDependent: number;
  winnersEqual: boolean;
}

export async function checkSoak(o: {
  s3: LocalS3;
  dataDir: string;
  sent: readonly PlannedUpload[];
  handle: (event: S3Event) => Promise<void>;
  log?: (line: string) => void;
}): Promise<SoakChecks> {
  const log = o.log ?? (() => undefined);
  const { s3 } = o;
  const work = join(o.dataDir, 'checks');
  await mkdir(work, { recursive: true });
  const national = await nationalDebt(s3, join(work, 'mirror'), expectedNationalDebt(o.sent));
  log('national figures queried');
  const soak = await pictureOf(s3.client, s3.lakeBucket, work);
  const lakeRowsWrong = [...expectedInForce(o.sent)]
    .filter(([, u]) => {
      const key = lakeKey('debt', u.period, u.province);
      return JSON.stringify(soak.lake[key]?.rows) !== JSON.stringify(csvRows(u.body));
    })
    .map(([pm]) => pm);
  const buckets = { s3: s3.client, uploadsBucket: s3.uploadsBucket, lakeBucket: s3.lakeBucket };
  const doctor = (await checkConsistency(buckets)).problems;
  log('doctor done');
  const soakTags = await eTags(s3);
  const replayed = await replayUploads({
    ...buckets,
    handle: o.handle,
    trustSubmittedAt: true,
    allowUnversionedLake: true,
  });
  log('clean replay done');
  const clean = await pictureOf(s3.client, s3.lakeBucket, work);
  const cleanTags = await eTags(s3);
  return {
    national,
    lakeRowsWrong,
    doctor,
    replay: { failed: replayed.failed, ...compare(soak, clean, soakTags, cleanTags) },
  };
}

async function nationalDebt(s3: LocalS3, mirrorDir: string, expected: Map<Period, number>) {
  await syncMirror({
    s3: s3.client,
    bucket: s3.lakeBucket,
    dir: mirrorDir,
    prefixes: [LAKE_PREFIX, SUMMARIES_PREFIX, LEDGER_PREFIX],
  });
  const engine = await openEngine({ mirrorDir });
  try {
    const out = [];
    for (const [period, total] of [...expected].sort(([a], [b]) => a.localeCompare(b))) {
      const figures = await engine.runNamed('national_figures', { period });
      const row = figures.rows.find((r) => r.measure === 'debt_total');
      out.push({ period, expected: total, queried: row ? Number(row.value) : null });
    }
    return out;
  } finally {
    engine.close();
  }
}

async function eTags(s3: LocalS3): Promise<Map<string, string>> {
  return new Map((await listObjects(s3.client, s3.lakeBucket, '')).map((o) => [o.key, o.eTag]));
}

function compare(
  soak: BucketPicture,
  clean: BucketPicture,
  soakTags: Map<string, string>,
  cleanTags: Map<string, string>,
): Omit<ReplayComparison, 'failed'> {
  const sameBytes = (prefix: string) =>
    [...cleanTags].filter(([k, tag]) => k.startsWith(prefix) && soakTags.get(k) === tag).length;
  const shaOf = (p: BucketPicture, uploadId: string | undefined) =>
    Object.values(p.ledger).find((r) => r.upload_id === uploadId)?.sha256;
  let stampsOfTwin = 0;
  let stampsWrong = 0;
  for (const [key, cleanLake] of Object.entries(clean.lake)) {
    const a = soak.lake[key]?.stamp as { uploadId?: string; rows?: number; rowsSha256?: string } | undefined;
    const b = cleanLake.stamp as { uploadId?: string; rows?: number; rowsSha256?: string } | undefined;
    if (a?.uploadId === b?.uploadId && a?.rowsSha256 === b?.rowsSha256) continue;
    const twin =
      a?.rowsSha256 === b?.rowsSha256 &&
      a?.rows === b?.rows &&
      shaOf(soak, a?.uploadId) === shaOf(clean, b?.uploadId);
    if (twin) stampsOfTwin++;
    else stampsWrong++;
  }
  const beside = (p: BucketPicture) =>
    Object.fromEntries(
      Object.entries(p.ledger).map(([k, { ingested_at: _t, status: _s, supersedes: _p, ...rest }]) => [
        k,
        rest,
      ]),
    );
  const orderDependent = Object.entries(clean.ledger).filter(([k, r]) => {
    const s = soak.ledger[k];
    return !s || s.status !== r.status || s.supersedes !== r.supersedes;
  }).length;
  const winners = (p: BucketPicture) =>
    Object.fromEntries(
      Object.entries(p.lake).map(([k, l]) => [k, (l.stamp as { rowsSha256?: string }).rowsSha256]),
    );
  return {
    lakeObjects: Object.keys(clean.lake).length,
    lakeRowsEqual: same(
      Object.fromEntries(Object.entries(soak.lake).map(([k, l]) => [k, l.rows])),
      Object.fromEntries(Object.entries(clean.lake).map(([k, l]) => [k, l.rows])),
    ),
    stampsOfTwin,
    stampsWrong,
    lakeBytesEqual: sameBytes(LAKE_PREFIX),
    summariesEqual: same(soak.summaries, clean.summaries),
    summaryBytesEqual: sameBytes(SUMMARIES_PREFIX),
    summaries: Object.keys(clean.summaries).length,
    receiptsEqual: same(soak.receipts, clean.receipts),
    ledgerRecords: Object.keys(clean.ledger).length,
    ledgerEqualBesideOrder: same(beside(soak), beside(clean)),
    ledgerOrderDependent: orderDependent,
    winnersEqual: same(winners(soak), winners(clean)),
  };
}

/** Deep equality of JSON-shaped values, key order ignored. */
function same(a: unknown, b: unknown): boolean {
  return JSON.stringify(sorted(a)) === JSON.stringify(sorted(b));
}

function sorted(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(sorted);
  if (value && typeof value === 'object')
    return Object.fromEntries(
      Object.entries(value)
        .sort(([a], [b]) => a.localeCompare(b))
        .map(([k, v]) => [k, sorted(v)]),
    );
  return value;
}
