/**
 * Leadership's view of a month's sign-off for one report: how many units are approved, pending
 * approval, reopened or missing, and the national totals three ways, each summed from the
 * receipts of the uploads that count in that view (a receipt's totals are the sums of its
 * accepted rows):
 *
 *   counted          what the lake and every figure hold: approved while locked, else latest accepted
 *   approved_only    approved units only; the others are left out, not counted as zero
 *   latest_accepted  every unit's last accepted upload, held ones included
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { listApprovals } from '../approval/approval-store.ts';
import { approvedOnly, reportStanding, type ApprovalState } from '../approval/standing.ts';
import type { DatasetName } from '../../core/datasets/index.ts';
import type { LedgerRecord } from '../../core/contracts/ledger-record.ts';
import { listLedger } from '../ledger/ledger-store.ts';
import type { Period } from '../../core/period.ts';
import { provinces } from '../reference/provinces.ts';
import { readReceipt } from './receipt-lookup.ts';

export const APPROVAL_VIEWS = ['counted', 'approved_only', 'latest_accepted'] as const;
export type ApprovalView = (typeof APPROVAL_VIEWS)[number];

export interface ViewTotals {
  /** How many units have figures in this view. */
  units: number;
  totals: Record<string, number>;
}

export interface NationalApproval {
  period: Period;
  dataset: DatasetName;
  units: number;
  counts: Record<ApprovalState, number>;
  views: Record<ApprovalView, ViewTotals>;
  provinces: Array<{
    province: string;
    state: ApprovalState;
    held: number;
    /** The upload counted for the unit and its receipt's totals; null when none counts. */
    counted: { upload_id: string; totals: Record<string, number> } | null;
  }>;
}

export async function nationalApproval(
  s3: S3Client,
  lakeBucket: string,
  period: Period,
  dataset: DatasetName,
): Promise<NationalApproval> {
  const units = provinces().validIn(period);
  const totalsCache = new Map<string, Promise<Record<string, number>>>();
  const totalsOf = (record: LedgerRecord) => {
    let got = totalsCache.get(record.upload_id);
    if (!got)
      totalsCache.set(record.upload_id, (got = readReceipt(s3, lakeBucket, record).then((r) => r.totals)));
    return got;
  };
  const perUnit = await Promise.all(
    units.map(async ({ code }) => {
      const pm = { dataset, period, province: code };
      const [ledger, approvals] = await Promise.all([
        listLedger(s3, lakeBucket, pm),
        listApprovals(s3, lakeBucket, pm),
      ]);
      const standing = reportStanding(pm, ledger, approvals);
      const pick: Record<ApprovalView, LedgerRecord | undefined> = {
        counted: standing.counted,
        approved_only: approvedOnly(standing),
        latest_accepted: standing.latestAccepted,
      };
      const totals = await Promise.all(
        APPROVAL_VIEWS.map(async (v) => [v, pick[v] ? await totalsOf(pick[v]) : undefined] as const),
      );
      const countedTotals = totals.find(([v]) => v === 'counted')?.[1];
      const counted =
        standing.counted && countedTotals
          ? { upload_id: standing.counted.upload_id, totals: countedTotals }
          : null;
      return { province: code, state: standing.state, held: standing.held.length, totals, counted };
    }),
  );
  const counts: Record<ApprovalState, number> = { approved: 0, pending: 0, reopened: 0, missing: 0 };
  const views = Object.fromEntries(APPROVAL_VIEWS.map((v) => [v, { units: 0, totals: {} }])) as Record<
    ApprovalView,
    ViewTotals
  >;
  for (const unit of perUnit) {
    counts[unit.state] += 1;
    for (const [view, totals] of unit.totals) {
      if (!totals) continue;
      views[view].units += 1;
      for (const [column, value] of Object.entries(totals))
        views[view].totals[column] = (views[view].totals[column] ?? 0) + value;
    }
  }
  return {
    period,
    dataset,
    units: units.length,
    counts,
    views,
    provinces: perUnit.map(({ province, state, held, counted }) => ({ province, state, held, counted })),
  };
}
