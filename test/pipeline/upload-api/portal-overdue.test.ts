/** The portal's list of reports still owed: every earlier month without an accepted upload. */
import { describe, expect, it } from 'vitest';
import { DATASET_NAMES } from '../../../core/datasets/index.ts';
import type { HistoryEntry } from '../../../core/contracts/due-report.ts';
import { OVERDUE_MONTHS, overdueReports } from '../../../pipeline/upload-api/due-reports.ts';

const entry = (
  dataset: HistoryEntry['dataset'],
  period: string,
  status: HistoryEntry['status'],
): HistoryEntry => ({
  dataset,
  period,
  key: `uploads/${dataset}/${period}/48/f.csv`,
  fileName: 'f.csv',
  sha256: '0'.repeat(64),
  receivedAt: `${period}-28T03:00:00.000Z`,
  status,
  rowsRead: 1,
  rowsAccepted: status === 'accepted' ? 1 : 0,
  errorCount: status === 'rejected' ? 1 : 0,
});

describe('reports still owed', () => {
  it('lists each earlier month and report with no accepted upload, rejected ones said so', () => {
    const history = [
      ...DATASET_NAMES.map((d) => entry(d, '2025-08', 'accepted')),
      entry('debt', '2025-07', 'rejected'),
      entry('coverage', '2025-07', 'accepted'),
      entry('coverage', '2025-06', 'duplicate'),
    ];
    const owed = overdueReports('48', '2025-09', history);
    // Every month-dataset of the twelve, less the five of 08/2025, coverage 07 and coverage 06.
    expect(owed).toHaveLength(OVERDUE_MONTHS * DATASET_NAMES.length - DATASET_NAMES.length - 2);
    expect(owed[0]).toEqual({
      dataset: 'debt',
      period: '2025-07',
      status: 'rejected',
      deadline: '2025-08-10T17:00:00.000Z',
      receivedAt: null,
    });
    expect(owed.some((r) => r.period === '2025-08')).toBe(false);
    expect(owed.filter((r) => r.status === 'rejected')).toHaveLength(1);
    expect(owed.at(-1)?.period).toBe('2024-09');
  });

  it('does not ask a merged province for the months after its code was retired', () => {
    const owed = overdueReports('49', '2025-09', []); // Quảng Nam, merged into Đà Nẵng from 2025-07
    expect(new Set(owed.map((r) => r.period)).has('2025-07')).toBe(false);
    expect(owed[0]?.period).toBe('2025-06');
    expect(owed).toHaveLength((OVERDUE_MONTHS - 2) * DATASET_NAMES.length);
  });
});
