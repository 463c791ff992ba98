/**
 * Proof Key for Code Exchange (RFC 7636, S256) for the dashboard sign-in. The client is public
 * (no secret), so without PKCE an authorization code intercepted on its way back (a log, a
 * referrer, a browser extension) could be traded for tokens by anyone; with it, only the browser
 * that holds the verifier cookie can finish the sign-in.
 */
import { createHash, randomBytes } from 'node:crypto';

export const VERIFIER_COOKIE = 'vss_pkce';
/** RFC 7636 4.1: 43 to 128 characters of [A-Z a-z 0-9 - . _ ~]. */
const VERIFIER = /^[A-Za-z0-9\-._~]{43,128}$/;

/** 32 random bytes, base64url: 43 characters, 256 bits. */
export function newCodeVerifier(): string {
  return randomBytes(32).toString('base64url');
}

export function isCodeVerifier(value: string | undefined): value is string {
  return value !== undefined && VERIFIER.test(value);
}

/** BASE64URL(SHA256(ASCII(verifier))), no padding. */
export function codeChallengeOf(verifier: string): string {
  return createHash('sha256').update(verifier, 'ascii').digest('base64url');
}

/** Kept for the ten minutes a sign-in may take, sent only back to /auth/, invisible to scripts. */
export function verifierSetCookie(verifier: string): string {
  return `${VERIFIER_COOKIE}=${verifier}; Path=/auth/; Max-Age=600; Secure; HttpOnly; SameSite=Lax`;
}

export const clearVerifierCookie = `${VERIFIER_COOKIE}=; Path=/auth/; Max-Age=0; Secure; HttpOnly; SameSite=Lax`;
