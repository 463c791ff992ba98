import { describe, expect, it } from 'vitest';
import { approverRoleOf, signApprover, verifyApprover } from '../../../pipeline/auth/approver-cookie.ts';
import { signSession } from '../../../pipeline/auth/session-cookie.ts';

const KEY = 'k'.repeat(48);
const NOW = 1_750_000_000;
const director = { role: 'director', scope: '01', actor: 'nguyễn.văn.a' } as const;

describe('sign-off cookie', () => {
  it('gives back who signed in, for the same scope as the session, until it expires', () => {
    const value = signApprover(director, NOW + 60, KEY);
    expect(verifyApprover(value, KEY, NOW, '01')).toEqual(director);
    expect(verifyApprover(value, KEY, NOW + 60, '01')).toBeUndefined();
    expect(verifyApprover(value, KEY, NOW, '02')).toBeUndefined();
    expect(verifyApprover(value, KEY, NOW, undefined)).toBeUndefined();
  });

  it('refuses a changed role or scope, another key, and a session cookie passed off as one', () => {
    const value = signApprover(director, NOW + 60, KEY);
    expect(verifyApprover(value.replace('.01.', '.02.'), KEY, NOW, '02')).toBeUndefined();
    expect(verifyApprover(value.replace('director.', 'national.'), KEY, NOW, '01')).toBeUndefined();
    expect(verifyApprover(value, 'x'.repeat(48), NOW, '01')).toBeUndefined();
    expect(verifyApprover(`director.${signSession('01', NOW + 60, KEY)}`, KEY, NOW, '01')).toBeUndefined();
    // A national role is only ever for the leadership scope.
    const wrong = signApprover({ role: 'national', scope: '01', actor: 'x' }, NOW + 60, KEY);
    expect(verifyApprover(wrong, KEY, NOW, '01')).toBeUndefined();
  });

  it('takes the role from the groups: director with a province, national approver with leadership', () => {
    expect(approverRoleOf(['province-01', 'director'], '01')).toBe('director');
    expect(approverRoleOf(['province-01'], '01')).toBeUndefined();
    expect(approverRoleOf(['leadership', 'national-approver'], 'all')).toBe('national');
    expect(approverRoleOf(['leadership', 'director'], 'all')).toBeUndefined();
  });
});
