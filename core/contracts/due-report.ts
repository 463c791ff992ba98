/**
 * The portal's answer to "what does this province owe for a month": the body of
 * `GET /api/due`, built by pipeline/upload-api/due-reports.ts and drawn by
 * dashboard/src/portal/due-view.ts, so both sides read one shape.
 */
import type { DatasetName } from '../datasets/index.ts';
import type { LedgerRecord } from './ledger-record.ts';
import type { Period } from '../period.ts';

export type DueStatus = 'on_time' | 'late' | 'rejected' | 'missing';

export interface DueReport {
  dataset: DatasetName;
  status: DueStatus;
  deadline: string;
  /** When the accepted upload that counts arrived, if any. */
  receivedAt: string | null;
}

/** A report of an earlier month still owed: its deadline has passed and nothing was accepted. */
export interface OverdueReport extends DueReport {
  period: Period;
}

/** One upload a province sent, as its history lists it. */
export interface HistoryEntry {
  dataset: DatasetName;
  period: Period;
  key: string;
  fileName: string;
  sha256: string;
  receivedAt: string;
  status: LedgerRecord['status'];
  rowsRead: number;
  rowsAccepted: number;
  errorCount: number;
}

export interface DueAnswer {
  province: string;
  period: Period;
  reports: DueReport[];
  /** Earlier months' reports still owed (missing or only rejected), newest month first. */
  overdue: OverdueReport[];
  /** Every month's uploads, newest first. */
  history: HistoryEntry[];
}
