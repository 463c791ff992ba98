/**
 * The soak run in a reduced size (the full size is `npm run soak`): every unit of one month and
 * of the month before the 2025 reform, then corrections, broken files and resends, through the
 * real handler with S3 faults, duplicate and shuffled deliveries, Lambda retries, the failure
 * queue and its redrive, and the local S3 restarted mid-run. A fixed seed: the same run each time.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { runSoak, type SoakReport } from '../../tools/fault/fault-soak.ts';

let dir: string;
let report: SoakReport;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vss-fault-soak-'));
  report = await runSoak({
    dataDir: dir,
    seed: 20251,
    uploads: 60,
    periods: ['2025-07'],
    faultRate: 0.08,
    restartChance: 0.6,
    waveSize: 15,
  });
}, 300_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('soak (reduced size)', () => {
  it('covered every kind of upload and of fault', () => {
    expect(report.sent).toBe(60);
    expect(report.byKind.first).toBe(34);
    for (const kind of ['correction', 'broken', 'resend'] as const)
      expect(report.byKind[kind]).toBeGreaterThan(0);
    expect(report.deliveries).toBeGreaterThan(report.sent);
    expect(report.faults.throttled).toBeGreaterThan(0);
    expect(report.faults.lostAfterWrite).toBeGreaterThan(0);
    expect(report.failedAttempts).toBeGreaterThan(0);
    expect(report.restarts).toBeGreaterThan(0);
  });

  it('left the failure queue empty after the redrive', () => {
    expect(report.redriven).toBe(report.deadLettered);
  });

  it('national debt from the queries equals the sum over the latest valid files', () => {
    expect(report.checks.national.length).toBeGreaterThan(0);
    for (const n of report.checks.national) expect(n.queried).toBe(n.expected);
  });

  it('every lake object holds exactly the rows of its latest valid file, and doctor finds nothing', () => {
    expect(report.checks.lakeRowsWrong).toEqual([]);
    expect(report.checks.doctor).toEqual([]);
  });

  it('a clean replay gives the same lake, summaries, receipts and ledger', () => {
    const r = report.checks.replay;
    expect(r.failed).toBe(0);
    expect(r.lakeObjects).toBe(34);
    expect(r.lakeRowsEqual).toBe(true);
    expect(r.stampsWrong).toBe(0);
    expect(r.winnersEqual).toBe(true);
    expect(r.summariesEqual).toBe(true);
    expect(r.summaryBytesEqual).toBe(r.summaries);
    expect(r.receiptsEqual).toBe(true);
    expect(r.ledgerRecords).toBe(report.sent);
    expect(r.ledgerEqualBesideOrder).toBe(true);
  });
});
