/**
 * Sign-off end to end, through the ingest handler and both query engines: upload → accepted →
 * approved → re-upload (kept, not counted) → reopen with a reason → counted. At each step the
 * national debt of the month, read from vss.debt by DuckDB and through the Athena stand-in, must
 * equal the sum computed straight from the CSV files that should count.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createAthenaClient } from '../../pipeline/query/athena/athena-client.ts';
import { openAthenaEngine } from '../../pipeline/query/athena/athena-engine.ts';
import { putApproval } from '../../pipeline/approval/approval-store.ts';
import type { Approver } from '../../core/contracts/approver.ts';
import { signOff, type SignOffRequest } from '../../pipeline/approval/sign-off.ts';
import { checkConsistency } from '../../pipeline/ops/check-consistency.ts';
import { openEngine } from '../../pipeline/query/engine.ts';
import { syncMirror } from '../../pipeline/mirror/mirror.ts';
import { listLedger } from '../../pipeline/ledger/ledger-store.ts';
import {
  APPROVALS_PREFIX,
  LAKE_PREFIX,
  LEDGER_PREFIX,
  receiptKey,
  SUMMARIES_PREFIX,
} from '../../core/contracts/layout.ts';
import { readFile } from 'node:fs/promises';
import { refreshSite } from '../../pipeline/refresh/refresh.ts';
import { approvalRow, NATIONAL_FILES, nationalRow, SITE_FILES } from '../../core/contracts/site-data.ts';
import { startLocalS3, type LocalS3 } from '../../local/local-s3.ts';
import type { PublishedSnapshot, SnapshotDifference } from '../../pipeline/approval/published-snapshot.ts';
import type { NationalApproval } from '../../pipeline/upload-api/approval-national.ts';
import { createUploadApi } from '../../pipeline/upload-api/route-request.ts';
import type { Receipt } from '../../core/contracts/receipt.ts';
import { startAthenaStandIn, type AthenaStandIn } from '../support/athena-stand-in/server.ts';
import {
  fakeClock,
  standInClientOptions,
  standInSiteEngine,
} from '../pipeline/query/athena/athena-harness.ts';
import { debtCsv, testIngestHandler } from '../pipeline/ingest/ingest-harness.ts';

const PERIOD = '2025-03';
const DEBT = ['no_bhxh', 'no_bhyt', 'no_bhtn'];
const director: Approver = { scope: '01', role: 'director', actor: 'giam.doc.ha.noi' };

/** Independent of the pipeline: the month's debt (SI + HI + UI) straight from a CSV's text. */
function debtOf(csv: string): number {
  const [header, ...rows] = csv.trim().split('\n');
  const at = DEBT.map((c) => header!.split(',').indexOf(c));
  return rows.reduce((sum, line) => sum + at.reduce((s, i) => s + Number(line.split(',')[i]), 0), 0);
}

const first01 = debtCsv(4, 1);
const second01 = debtCsv(6, 2);
const only02 = debtCsv(3, 3);

let dir: string;
let mirror: string;
let s3: LocalS3;
let handle: (event: S3Event) => Promise<void>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vss-approval-'));
  mirror = join(dir, 'mirror');
  s3 = await startLocalS3({ dataDir: dir, concurrency: 1, onEvent: (event) => handle(event) });
  handle = testIngestHandler(s3, { tmpDir: dir });
}, 60_000);

afterAll(async () => {
  await s3?.close();
  await rm(dir, { recursive: true, force: true });
});

async function upload(province: string, fileName: string, body: string, submittedAt: string) {
  await s3.client.send(
    new PutObjectCommand({
      Bucket: s3.uploadsBucket,
      Key: `uploads/debt/${PERIOD}/${province}/${fileName}`,
      Body: body,
      Metadata: { 'submitted-at': submittedAt },
    }),
  );
  await s3.idle();
}

/** Writes the sign-off record and hands the ingest the notification S3 sends for it in AWS. */
async function act(caller: Approver, request: SignOffRequest, at: string) {
  const outcome = await signOff(s3.client, s3.lakeBucket, caller, request, new Date(at));
  if (!outcome.ok) throw new Error(`${outcome.error}: ${outcome.message.en}`);
  const key = await putApproval(s3.client, s3.lakeBucket, outcome.record);
  await handle({
    Records: [
      {
        eventName: 'ObjectCreated:Put',
        eventTime: at,
        s3: { bucket: { name: s3.lakeBucket }, object: { key } },
      },
    ],
  } as unknown as S3Event);
  // The local S3 announces the record as well; handling it again changes nothing, but let it finish.
  await s3.idle();
  return outcome.record;
}

/** The month's national debt from vss.debt, by DuckDB and through the Athena stand-in. */
async function nationalDebt(): Promise<{ duckdb: number; athena: number }> {
  await syncMirror({
    s3: s3.client,
    bucket: s3.lakeBucket,
    dir: mirror,
    prefixes: [LAKE_PREFIX, SUMMARIES_PREFIX, LEDGER_PREFIX, APPROVALS_PREFIX],
  });
  const sql = 'SELECT SUM(d.no_bhxh + d.no_bhyt + d.no_bhtn) AS debt FROM vss.debt d WHERE d.period = ?';
  const duckdb = await openEngine({ mirrorDir: mirror });
  const fromDuck = Number((await duckdb.runQuery(sql, [PERIOD])).rows[0]?.debt);
  duckdb.close();
  // A stand-in opened on this mirror, as Athena reads the lake bucket as it is now.
  const standIn: AthenaStandIn = await startAthenaStandIn({ mirrorDir: mirror });
  const client = createAthenaClient(standInClientOptions(standIn.endpoint));
  const clock = fakeClock();
  const athena = openAthenaEngine({
    workGroup: 'vss-test',
    client,
    poll: { sleep: clock.sleep, now: clock.now },
  });
  const fromAthena = Number((await athena.runQuery(sql, [PERIOD])).rows[0]?.debt);
  athena.close();
  client.destroy();
  await standIn.close();
  return { duckdb: fromDuck, athena: fromAthena };
}

/**
 * What the dashboard is given (the refresh's site data, on DuckDB and through the Athena stand-in,
 * which must agree): 01's and 02's debt states for the month, 01's held re-uploads, and the
 * national debt approved only with the units it sums. Run after nationalDebt() synced the mirror.
 */
async function siteSignOff() {
  const now = () => new Date('2025-04-10T00:00:00Z');
  const read = async (dir: string) => ({
    approvals: approvalRow
      .array()
      .parse(JSON.parse(await readFile(join(dir, SITE_FILES.approvals), 'utf8')))
      .filter((a) => a.dataset === 'debt' && a.period === PERIOD),
    approved: nationalRow
      .array()
      .parse(JSON.parse(await readFile(join(dir, NATIONAL_FILES.nationalApproved), 'utf8')))
      .find((r) => r.period === PERIOD),
  });
  const duckOut = await mkdtemp(join(dir, 'site-duckdb-'));
  await refreshSite({ mirrorDir: mirror, outDir: duckOut, now });
  const standIn = await startAthenaStandIn({ mirrorDir: mirror });
  const athenaOut = await mkdtemp(join(dir, 'site-athena-'));
  try {
    await refreshSite({
      mirrorDir: mirror,
      outDir: athenaOut,
      now,
      openEngine: standInSiteEngine(standIn.endpoint),
    });
  } finally {
    await standIn.close();
  }
  const viaDuckdb = await read(duckOut);
  expect(await read(athenaOut)).toEqual(viaDuckdb);
  const unit = (code: string) => viaDuckdb.approvals.find((a) => a.province === code);
  return {
    '01': unit('01')?.state,
    '02': unit('02')?.state,
    held: unit('01')?.held,
    missing: viaDuckdb.approvals.filter((a) => a.state === 'missing').length,
    approvedDebt: viaDuckdb.approved?.debt_total,
    approvedUnits: viaDuckdb.approved?.provinces_reported,
  };
}

/** Leadership's sign-off view from the upload API: states and the debt total three ways. */
async function leadershipView() {
  const api = createUploadApi({
    s3: s3.client,
    uploadsBucket: s3.uploadsBucket,
    lakeBucket: s3.lakeBucket,
    maxBytes: 1e6,
  });
  const response = await api({
    method: 'GET',
    path: '/api/approvals/national',
    query: new URLSearchParams({ period: PERIOD, dataset: 'debt' }),
    body: '',
    scope: 'all',
  });
  expect(response.status).toBe(200);
  const view = JSON.parse(response.body as string) as NationalApproval;
  const debt = (v: keyof NationalApproval['views']) =>
    view.views[v].units === 0 ? null : DEBT.reduce((sum, c) => sum + (view.views[v].totals[c] ?? 0), 0);
  const { approved, pending, reopened } = view.counts;
  return {
    states: { approved, pending, reopened },
    counted: debt('counted'),
    approvedOnly: debt('approved_only'),
    latestAccepted: debt('latest_accepted'),
  };
}

/** The national level publishes the month, or reads the snapshot back with its differences. */
async function published(method: 'POST' | 'GET') {
  const api = createUploadApi({
    s3: s3.client,
    uploadsBucket: s3.uploadsBucket,
    lakeBucket: s3.lakeBucket,
    maxBytes: 1e6,
    now: () => new Date('2025-04-06T08:00:00Z'),
  });
  const response = await api({
    method,
    path: method === 'POST' ? '/api/approvals/publish' : '/api/approvals/published',
    query: new URLSearchParams(method === 'GET' ? { period: PERIOD } : {}),
    body: method === 'POST' ? JSON.stringify({ period: PERIOD }) : '',
    scope: 'all',
    approver: { scope: 'all', role: 'national', actor: 'vu.tong.hop' },
  });
  expect(response.status).toBe(method === 'POST' ? 201 : 200);
  return JSON.parse(response.body as string) as {
    snapshot: PublishedSnapshot;
    differences: SnapshotDifference[];
  };
}

const debtOfTotals = (t: Record<string, number>) => DEBT.reduce((s, c) => s + (t[c] ?? 0), 0);

/** `vss doctor`'s reading: the lake must hold what counts, with no problem about it. */
async function doctorWinner(): Promise<{ winner: string | undefined; lakeProblems: string[] }> {
  const report = await checkConsistency({
    s3: s3.client,
    uploadsBucket: s3.uploadsBucket,
    lakeBucket: s3.lakeBucket,
  });
  return {
    winner: report.winners.get(`debt/${PERIOD}/01`),
    lakeProblems: report.problems
      .filter((p) => p.kind.startsWith('lake') || p.kind.startsWith('summary'))
      .map((p) => p.kind),
  };
}

async function receiptOf(province: string, uploadId: string): Promise<Receipt> {
  const got = await s3.client.send(
    new GetObjectCommand({ Bucket: s3.lakeBucket, Key: receiptKey('debt', PERIOD, province, uploadId) }),
  );
  return JSON.parse(await got.Body!.transformToString()) as Receipt;
}

describe('sign-off end to end', () => {
  it('counts the approved month, holds a re-upload, and counts it once reopened', async () => {
    const handled: string[] = [];
    handle = testIngestHandler(s3, { tmpDir: dir });
    const base = handle;
    handle = async (event) => {
      await base(event);
      handled.push(event.Records.map((r) => r.s3.object.key).join());
    };

    // 1. Accepted: counts at once, approval pending.
    await upload('01', 'no-t3.csv', first01, '2025-04-05T02:00:00Z');
    await upload('02', 'no-t3.csv', only02, '2025-04-05T03:00:00Z');
    const accepted = debtOf(first01) + debtOf(only02);
    expect(accepted).toBeGreaterThan(0);
    expect(await nationalDebt()).toEqual({ duckdb: accepted, athena: accepted });
    expect(await leadershipView()).toEqual({
      states: { approved: 0, pending: 2, reopened: 0 },
      counted: accepted,
      approvedOnly: null,
      latestAccepted: accepted,
    });
    // 63 units in 2025-03: the 61 without a report are neither approved nor pending
    const site = { '01': 'pending', '02': 'pending', held: 0, missing: 61 };
    expect(await siteSignOff()).toEqual({ ...site, approvedDebt: 0, approvedUnits: 0 });

    // 2. Approved by the director of 01, naming the upload read.
    const [firstRecord] = await listLedger(s3.client, s3.lakeBucket, {
      dataset: 'debt',
      period: PERIOD,
      province: '01',
    });
    const approval = await act(
      director,
      {
        action: 'approve',
        period: PERIOD,
        province: '01',
        covers: [{ dataset: 'debt', upload_id: firstRecord!.upload_id }],
      },
      '2025-04-06T01:00:00Z',
    );
    expect(approval).toMatchObject({ action: 'approve', role: 'director', actor: director.actor });
    expect(await nationalDebt()).toEqual({ duckdb: accepted, athena: accepted });
    expect(await leadershipView()).toEqual({
      states: { approved: 1, pending: 1, reopened: 0 },
      counted: accepted,
      approvedOnly: debtOf(first01),
      latestAccepted: accepted,
    });
    expect(await siteSignOff()).toEqual({
      ...site,
      '01': 'approved',
      approvedDebt: debtOf(first01),
      approvedUnits: 1,
    });

    // The national level publishes the month as it stands for a meeting.
    const { snapshot } = await published('POST');
    const units = Object.values(snapshot.reports.debt ?? {});
    expect(units.reduce((s, u) => s + debtOfTotals(u.totals), 0)).toBe(accepted);

    // 3. Re-upload for the approved month: kept, on the ledger, receipt says held; figures unchanged.
    await upload('01', 'no-t3-sua.csv', second01, '2025-04-07T02:00:00Z');
    const ledger = await listLedger(s3.client, s3.lakeBucket, {
      dataset: 'debt',
      period: PERIOD,
      province: '01',
    });
    const held = ledger.find((r) => r.file_name === 'no-t3-sua.csv');
    expect(held?.status).toBe('accepted');
    const heldReceipt = await receiptOf('01', held!.upload_id);
    expect(heldReceipt.held?.approved_upload_id).toBe(firstRecord!.upload_id);
    expect(heldReceipt.held?.message_vi).toMatch(/phê duyệt/);
    expect(await nationalDebt()).toEqual({ duckdb: accepted, athena: accepted });
    expect(await leadershipView()).toEqual({
      states: { approved: 1, pending: 1, reopened: 0 },
      counted: accepted,
      approvedOnly: debtOf(first01),
      latestAccepted: debtOf(second01) + debtOf(only02),
    });
    expect(await siteSignOff()).toEqual({
      ...site,
      '01': 'approved',
      held: 1,
      approvedDebt: debtOf(first01),
      approvedUnits: 1,
    });

    expect(await doctorWinner()).toEqual({ winner: firstRecord!.upload_id, lakeProblems: [] });

    // 4. Approving the held upload without a reopen is refused; a province cannot reopen another's month.
    const again = await signOff(
      s3.client,
      s3.lakeBucket,
      director,
      {
        action: 'approve',
        period: PERIOD,
        province: '01',
        covers: [{ dataset: 'debt', upload_id: held!.upload_id }],
      },
      new Date('2025-04-07T03:00:00Z'),
    );
    expect(again).toMatchObject({ ok: false, error: 'not_in_force' });
    const other = await signOff(
      s3.client,
      s3.lakeBucket,
      { scope: '02', role: 'director', actor: 'giam.doc.02' },
      { action: 'reopen', period: PERIOD, province: '01', datasets: ['debt'], reason: 'x' },
      new Date('2025-04-07T03:00:00Z'),
    );
    expect(other).toMatchObject({ ok: false, error: 'other_province' });

    // 5. Reopened with a reason: the re-upload counts.
    await act(
      director,
      {
        action: 'reopen',
        period: PERIOD,
        province: '01',
        datasets: ['debt'],
        reason: 'Sửa nợ BHYT / corrected HI debt',
      },
      '2025-04-08T01:00:00Z',
    );
    const reopened = debtOf(second01) + debtOf(only02);
    expect(reopened).not.toBe(accepted);
    expect(await nationalDebt()).toEqual({ duckdb: reopened, athena: reopened });
    expect(await leadershipView()).toEqual({
      states: { approved: 0, pending: 1, reopened: 1 },
      counted: reopened,
      approvedOnly: null,
      latestAccepted: reopened,
    });
    expect(await siteSignOff()).toEqual({ ...site, '01': 'reopened', approvedDebt: 0, approvedUnits: 0 });
    expect(handled.length).toBeGreaterThanOrEqual(2);
    expect(await doctorWinner()).toEqual({ winner: held!.upload_id, lakeProblems: [] });

    // The published snapshot keeps its numbers and lists what changed since: 01's debt only.
    const after = await published('GET');
    expect(after.snapshot.snapshot_id).toBe(snapshot.snapshot_id);
    expect(
      Object.values(after.snapshot.reports.debt ?? {}).reduce((s, u) => s + debtOfTotals(u.totals), 0),
    ).toBe(accepted);
    expect(after.differences.map((d) => [d.dataset, d.province])).toEqual([['debt', '01']]);
    const change = after.differences[0]!.change;
    expect(DEBT.reduce((s, c) => s + (change[c] ?? 0), 0)).toBe(debtOf(second01) - debtOf(first01));
  }, 120_000);
});
