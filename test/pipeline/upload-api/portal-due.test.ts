import { describe, expect, it } from 'vitest';
import type { LedgerRecord } from '../../../core/contracts/ledger-record.ts';
import { deadlineOf, dueStatus, periodDue } from '../../../pipeline/upload-api/due-reports.ts';

function record(status: LedgerRecord['status'], receivedAt: string): LedgerRecord {
  return {
    upload_id: `${status}-${receivedAt}`,
    key: 'uploads/debt/2025-12/48/x.csv',
    version_id: null,
    dataset: 'debt',
    period: '2025-12',
    province: '48',
    file_name: 'x.csv',
    sha256: '0'.repeat(64),
    bytes: 10,
    received_at: receivedAt,
    ingested_at: receivedAt,
    status,
    rows_read: 1,
    rows_accepted: status === 'rejected' ? 0 : 1,
    rows_rejected: status === 'rejected' ? 1 : 0,
    error_count: status === 'rejected' ? 1 : 0,
    warning_count: 0,
    supersedes: null,
  };
}

describe('what is due', () => {
  it('puts the deadline at the end of the 10th of the next month, Vietnam time, across a year end', () => {
    expect(deadlineOf('2025-12')).toBe('2026-01-10T17:00:00.000Z');
    expect(deadlineOf('2025-08')).toBe('2025-09-10T17:00:00.000Z');
  });

  it("asks for last month's reports (Vietnam's calendar decides the month)", () => {
    expect(periodDue(new Date('2026-11-20T03:00:00Z'))).toBe('2026-10');
    // 18:00 UTC on 31 October is already 1 November in Vietnam.
    expect(periodDue(new Date('2026-10-31T18:00:00Z'))).toBe('2026-10');
  });

  it('counts the first accepted upload: on time up to the last second of the deadline day, late after', () => {
    const deadline = deadlineOf('2025-12');
    expect(dueStatus([record('accepted', '2026-01-10T16:59:59.999Z')], deadline).status).toBe('on_time');
    expect(dueStatus([record('accepted', '2026-01-10T17:00:00.000Z')], deadline).status).toBe('late');
    const resubmitted = [
      record('accepted', '2026-01-20T00:00:00.000Z'),
      record('accepted', '2026-01-05T00:00:00.000Z'),
    ];
    expect(dueStatus(resubmitted, deadline)).toEqual({
      status: 'on_time',
      deadline,
      receivedAt: '2026-01-05T00:00:00.000Z',
    });
  });

  it('says rejected when only rejected uploads came, and missing when none did', () => {
    const deadline = deadlineOf('2025-12');
    expect(dueStatus([record('rejected', '2026-01-02T00:00:00.000Z')], deadline).status).toBe('rejected');
    expect(dueStatus([], deadline)).toEqual({ status: 'missing', deadline, receivedAt: null });
  });
});
