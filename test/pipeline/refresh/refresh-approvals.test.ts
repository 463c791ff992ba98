/**
 * The refresh's sign-off files on both engines: approvals.json (each unit's state), and the
 * national figures "approved only" (national-approved.json). With every counted report approved
 * they must equal national.json; with one approved they must be that unit's figures alone, worked
 * out from the scenario's rows by hand. DuckDB and the Athena stand-in must write the same files.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { approvalIdOf, type ApprovalRecord } from '../../../pipeline/approval/approval-record.ts';
import { approvalKey } from '../../../core/contracts/layout.ts';
import {
  approvalRow,
  NATIONAL_FILES,
  nationalRow,
  reportRow,
  SITE_FILES,
  type ReportRow,
} from '../../../core/contracts/site-data.ts';
import type { DatasetName } from '../../../core/datasets/index.ts';
import { refreshSite } from '../../../pipeline/refresh/refresh.ts';
import { startAthenaStandIn, type AthenaStandIn } from '../../support/athena-stand-in/server.ts';
import { standInSiteEngine } from '../query/athena/athena-harness.ts';
import { tempDir, writeLedgerRecord } from '../query/engine-fixture.ts';
import { writeScenario } from '../query/engine-scenario.ts';

const now = () => new Date('2026-03-11T01:00:00Z');
const read = (dir: string, file: string): unknown => JSON.parse(readFileSync(join(dir, file), 'utf8'));

function writeRecord(mirror: string, fields: Omit<ApprovalRecord, 'approval_id'>): void {
  const record = { ...fields, approval_id: approvalIdOf(fields) };
  const path = join(mirror, approvalKey(record.period as '2025-07', record.province, record.approval_id));
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(record));
}

const approve = (mirror: string, r: ReportRow, at = '2026-01-05T01:00:00.000Z') =>
  writeRecord(mirror, {
    action: 'approve',
    period: r.period,
    province: r.province,
    covers: [{ dataset: r.dataset as DatasetName, upload_id: r.upload_id }],
    actor: 'giam.doc',
    role: 'director',
    at,
    reason: null,
  });

/** The upload each report counts without a sign-off: the last accepted to arrive (the scenario has no resends). */
function counted(reports: readonly ReportRow[]): ReportRow[] {
  const last = new Map<string, ReportRow>();
  for (const r of reports.filter((x) => x.status === 'accepted')) {
    const key = `${r.dataset}/${r.period}/${r.province}`;
    const seen = last.get(key);
    if (!seen || r.received_at > seen.received_at) last.set(key, r);
  }
  return [...last.values()];
}

let standIn: AthenaStandIn | undefined;
afterAll(async () => {
  await standIn?.close();
});

/** Refreshes `mirror` on DuckDB and through the Athena stand-in; the two outputs must agree. */
async function bothEngines(mirror: string): Promise<string> {
  const viaDuckdb = tempDir('approvals-duckdb');
  await refreshSite({ mirrorDir: mirror, outDir: viaDuckdb, now });
  await standIn?.close();
  standIn = await startAthenaStandIn({ mirrorDir: mirror });
  const endpoint = standIn.endpoint;
  const viaAthena = tempDir('approvals-athena');
  await refreshSite({
    mirrorDir: mirror, // the sign-off records, copied beside the lake as the Lambda does
    outDir: viaAthena,
    now,
    openEngine: standInSiteEngine(endpoint),
  });
  for (const file of [
    SITE_FILES.approvals,
    NATIONAL_FILES.nationalApproved,
    NATIONAL_FILES.comparisonsApproved,
  ])
    expect(read(viaAthena, file), file).toEqual(read(viaDuckdb, file));
  return viaDuckdb;
}

describe('the refresh on sign-off', () => {
  let reports: ReportRow[];
  beforeAll(async () => {
    const probe = tempDir('approvals-probe');
    await writeScenario(probe);
    const out = tempDir('approvals-probe-out');
    await refreshSite({ mirrorDir: probe, outDir: out, now });
    reports = reportRow.array().parse(read(out, SITE_FILES.reports));
    expect(counted(reports).length).toBeGreaterThan(3);
  }, 120_000);

  it('with nothing approved: every report pending or missing, and no approved-only figure', async () => {
    const mirror = tempDir('approvals-none');
    await writeScenario(mirror);
    const out = await bothEngines(mirror);
    const states = approvalRow.array().parse(read(out, SITE_FILES.approvals));
    const pending = states.filter((s) => s.state === 'pending');
    // one row per dataset, month and unit valid that month: 6 datasets x (63 + 34)
    expect(states).toHaveLength(6 * (63 + 34));
    expect(pending.map((s) => `${s.dataset}/${s.period}/${s.province}`).sort()).toEqual(
      counted(reports)
        .map((r) => `${r.dataset}/${r.period}/${r.province}`)
        .sort(),
    );
    expect(states.filter((s) => s.state !== 'pending').every((s) => s.state === 'missing')).toBe(true);
    const approvedOnly = nationalRow.array().parse(read(out, NATIONAL_FILES.nationalApproved));
    expect(approvedOnly.map((r) => [r.period, r.debt_total, r.provinces_reported])).toEqual([
      ['2025-06', 0, 0],
      ['2025-07', 0, 0],
    ]);
  }, 120_000);

  it('with every counted report approved: the approved-only figures are national.json', async () => {
    const mirror = tempDir('approvals-all');
    await writeScenario(mirror);
    // The scenario's collection object of 01 for 2025-06 has no upload on the ledger; in a real
    // lake every object comes from one, and only an upload can be approved.
    writeLedgerRecord(mirror, {
      dataset: 'collection',
      period: '2025-06',
      province: '01',
      received_at: '2025-07-02T00:00:00.000Z',
    });
    // writeScenario numbers its uploads afresh: match the probe's reports by place and arrival.
    const fresh = tempDir('approvals-all-out');
    await refreshSite({ mirrorDir: mirror, outDir: fresh, now });
    const mine = counted(reportRow.array().parse(read(fresh, SITE_FILES.reports)));
    for (const r of mine) approve(mirror, r);
    const out = await bothEngines(mirror);
    const states = approvalRow.array().parse(read(out, SITE_FILES.approvals));
    expect(states.filter((s) => s.state === 'approved')).toHaveLength(mine.length);
    expect(read(out, NATIONAL_FILES.nationalApproved)).toEqual(read(out, SITE_FILES.national));
    expect(read(out, NATIONAL_FILES.comparisonsApproved)).toEqual(read(out, NATIONAL_FILES.comparisons));
  }, 120_000);

  it('with one report approved and one reopened: that unit alone, and the states said', async () => {
    const mirror = tempDir('approvals-one');
    await writeScenario(mirror);
    const fresh = tempDir('approvals-one-out');
    await refreshSite({ mirrorDir: mirror, outDir: fresh, now });
    const mine = counted(reportRow.array().parse(read(fresh, SITE_FILES.reports)));
    const debt = (province: string) =>
      mine.find((r) => r.dataset === 'debt' && r.period === '2025-07' && r.province === province);
    approve(mirror, debt('01')!);
    approve(mirror, debt('08')!);
    writeRecord(mirror, {
      action: 'reopen',
      period: '2025-07',
      province: '08',
      covers: [{ dataset: 'debt', upload_id: debt('08')!.upload_id }],
      actor: 'giam.doc',
      role: 'director',
      at: '2026-01-06T01:00:00.000Z',
      reason: 'Sửa số nợ / corrected debt',
    });
    const out = await bothEngines(mirror);
    const states = approvalRow.array().parse(read(out, SITE_FILES.approvals));
    const july = states.filter((s) => s.dataset === 'debt' && s.period === '2025-07');
    expect(july.find((s) => s.province === '01')?.state).toBe('approved');
    expect(july.find((s) => s.province === '08')?.state).toBe('reopened');
    expect(july.filter((s) => s.state === 'missing')).toHaveLength(34 - 2);
    const approvedOnly = nationalRow.array().parse(read(out, NATIONAL_FILES.nationalApproved));
    const row = approvedOnly.find((r) => r.period === '2025-07');
    // 01's one debtor in 2025-07: 200 + 0 + 0, owing 6 months; no other report of 01 is approved
    expect(row).toMatchObject({
      debt_bhxh: 200,
      debt_total: 200,
      debt_3m_plus: 200,
      employers_owing: 1,
      hi_participants: 0,
      provinces_reported: 1,
      provinces_expected: 34,
      rate_units: 0,
    });
  }, 120_000);
});
