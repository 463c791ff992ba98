import { describe, expect, it } from 'vitest';
import { decide, uploadInForce } from '../../../pipeline/ledger/decide.ts';
import { uploadIdOf } from '../../../pipeline/ledger/upload-id.ts';
import { ledgerRecord } from './ledger-records.ts';

const record = ledgerRecord;

const candidate = (id: string, receivedAt: string, sha = `sha-${id}`) =>
  ({ uploadId: id, sha256: sha, receivedAt, validation: 'accepted' }) as const;

describe('decide', () => {
  const a = record('a', 'accepted', '2025-04-05T00:00:00Z');
  const r = record('r', 'rejected', '2025-04-09T00:00:00Z');

  it('writes the first accepted upload of a province-month', () => {
    expect(decide(candidate('b', '2025-04-06T00:00:00Z'), [])).toEqual({
      status: 'accepted',
      supersedes: null,
      writeLake: true,
    });
  });

  it('never lets a rejected upload touch the lake', () => {
    expect(decide({ ...candidate('b', '2025-04-06T00:00:00Z'), validation: 'rejected' }, [a])).toEqual({
      status: 'rejected',
      supersedes: null,
      writeLake: false,
    });
  });

  it('replaces the accepted upload in force with a later one, ignoring rejected ones', () => {
    expect(decide(candidate('b', '2025-04-06T00:00:00Z'), [a, r])).toEqual({
      status: 'accepted',
      supersedes: 'a',
      writeLake: true,
    });
  });

  it('calls the same bytes as the upload in force a duplicate', () => {
    expect(decide(candidate('b', '2025-04-06T00:00:00Z', a.sha256), [a])).toMatchObject({
      status: 'duplicate',
      writeLake: false,
    });
  });

  it('records an upload older than the one in force without writing the lake', () => {
    expect(decide(candidate('b', '2025-04-01T00:00:00Z'), [a])).toEqual({
      status: 'accepted',
      supersedes: null,
      writeLake: false,
    });
  });

  it('reaches the same decision when an event is handled again', () => {
    const b = { ...record('b', 'accepted', '2025-04-06T00:00:00Z'), supersedes: 'a' };
    const again = decide(candidate('b', '2025-04-06T00:00:00Z'), [a, b]);
    expect(again).toEqual({ status: 'accepted', supersedes: 'a', writeLake: true });
  });

  it('takes the latest-arrived accepted upload as in force, whatever the listing order', () => {
    const b = record('b', 'accepted', '2025-04-06T00:00:00Z');
    const d = record('d', 'duplicate', '2025-04-08T00:00:00Z');
    expect(uploadInForce([b, a, d, r])?.upload_id).toBe('b');
    expect(uploadInForce([a, b])?.upload_id).toBe('b');
    expect(uploadInForce([r, d])).toBeUndefined();
  });

  it('keeps a resend handled before an older correction in force (A, B, resend of A; B handled last)', () => {
    const resend = { ...record('a2', 'duplicate', '2025-04-08T00:00:00Z', a.sha256) };
    const b = candidate('b', '2025-04-06T00:00:00Z');
    expect(decide(b, [a, resend])).toEqual({ status: 'accepted', supersedes: null, writeLake: false });
    const ledger = [a, resend, record('b', 'accepted', b.receivedAt)];
    expect(uploadInForce(ledger)?.sha256).toBe(a.sha256);
    // Handled in arrival order the resend is accepted over B: the same rows end in force.
    const inOrder = [a, { ...record('b', 'accepted', b.receivedAt), supersedes: 'a' }];
    expect(decide(candidate('a2', resend.received_at, a.sha256), inOrder)).toEqual({
      status: 'accepted',
      supersedes: 'b',
      writeLake: true,
    });
  });
});

describe('uploadIdOf', () => {
  const base = { key: 'uploads/debt/2025-03/01/a.csv', sha256: 'f'.repeat(64) };

  it('is the same for the same stored object and differs when any identifying part differs', () => {
    expect(uploadIdOf(base)).toBe(uploadIdOf({ ...base }));
    expect(uploadIdOf(base)).toBe(uploadIdOf({ ...base, versionId: null }));
    const others = [
      { ...base, key: 'uploads/debt/2025-03/01/b.csv' },
      { ...base, versionId: 'v2' },
      { ...base, sha256: 'e'.repeat(64) },
    ].map(uploadIdOf);
    expect(new Set([uploadIdOf(base), ...others]).size).toBe(4);
    expect(uploadIdOf(base)).toMatch(/^[0-9a-f]{32}$/);
  });
});
