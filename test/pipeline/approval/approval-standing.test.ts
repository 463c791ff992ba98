import { describe, expect, it } from 'vitest';
import {
  approvalIdOf,
  approvalRecord,
  type ApprovalRecord,
} from '../../../pipeline/approval/approval-record.ts';
import { approvedOnly, reportStanding } from '../../../pipeline/approval/standing.ts';
import type { DatasetName } from '../../../core/datasets/index.ts';
import { ledgerRecord } from '../ledger/ledger-records.ts';

const upload = ledgerRecord;

function action(
  kind: ApprovalRecord['action'],
  at: string,
  covers: Array<[DatasetName, string]>,
  reason: string | null = null,
): ApprovalRecord {
  const body = {
    action: kind,
    period: '2025-03',
    province: '01',
    covers: covers.map(([dataset, upload_id]) => ({ dataset, upload_id })),
    actor: kind === 'return' || kind === 'publish' ? 'vu.tong.hop' : 'giam.doc.01',
    role: kind === 'return' || kind === 'publish' ? ('national' as const) : ('director' as const),
    at,
    reason,
  };
  return approvalRecord.parse({ ...body, approval_id: approvalIdOf(body) });
}

const debt = { dataset: 'debt', period: '2025-03', province: '01' } as const;
const a = upload('a', 'accepted', '2025-04-05T00:00:00Z');
const b = upload('b', 'accepted', '2025-04-07T00:00:00Z');
const approveA = action('approve', '2025-04-06T01:00:00Z', [['debt', 'a']]);
const reopen = action(
  'reopen',
  '2025-04-08T01:00:00Z',
  [['debt', 'a']],
  'Sửa số nợ BHYT / corrected HI debt',
);

describe('reportStanding', () => {
  it('is missing with no accepted upload and pending once one is in', () => {
    expect(reportStanding(debt, [upload('r', 'rejected', '2025-04-05T00:00:00Z')], []).state).toBe('missing');
    const s = reportStanding(debt, [a], []);
    expect(s).toMatchObject({ state: 'pending', held: [] });
    expect(s.counted?.upload_id).toBe('a');
    expect(approvedOnly(s)).toBeUndefined();
  });

  it('counts the approved upload and holds a later one until reopened', () => {
    const locked = reportStanding(debt, [a, b], [approveA]);
    expect(locked.state).toBe('approved');
    expect(locked.counted?.upload_id).toBe('a');
    expect(locked.latestAccepted?.upload_id).toBe('b');
    expect(locked.held.map((r) => r.upload_id)).toEqual(['b']);
    expect(approvedOnly(locked)?.upload_id).toBe('a');

    const open = reportStanding(debt, [a, b], [approveA, reopen]);
    expect(open).toMatchObject({ state: 'reopened', held: [] });
    expect(open.counted?.upload_id).toBe('b');
    expect(approvedOnly(open)).toBeUndefined();
  });

  it('lets the national level return an approved month, with the same effect as a reopen', () => {
    const back = action('return', '2025-04-08T02:00:00Z', [['debt', 'a']], 'Số liệu lệch / figures differ');
    const s = reportStanding(debt, [a, b], [approveA, back]);
    expect(s.state).toBe('reopened');
    expect(s.counted?.upload_id).toBe('b');
  });

  it('approves again after a reopen, now the newer upload, whatever order the records are listed in', () => {
    const approveB = action('approve', '2025-04-09T00:00:00Z', [['debt', 'b']]);
    for (const approvals of [
      [approveA, reopen, approveB],
      [approveB, approveA, reopen],
      [reopen, approveB, approveA],
    ]) {
      const s = reportStanding(debt, [b, a], approvals);
      expect(s.state).toBe('approved');
      expect(s.counted?.upload_id).toBe('b');
      expect(s.lastAction?.approval_id).toBe(approveB.approval_id);
    }
  });

  it('holds an upload that arrived before the sign-off but was not the one the director read', () => {
    // B arrived before the approval was given, yet the approval names A: A is what was read.
    const late = action('approve', '2025-04-07T05:00:00Z', [['debt', 'a']]);
    const s = reportStanding(debt, [a, b], [late]);
    expect(s.counted?.upload_id).toBe('a');
    expect(s.held.map((r) => r.upload_id)).toEqual(['b']);
  });

  it('does not hold a resend of the approved bytes, recorded as duplicate or as accepted', () => {
    const dup = upload('a2', 'duplicate', '2025-04-07T00:00:00Z', a.sha256);
    const s = reportStanding(debt, [a, dup], [approveA]);
    expect(s).toMatchObject({ state: 'approved', held: [] });
    // A, B, then A's bytes again: ingest records the resend as accepted over B; same rows as approved.
    const resent = upload('a3', 'accepted', '2025-04-09T00:00:00Z', a.sha256);
    const t = reportStanding(debt, [a, b, resent], [approveA]);
    expect(t.counted?.upload_id).toBe('a');
    expect(t.held.map((r) => r.upload_id)).toEqual(['b']);
  });

  it('locks only the reports the approval covers', () => {
    const approveCoverage = action('approve', '2025-04-06T01:00:00Z', [['coverage', 'c1']]);
    const s = reportStanding(debt, [a, b], [approveCoverage]);
    expect(s.state).toBe('pending');
    expect(s.counted?.upload_id).toBe('b');
  });

  it('ignores an approval naming an upload this report never accepted', () => {
    const wrong = action('approve', '2025-04-06T01:00:00Z', [['debt', 'zzz']]);
    const rejected = upload('x', 'rejected', '2025-04-05T12:00:00Z');
    const onRejected = action('approve', '2025-04-06T02:00:00Z', [['debt', 'x']]);
    expect(reportStanding(debt, [a, b], [wrong]).counted?.upload_id).toBe('b');
    expect(reportStanding(debt, [a, rejected], [onRejected]).state).toBe('pending');
  });

  it('ignores publish records and records of other province-months', () => {
    const publish = action('publish', '2025-04-10T00:00:00Z', [['debt', 'a']]);
    const other = { ...approveA, province: '02' };
    const s = reportStanding(debt, [a, b, { ...b, upload_id: 'p2', province: '02' }], [publish, other]);
    expect(s.state).toBe('pending');
    expect(s.counted?.upload_id).toBe('b');
  });

  it('breaks a tie between actions at the same instant by id, the same for every reader', () => {
    const at = '2025-04-08T01:00:00Z';
    const x = action('approve', at, [['debt', 'a']]);
    const y = action('reopen', at, [['debt', 'a']], 'lý do / reason');
    const expected = x.approval_id > y.approval_id ? 'approved' : 'reopened';
    expect(reportStanding(debt, [a, b], [x, y]).state).toBe(expected);
    expect(reportStanding(debt, [a, b], [y, x]).state).toBe(expected);
  });
});

describe('approvalRecord', () => {
  const base = {
    approval_id: 'f'.repeat(24),
    period: '2025-03',
    province: '01',
    covers: [{ dataset: 'debt', upload_id: 'a' }],
    actor: 'giam.doc.01',
    at: '2025-04-08T01:00:00Z',
  };
  it('needs a reason to reopen or return, and the right role for each action', () => {
    expect(
      approvalRecord.safeParse({ ...base, action: 'reopen', role: 'director', reason: ' ' }).success,
    ).toBe(false);
    expect(
      approvalRecord.safeParse({ ...base, action: 'reopen', role: 'director', reason: 'sửa' }).success,
    ).toBe(true);
    expect(
      approvalRecord.safeParse({ ...base, action: 'return', role: 'director', reason: 'x' }).success,
    ).toBe(false);
    expect(
      approvalRecord.safeParse({ ...base, action: 'approve', role: 'national', reason: null }).success,
    ).toBe(false);
    expect(
      approvalRecord.safeParse({ ...base, action: 'approve', role: 'director', reason: null }).success,
    ).toBe(true);
  });
  it('refuses two uploads of one report in one record', () => {
    const covers = [...base.covers, { dataset: 'debt', upload_id: 'b' }];
    expect(
      approvalRecord.safeParse({ ...base, covers, action: 'approve', role: 'director', reason: null })
        .success,
    ).toBe(false);
  });
});
