import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { signSession, type SessionScope } from '../../infra/auth/session-cookie.ts';

const KEY = 'k'.repeat(48);
const SOURCE = readFileSync(new URL('../../infra/auth/viewer-auth.js', import.meta.url), 'utf8');

interface CfRequest {
  uri: string;
  headers: Record<string, { value: string }>;
  cookies: Record<string, { value: string }>;
}
interface CfResponse {
  statusCode: number;
  headers: Record<string, { value: string }>;
}

/**
 * The shipped function source, run with stand-ins for CloudFront's two modules. Only its two
 * import lines are rewritten; the rest is the very code CloudFront runs.
 */
function loadViewerAuth(
  storedKey: string | null,
): (e: { request: CfRequest }) => Promise<CfRequest | CfResponse> {
  const imports = /^import crypto from 'crypto';\nimport cf from 'cloudfront';$/m;
  expect(SOURCE).toMatch(imports);
  const body = SOURCE.replace(imports, 'var crypto = deps.crypto; var cf = deps.cf;');
  const kvs = {
    get: async (name: string) => {
      if (name !== 'session-key' || storedKey === null) throw new Error('key not found');
      return storedKey;
    },
  };
  const make = new Function('deps', `${body}\nreturn handler;`) as (deps: unknown) => never;
  return make({ crypto: { createHmac }, cf: { kvs: () => kvs } });
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

function request(uri: string, cookie?: string): { request: CfRequest } {
  return {
    request: {
      uri,
      headers: { host: { value: 'd111.cloudfront.net' } },
      cookies: cookie === undefined ? {} : { vss_session: { value: cookie } },
    },
  };
}

const session = (scope: SessionScope, key = KEY, lifetime = 3600) =>
  signSession(scope, nowSeconds() + lifetime, key);

async function statusOf(uri: string, cookie?: string, storedKey: string | null = KEY): Promise<number> {
  const result = await loadViewerAuth(storedKey)(request(uri, cookie));
  return 'statusCode' in result ? result.statusCode : 200;
}

describe('dashboard viewer function', () => {
  it('sends a visitor without a session to sign in, and refuses them data', async () => {
    const result = await loadViewerAuth(KEY)(request('/index.html'));
    expect(result).toMatchObject({ statusCode: 302, headers: { location: { value: '/auth/login' } } });
    expect(await statusOf('/')).toBe(302);
    expect(await statusOf('/data/provinces/48/debt.json')).toBe(401);
    expect(await statusOf('/data/site.json')).toBe(401);
  });

  it('lets leadership read every page and every data file', async () => {
    for (const uri of [
      '/',
      '/index.html',
      '/assets/app.js',
      '/data/site.json',
      '/data/provinces/79/x.json',
    ]) {
      expect(await statusOf(uri, session('all')), uri).toBe(200);
    }
  });

  it("lets province 48 read the pages and its own bundle, not 79's nor the national data", async () => {
    const s48 = session('48' as SessionScope);
    expect(await statusOf('/index.html', s48)).toBe(200);
    expect(await statusOf('/data/provinces/48/debt.json', s48)).toBe(200);
    expect(await statusOf('/data/provinces/79/debt.json', s48)).toBe(403);
    expect(await statusOf('/data/provinces/4/debt.json', s48)).toBe(403);
    expect(await statusOf('/data/site.json', s48)).toBe(403);
    expect(await statusOf('/data/provinces/48', s48)).toBe(403);
  });

  it("answers a unit's data/scope.json from its own bundle, and leadership's from the national one", async () => {
    const viewerAuth = loadViewerAuth(KEY);
    const asUnit = await viewerAuth(request('/data/scope.json', session('48' as SessionScope)));
    expect('uri' in asUnit && asUnit.uri).toBe('/data/provinces/48/scope.json');
    const asLeadership = await viewerAuth(request('/data/scope.json', session('all')));
    expect('uri' in asLeadership && asLeadership.uri).toBe('/data/scope.json');
  });

  it('answers the upload API without a session with 401, and passes it through with one', async () => {
    expect(await statusOf('/api/me')).toBe(401);
    expect(await statusOf('/api/uploads', session('all', 'x'.repeat(48)))).toBe(401);
    // The API itself answers for the cookie's province only; the viewer lets any session in.
    expect(await statusOf('/api/me', session('48' as SessionScope))).toBe(200);
    expect(await statusOf('/api/due?period=2026-01', session('all'))).toBe(200);
  });

  it('refuses expired, forged, tampered and malformed cookies', async () => {
    const expired = session('all', KEY, -1);
    const forged = session('all', 'x'.repeat(48));
    const [scope, expiry, signature] = session('48' as SessionScope).split('.') as [string, string, string];
    const widened = `all.${expiry}.${signature}`;
    const extended = `${scope}.${Number(expiry) + 86400}.${signature}`;
    for (const cookie of [
      expired,
      forged,
      widened,
      extended,
      'all',
      '',
      'all.1.2.3',
      `../.${expiry}.${signature}`,
    ]) {
      expect(await statusOf('/data/site.json', cookie), cookie).toBe(401);
    }
  });

  it('fails closed while the key value store has no signing key', async () => {
    expect(await statusOf('/data/site.json', session('all'), null)).toBe(401);
    expect(await statusOf('/index.html', session('all'), null)).toBe(302);
  });

  it('passes /auth/ through to the sign-in function with the viewer host', async () => {
    const result = await loadViewerAuth(null)(request('/auth/callback'));
    expect(result).toMatchObject({
      uri: '/auth/callback',
      headers: { 'x-viewer-host': { value: 'd111.cloudfront.net' } },
    });
  });

  it('stays within the CloudFront Functions size limit of 10 KB', () => {
    expect(Buffer.byteLength(SOURCE)).toBeLessThan(10 * 1024);
  });
});
