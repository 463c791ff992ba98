/**
 * The sign-off cookie: issued beside the session cookie when the signed-in user may sign off
 * reports (a province's director, or the national level), checked by the upload API only. The
 * session cookie's format stays as the viewer function knows it. Format
 * `<role>.<scope>.<base64url user name>.<expiry>.<hex HMAC-SHA256>`, the MAC taken over an
 * `approver:` prefix so no session cookie can pass for one.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Approver, ApproverRole } from '../../core/contracts/approver.ts';
import { LEADERSHIP_GROUP, type SessionScope } from './session-cookie.ts';

export const APPROVER_COOKIE = 'vss_approver';
/** Cognito group of provincial directors (with their `province-NN` group). */
export const DIRECTOR_GROUP = 'director';
/** Cognito group of the national level allowed to return and publish (with `leadership`). */
export const NATIONAL_APPROVER_GROUP = 'national-approver';

/** The sign-off role a user's groups give for their session scope, if any. */
export function approverRoleOf(groups: readonly string[], scope: SessionScope): ApproverRole | undefined {
  if (scope === 'all')
    return groups.includes(LEADERSHIP_GROUP) && groups.includes(NATIONAL_APPROVER_GROUP)
      ? 'national'
      : undefined;
  return groups.includes(DIRECTOR_GROUP) ? 'director' : undefined;
}

const mac = (payload: string, key: string) =>
  createHmac('sha256', key).update(`approver:${payload}`).digest('hex');

export function signApprover(approver: Approver, expiresAt: number, key: string): string {
  const actor = Buffer.from(approver.actor, 'utf8').toString('base64url');
  const payload = `${approver.role}.${approver.scope}.${actor}.${Math.floor(expiresAt)}`;
  return `${payload}.${mac(payload, key)}`;
}

export function approverSetCookie(value: string, maxAgeSeconds: number): string {
  return `${APPROVER_COOKIE}=${value}; Path=/api/; Max-Age=${maxAgeSeconds}; Secure; HttpOnly; SameSite=Strict`;
}

/**
 * Who may sign off, if the cookie is genuine, unexpired and of the same scope as the verified
 * session (a director's cookie never travels with another province's session).
 */
export function verifyApprover(
  value: string,
  key: string,
  nowSeconds: number,
  sessionScope: SessionScope | undefined,
): Approver | undefined {
  const match =
    /^(director|national)\.(all|\d{2})\.([A-Za-z0-9_-]{1,300})\.(\d{1,12})\.([0-9a-f]{64})$/u.exec(value);
  if (!match || sessionScope === undefined) return undefined;
  const [, role, scope, actor, expiry, given] = match as unknown as [
    string,
    ApproverRole,
    string,
    string,
    string,
    string,
  ];
  const expected = Buffer.from(mac(`${role}.${scope}.${actor}.${expiry}`, key), 'hex');
  if (!timingSafeEqual(expected, Buffer.from(given, 'hex'))) return undefined;
  if (Number(expiry) <= nowSeconds || scope !== sessionScope) return undefined;
  if ((role === 'national') !== (scope === 'all')) return undefined;
  return { role, scope, actor: Buffer.from(actor, 'base64url').toString('utf8') };
}

export function approverCookieOf(cookies: readonly string[]): string | undefined {
  for (const pair of cookies) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === APPROVER_COOKIE) return pair.slice(at + 1).trim();
  }
  return undefined;
}
