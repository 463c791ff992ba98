/**
 * The receipt: the platform's answer to one upload, the same from `vss validate`, from ingest
 * (stored under receipts/) and on the portal page. Its JSON shape is a contract with the provinces.
 */
import type { DatasetName } from '../datasets/index.ts';
import type { Period } from '../period.ts';

export interface ReceiptIssue {
  /** Worksheet name for XLSX, null for CSV. */
  sheet: string | null;
  /** The row number the officer sees (1-based, title and header rows counted); null for file-level. */
  row: number | null;
  /** Column key of the template, or null for a file- or row-level issue. */
  column: string | null;
  /** Machine-readable rule id, e.g. `integer.min`, `header.missing`, `rule.sum_equals`. */
  rule: string;
  expected: string;
  found: string;
  message_vi: string;
  message_en: string;
}

export interface Receipt {
  upload: {
    key: string;
    dataset: DatasetName;
    province: string;
    period: Period;
    sha256: string;
    bytes: number;
    received_at: string;
  };
  status: 'accepted' | 'rejected';
  rows: { read: number; accepted: number; rejected: number };
  /** Sum over accepted rows of each amount or count column (see isTotal). */
  totals: Record<string, number>;
  errors: ReceiptIssue[];
  warnings: ReceiptIssue[];
  /**
   * Set when the month's report is approved and this accepted upload is kept but not counted
   * until the month is reopened (pipeline/approval/standing.ts). Absent otherwise.
   */
  held?: {
    approved_upload_id: string;
    approved_at: string;
    message_vi: string;
    message_en: string;
  };
}
