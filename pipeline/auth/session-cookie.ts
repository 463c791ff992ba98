/**
 * The dashboard session cookie: what the sign-in callback issues, the viewer function
 * (infra/auth/viewer-auth.js) and the upload API check. Format `<scope>.<expiry>.<hex HMAC-SHA256>`,
 * scope `all` or a province code.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

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

/**
 * The scope a cookie value grants, if its signature is right and it has not expired; undefined
 * otherwise. The comparison takes the same time however many characters match.
 */
export function verifySession(value: string, key: string, nowSeconds: number): SessionScope | undefined {
  const match = /^(all|\d{2})\.(\d{1,12})\.([0-9a-f]{64})$/.exec(value);
  if (!match) return undefined;
  const [, scope, expiry, mac] = match as unknown as [string, SessionScope, string, string];
  const expected = createHmac('sha256', key).update(`${scope}.${expiry}`).digest();
  if (!timingSafeEqual(expected, Buffer.from(mac, 'hex'))) return undefined;
  return Number(expiry) > nowSeconds ? scope : undefined;
}

/** The session cookie's value among `name=value` pairs (a Lambda event's `cookies`, or a Cookie header split on `;`). */
export function sessionCookieOf(cookies: readonly string[]): string | undefined {
  for (const pair of cookies) {
    const at = pair.indexOf('=');
    if (at > 0 && pair.slice(0, at).trim() === SESSION_COOKIE) return pair.slice(at + 1).trim();
  }
  return undefined;
}
