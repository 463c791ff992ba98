/**
 * What a province owes for a month and what it has sent, from the ledger: for each dataset,
 * on time, late, rejected (only rejected uploads so far) or missing, with the same deadline rule
 * as queries/completeness.sql (the first accepted upload counts; due by the end of the 10th of
 * the next month, Vietnam time), the earlier months' reports still owed, and every upload the
 * province ever sent, with its outcome.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { DATASET_NAMES } from '../../core/datasets/index.ts';
import type { LedgerRecord } from '../../core/contracts/ledger-record.ts';
import { listLedger } from '../ledger/ledger-store.ts';
import { addMonths, periodOf, type Period } from '../../core/period.ts';
import { provinces } from '../reference/provinces.ts';
import type { DueAnswer, DueReport, HistoryEntry, OverdueReport } from '../../core/contracts/due-report.ts';
import { provinceHistory } from './province-history.ts';

export const DEADLINE_DAY = 10;

/** How far back the portal looks for reports still owed. */
export const OVERDUE_MONTHS = 12;

/** The end of the deadline day in Vietnam (UTC+7), as an ISO instant: 17:00 UTC that day. */
export function deadlineOf(period: Period, day = DEADLINE_DAY): string {
  return `${addMonths(period, 1)}-${String(day).padStart(2, '0')}T17:00:00.000Z`;
}

/** The month whose reports are due now: last month's (this month's is not over yet). */
export function periodDue(now: Date): Period {
  return addMonths(periodOf(now), -1);
}

export function dueStatus(records: readonly LedgerRecord[], deadline: string): Omit<DueReport, 'dataset'> {
  const accepted = records
    .filter((r) => r.status === 'accepted')
    .map((r) => r.received_at)
    .sort();
  const first = accepted[0];
  if (first !== undefined)
    return {
      status: Date.parse(first) < Date.parse(deadline) ? 'on_time' : 'late',
      deadline,
      receivedAt: first,
    };
  const status = records.some((r) => r.status === 'rejected') ? 'rejected' : 'missing';
  return { status, deadline, receivedAt: null };
}

export async function dueReports(
  s3: S3Client,
  lakeBucket: string,
  province: string,
  period: Period,
): Promise<DueAnswer> {
  const deadline = deadlineOf(period);
  const [perDataset, history] = await Promise.all([
    Promise.all(
      DATASET_NAMES.map(async (dataset) => ({
        dataset,
        records: await listLedger(s3, lakeBucket, { dataset, period, province }),
      })),
    ),
    provinceHistory(s3, lakeBucket, province),
  ]);
  return {
    province,
    period,
    reports: perDataset.map(({ dataset, records }) => ({ dataset, ...dueStatus(records, deadline) })),
    overdue: overdueReports(province, period, history),
    history,
  };
}

/**
 * The reports of the OVERDUE_MONTHS months before `period` that `province` still owes, from its
 * upload history: every dataset of every month in which its code named a unit (a merged
 * province's old months are its old units' to send) with no accepted upload.
 */
export function overdueReports(
  province: string,
  period: Period,
  history: readonly HistoryEntry[],
): OverdueReport[] {
  const owed: OverdueReport[] = [];
  for (let back = 1; back <= OVERDUE_MONTHS; back++) {
    const month = addMonths(period, -back);
    if (!provinces().find(province, month)) continue;
    for (const dataset of DATASET_NAMES) {
      const sent = history.filter((h) => h.dataset === dataset && h.period === month);
      if (sent.some((h) => h.status === 'accepted' || h.status === 'duplicate')) continue;
      owed.push({
        dataset,
        period: month,
        status: sent.some((h) => h.status === 'rejected') ? 'rejected' : 'missing',
        deadline: deadlineOf(month),
        receivedAt: null,
      });
    }
  }
  return owed;
}
