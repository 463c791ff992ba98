import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { signSession } from '../../pipeline/auth/session-cookie.ts';
import { createHash } from 'node:crypto';
import { codeChallengeOf, isCodeVerifier, newCodeVerifier } from '../../pipeline/auth/pkce.ts';
import { createSessionHandler, type AuthConfig } from '../../pipeline/auth/session-handler.ts';
import { verifyApprover } from '../../pipeline/auth/approver-cookie.ts';

const config: AuthConfig = {
  clientId: 'client-1',
  userPoolId: 'ap-southeast-1_pool',
  hostedUi: 'https://vss-test.auth.ap-southeast-1.amazoncognito.com',
  region: 'ap-southeast-1',
  sessionKey: 's'.repeat(48),
};
const VERIFIER = 'dBjftJeZ4CVP-mJ92K9SCgvFAJyG96XNOIUvqJWuBiQ';
/** S256 as RFC 7636 4.2 defines it, computed here rather than by the code under test. */
const S256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');
const SIGN_IN_COOKIES = ['vss_state=state-1', `vss_pkce=${VERIFIER}`];
const NOW = new Date('2026-03-01T00:00:00Z');
const nowSeconds = NOW.getTime() / 1000;

const b64 = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
const idToken = (claims: Record<string, unknown>) =>
  `${b64({ alg: 'RS256' })}.${b64({
    aud: config.clientId,
    iss: `https://cognito-idp.${config.region}.amazonaws.com/${config.userPoolId}`,
    exp: nowSeconds + 3600,
    token_use: 'id',
    ...claims,
  })}.sig`;

function event(path: string, query = '', cookies: string[] = []): APIGatewayProxyEventV2 {
  return {
    rawPath: path,
    rawQueryString: query,
    cookies,
    headers: { 'x-viewer-host': 'd111.cloudfront.net' },
  } as unknown as APIGatewayProxyEventV2;
}

function handlerReturning(tokenClaims: Record<string, unknown>) {
  const calls: { url: string; body: string }[] = [];
  const handler = createSessionHandler({
    config: async () => config,
    now: () => NOW,
    newState: () => 'state-1',
    newVerifier: () => VERIFIER,
    fetch: (async (url: URL, init: RequestInit) => {
      calls.push({ url: String(url), body: String(init.body) });
      return new Response(JSON.stringify({ id_token: idToken(tokenClaims) }), { status: 200 });
    }) as typeof fetch,
  });
  return { handler, calls };
}

describe('dashboard sign-in function', () => {
  it('sends /auth/login to the hosted UI with a state it remembers in a cookie', async () => {
    const { handler } = handlerReturning({});
    const result = await handler(event('/auth/login'));
    const location = new URL(String(result.headers?.location));
    expect(location.origin + location.pathname).toBe(`${config.hostedUi}/oauth2/authorize`);
    expect(location.searchParams.get('redirect_uri')).toBe('https://d111.cloudfront.net/auth/callback');
    expect(location.searchParams.get('state')).toBe('state-1');
    expect(result.cookies?.[0]).toMatch(/^vss_state=state-1; .*Secure; HttpOnly/);
  });

  it('asks for the code with an S256 PKCE challenge and keeps the verifier in a short-lived HttpOnly cookie', async () => {
    const { handler } = handlerReturning({});
    const result = await handler(event('/auth/login'));
    const location = new URL(String(result.headers?.location));
    expect(location.searchParams.get('code_challenge_method')).toBe('S256');
    expect(location.searchParams.get('code_challenge')).toBe(S256(VERIFIER));
    expect(location.search).not.toContain(VERIFIER);
    expect(result.cookies?.[1]).toBe(
      `vss_pkce=${VERIFIER}; Path=/auth/; Max-Age=600; Secure; HttpOnly; SameSite=Lax`,
    );
  });

  it('sends the verifier with the code, and clears state and verifier once signed in', async () => {
    const { handler, calls } = handlerReturning({ 'cognito:groups': ['leadership'] });
    const result = await handler(event('/auth/callback', 'code=abc&state=state-1', SIGN_IN_COOKIES));
    expect(new URLSearchParams(calls[0]?.body).get('code_verifier')).toBe(VERIFIER);
    expect(result.cookies?.slice(1)).toEqual([
      'vss_state=; Path=/auth/; Max-Age=0; Secure; HttpOnly; SameSite=Lax',
      'vss_pkce=; Path=/auth/; Max-Age=0; Secure; HttpOnly; SameSite=Lax',
    ]);
  });

  it('refuses a callback without a well-formed verifier cookie, before calling Cognito', async () => {
    for (const cookies of [['vss_state=state-1'], ['vss_state=state-1', 'vss_pkce=short']]) {
      const { handler, calls } = handlerReturning({ 'cognito:groups': ['leadership'] });
      const result = await handler(event('/auth/callback', 'code=abc&state=state-1', cookies));
      expect(result.statusCode, cookies.join('; ')).toBe(400);
      expect(calls).toEqual([]);
    }
  });

  it('makes fresh 256-bit verifiers whose challenge is the SHA-256 of the verifier', () => {
    const a = newCodeVerifier();
    expect(isCodeVerifier(a)).toBe(true);
    expect(a).not.toBe(newCodeVerifier());
    expect(codeChallengeOf(a)).toBe(S256(a));
    expect(codeChallengeOf(a)).toMatch(/^[A-Za-z0-9_-]{43}$/);
  });

  it('gives a province user a session for that province, signed with the key the viewer function checks', async () => {
    const { handler, calls } = handlerReturning({ 'cognito:groups': ['province-48'] });
    const result = await handler(event('/auth/callback', 'code=abc&state=state-1', SIGN_IN_COOKIES));
    expect(result.statusCode).toBe(302);
    expect(calls[0]?.url).toBe(`${config.hostedUi}/oauth2/token`);
    expect(new URLSearchParams(calls[0]?.body).get('code')).toBe('abc');
    const expected = signSession('48', nowSeconds + 8 * 3600, config.sessionKey);
    expect(result.cookies?.[0]).toBe(
      `vss_session=${expected}; Path=/; Max-Age=28800; Secure; HttpOnly; SameSite=Lax`,
    );
  });

  it('gives leadership the all scope, even when also in a province group', async () => {
    const { handler } = handlerReturning({ 'cognito:groups': ['province-48', 'leadership'] });
    const result = await handler(event('/auth/callback', 'code=abc&state=state-1', SIGN_IN_COOKIES));
    expect(result.cookies?.[0]).toContain('vss_session=all.');
  });

  it('refuses a user without a group, in two provinces, or with a token for another client', async () => {
    for (const claims of [
      { 'cognito:groups': [] },
      { 'cognito:groups': ['province-48', 'province-79'] },
      { 'cognito:groups': ['leadership'], aud: 'other-client' },
      { 'cognito:groups': ['leadership'], exp: nowSeconds - 1 },
    ]) {
      const { handler } = handlerReturning(claims);
      const result = await handler(event('/auth/callback', 'code=abc&state=state-1', SIGN_IN_COOKIES));
      expect(result.statusCode, JSON.stringify(claims)).toBeGreaterThanOrEqual(400);
      expect(result.cookies ?? []).toEqual([]);
      expect(result.body).toMatch(/lang="vi".*lang="en"/s);
    }
  });

  it('refuses a callback whose state does not match the cookie (forged sign-in link)', async () => {
    const { handler, calls } = handlerReturning({ 'cognito:groups': ['leadership'] });
    const result = await handler(event('/auth/callback', 'code=abc&state=evil', SIGN_IN_COOKIES));
    expect(result.statusCode).toBe(400);
    expect(calls).toEqual([]);
  });

  describe('the sign-off cookie (vss_approver)', () => {
    const signIn = async (claims: Record<string, unknown>) => {
      const { handler } = handlerReturning(claims);
      const result = await handler(event('/auth/callback', 'code=abc&state=state-1', SIGN_IN_COOKIES));
      expect(result.statusCode, JSON.stringify(claims)).toBe(302);
      return (result.cookies ?? []).filter((c) => c.startsWith('vss_approver='));
    };
    const valueOf = (cookie: string) => cookie.slice('vss_approver='.length).split(';')[0] ?? '';

    it("is issued to a province's director, for that province only, on the API path only", async () => {
      const [cookie, ...more] = await signIn({
        'cognito:groups': ['province-48', 'director'],
        'cognito:username': 'giam.doc.48',
      });
      expect(more).toEqual([]);
      expect(cookie).toMatch(/; Path=\/api\/; Max-Age=28800; Secure; HttpOnly; SameSite=Strict$/);
      const value = valueOf(cookie ?? '');
      expect(verifyApprover(value, config.sessionKey, nowSeconds, '48')).toEqual({
        role: 'director',
        scope: '48',
        actor: 'giam.doc.48',
      });
      // bound to the session's province: useless beside another province's session
      expect(verifyApprover(value, config.sessionKey, nowSeconds, '79')).toBeUndefined();
      expect(verifyApprover(value, 'k'.repeat(48), nowSeconds, '48')).toBeUndefined();
    });

    it('is issued to the national approvers with the all scope', async () => {
      const [cookie] = await signIn({
        'cognito:groups': ['leadership', 'national-approver'],
        'cognito:username': 'vu.tong.hop',
      });
      expect(verifyApprover(valueOf(cookie ?? ''), config.sessionKey, nowSeconds, 'all')).toEqual({
        role: 'national',
        scope: 'all',
        actor: 'vu.tong.hop',
      });
    });

    it('is not issued to officers, to leadership alone, or without a user name', async () => {
      for (const claims of [
        { 'cognito:groups': ['province-48'], 'cognito:username': 'can.bo.48' },
        { 'cognito:groups': ['leadership'], 'cognito:username': 'lanh.dao' },
        // a director of the national scope is no approver: directors sign off their own province
        { 'cognito:groups': ['leadership', 'director'], 'cognito:username': 'lanh.dao' },
        // a national approver in a province session is none either
        { 'cognito:groups': ['province-48', 'national-approver'], 'cognito:username': 'can.bo.48' },
        { 'cognito:groups': ['province-48', 'director'] },
      ])
        expect(await signIn(claims), JSON.stringify(claims)).toEqual([]);
    });

    it('is cleared on logout', async () => {
      const { handler } = handlerReturning({});
      const result = await handler(event('/auth/logout'));
      expect(result.cookies).toContain(
        'vss_approver=; Path=/api/; Max-Age=0; Secure; HttpOnly; SameSite=Strict',
      );
    });
  });
});
