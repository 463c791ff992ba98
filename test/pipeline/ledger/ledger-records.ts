/** Ledger records of debt uploads for province 01 in 2025-03, for tests of what decides on them. */
import type { LedgerRecord } from '../../../core/contracts/ledger-record.ts';

export function ledgerRecord(
  id: string,
  status: LedgerRecord['status'],
  receivedAt: string,
  sha = `sha-${id}`,
): LedgerRecord {
  return {
    upload_id: id,
    key: `uploads/debt/2025-03/01/${id}.csv`,
    version_id: null,
    dataset: 'debt',
    period: '2025-03',
    province: '01',
    file_name: `${id}.csv`,
    sha256: sha,
    bytes: 10,
    received_at: receivedAt,
    ingested_at: receivedAt,
    status,
    rows_read: 1,
    rows_accepted: status === 'rejected' ? 0 : 1,
    rows_rejected: 0,
    error_count: 0,
    warning_count: 0,
    supersedes: null,
  };
}
