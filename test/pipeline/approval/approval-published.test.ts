import { describe, expect, it } from 'vitest';
import {
  snapshotDifferences,
  snapshotIdOf,
  type PublishedSnapshot,
} from '../../../pipeline/approval/published-snapshot.ts';

const body = {
  period: '2025-03',
  actor: 'vu.tong.hop',
  role: 'national' as const,
  at: '2025-04-10T01:00:00Z',
  reports: {
    debt: {
      '01': { upload_id: 'a', totals: { no_bhxh: 100, no_bhyt: 20 } },
      '02': { upload_id: 'p', totals: { no_bhxh: 50, no_bhyt: 5 } },
    },
  },
};
const snapshot: PublishedSnapshot = { ...body, snapshot_id: snapshotIdOf(body) };

describe('snapshotDifferences', () => {
  it('lists nothing while every unit counts the published upload', () => {
    expect(snapshotDifferences(snapshot, body.reports)).toEqual([]);
  });

  it('lists a unit whose counted upload changed, with the change per column', () => {
    const now = {
      debt: { ...body.reports.debt, '01': { upload_id: 'b', totals: { no_bhxh: 130, no_bhyt: 20 } } },
    };
    expect(snapshotDifferences(snapshot, now)).toEqual([
      {
        dataset: 'debt',
        province: '01',
        published: body.reports.debt['01'],
        current: now.debt['01'],
        change: { no_bhxh: 30, no_bhyt: 0 },
      },
    ]);
  });

  it('says missing, not zero, for a unit that counts nothing now or did not when published', () => {
    const now = { debt: { '01': body.reports.debt['01'], '03': { upload_id: 'n', totals: { no_bhxh: 7 } } } };
    const diff = snapshotDifferences(snapshot, now);
    expect(diff.map((d) => [d.province, d.change])).toEqual([
      ['02', { no_bhxh: null, no_bhyt: null }],
      ['03', { no_bhxh: null }],
    ]);
  });
});
