/**
 * The dashboard session cookie: what the sign-in callback issues and the viewer function
 * (viewer-auth.js) checks. Format `<scope>.<expiry>.<hex HMAC-SHA256>`, scope `all` or a code.
 */
import { createHmac } from 'node:crypto';

export const SESSION_COOKIE = 'vss_session';
export const LEADERSHIP_GROUP = 'leadership';
export const PROVINCE_GROUP_PREFIX = 'province-';

export type SessionScope = 'all' | `${number}`;

/** What a user may read, from their Cognito groups: leadership wins; one province group otherwise. */
export function scopeOfGroups(groups: readonly string[]): SessionScope | undefined {
  if (groups.includes(LEADERSHIP_GROUP)) return 'all';
  const codes = groups
    .filter((g) => g.startsWith(PROVINCE_GROUP_PREFIX))
    .map((g) => g.slice(PROVINCE_GROUP_PREFIX.length))
    .filter((code) => /^\d{2}$/.test(code));
  // A user in two provinces' groups is a configuration mistake: refuse rather than pick one.
  return codes.length === 1 ? (codes[0] as SessionScope) : undefined;
}

/** The cookie value for a scope valid until `expiresAt` (epoch seconds). */
export function signSession(scope: SessionScope, expiresAt: number, key: string): string {
  const payload = `${scope}.${Math.floor(expiresAt)}`;
  return `${payload}.${createHmac('sha256', key).update(payload).digest('hex')}`;
}

/** The Set-Cookie header: HTTPS only, invisible to scripts, sent on top-level navigations. */
export function sessionSetCookie(value: string, maxAgeSeconds: number): string {
  return `${SESSION_COOKIE}=${value}; Path=/; Max-Age=${maxAgeSeconds}; Secure; HttpOnly; SameSite=Lax`;
}
