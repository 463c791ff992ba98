import type { S3Client } from '@aws-sdk/client-s3';
import { describe, expect, it } from 'vitest';
import type { Approver } from '../../../core/contracts/approver.ts';
import { signOff, type SignOffRequest } from '../../../pipeline/approval/sign-off.ts';

/** Refusals are decided from the session alone, before S3 is asked anything: any call fails the test. */
const noS3 = {
  send: () => {
    throw new Error('S3 must not be called for a refused request');
  },
} as unknown as S3Client;

const director: Approver = { scope: '01', role: 'director', actor: 'gd.01' };
const national: Approver = { scope: 'all', role: 'national', actor: 'vu.tong.hop' };
const at = new Date('2025-04-08T01:00:00Z');
const reopen: SignOffRequest = {
  action: 'reopen',
  period: '2025-03',
  province: '01',
  datasets: ['debt'],
  reason: 'sửa',
};
const approve: SignOffRequest = {
  action: 'approve',
  period: '2025-03',
  province: '01',
  covers: [{ dataset: 'debt', upload_id: 'a' }],
};

describe('signOff refusals', () => {
  it('lets only the national level return, and only a director approve or reopen', async () => {
    expect(await signOff(noS3, 'lake', director, { ...reopen, action: 'return' }, at)).toMatchObject({
      ok: false,
      status: 403,
      error: 'not_national',
    });
    expect(await signOff(noS3, 'lake', national, approve, at)).toMatchObject({
      ok: false,
      error: 'not_director',
    });
    expect(await signOff(noS3, 'lake', national, reopen, at)).toMatchObject({
      ok: false,
      error: 'not_director',
    });
  });

  it("refuses a director acting on another province's month, and a reopen without a reason", async () => {
    expect(await signOff(noS3, 'lake', { ...director, scope: '02' }, approve, at)).toMatchObject({
      ok: false,
      error: 'other_province',
    });
    expect(await signOff(noS3, 'lake', director, { ...reopen, reason: '  ' }, at)).toMatchObject({
      ok: false,
      status: 400,
      error: 'reason_required',
    });
  });
});
