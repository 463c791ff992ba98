import type { APIGatewayProxyEventV2 } from 'aws-lambda';
import { describe, expect, it } from 'vitest';
import { signSession } from '../../infra/auth/session-cookie.ts';
import { createSessionHandler, type AuthConfig } from '../../infra/auth/session-handler.ts';

const config: AuthConfig = {
  clientId: 'client-1',
  userPoolId: 'ap-southeast-1_pool',
  hostedUi: 'https://vss-test.auth.ap-southeast-1.amazoncognito.com',
  region: 'ap-southeast-1',
  sessionKey: 's'.repeat(48),
};
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

  it('gives a province user a session for that province, signed with the key the viewer function checks', async () => {
    const { handler, calls } = handlerReturning({ 'cognito:groups': ['province-48'] });
    const result = await handler(event('/auth/callback', 'code=abc&state=state-1', ['vss_state=state-1']));
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
    const result = await handler(event('/auth/callback', 'code=abc&state=state-1', ['vss_state=state-1']));
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
      const result = await handler(event('/auth/callback', 'code=abc&state=state-1', ['vss_state=state-1']));
      expect(result.statusCode, JSON.stringify(claims)).toBeGreaterThanOrEqual(400);
      expect(result.cookies ?? []).toEqual([]);
      expect(result.body).toMatch(/lang="vi".*lang="en"/s);
    }
  });

  it('refuses a callback whose state does not match the cookie (forged sign-in link)', async () => {
    const { handler, calls } = handlerReturning({ 'cognito:groups': ['leadership'] });
    const result = await handler(event('/auth/callback', 'code=abc&state=evil', ['vss_state=state-1']));
    expect(result.statusCode).toBe(400);
    expect(calls).toEqual([]);
  });
});
