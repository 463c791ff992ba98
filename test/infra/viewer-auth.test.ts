import { createHmac } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import { SESSION_HOURS } from '../../pipeline/auth/session-handler.ts';
import { signSession, type SessionScope } from '../../pipeline/auth/session-cookie.ts';
import { canonicalPath } from '../../pipeline/site/canonical-path.ts';
import { HOSTILE_PATHS } from '../support/hostile-paths.ts';

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
  store: Record<string, string> = {},
): (e: { request: CfRequest }) => Promise<CfRequest | CfResponse> {
  const imports = /^import crypto from 'crypto';\nimport cf from 'cloudfront';$/m;
  expect(SOURCE).toMatch(imports);
  const body = SOURCE.replace(imports, 'var crypto = deps.crypto; var cf = deps.cf;');
  const kvs = {
    get: async (name: string) => {
      if (name in store) return store[name];
      if (name !== 'session-key' || storedKey === null) throw new Error('key not found');
      return storedKey;
    },
  };
  const make = new Function('deps', `${body}\nreturn handler;`) as (deps: unknown) => never;
  return make({ crypto: { createHmac }, cf: { kvs: () => kvs } });
}

/** The function's own canonicalPath, to hold the local server's copy of the rules to it. */
function loadCanonicalPath(): (raw: string) => string | null {
  const body = SOURCE.replace(/^import .*$/gm, '');
  return new Function(`${body}\nreturn canonicalPath;`)() as (raw: string) => string | null;
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

  describe('one canonical path before any decision', () => {
    const s48 = () => session('48' as SessionScope);
    const scopes: Array<[string, () => string | undefined]> = [
      ['leadership', () => session('all')],
      ['province 48', s48],
      ['no session', () => undefined],
    ];

    for (const [name, cookie] of scopes) {
      it(`refuses every ambiguous path with 400 for ${name}`, async () => {
        const viewerAuth = loadViewerAuth(KEY);
        for (const uri of HOSTILE_PATHS) {
          const result = await viewerAuth(request(uri, cookie()));
          expect('statusCode' in result && result.statusCode, uri).toBe(400);
        }
      });
    }

    it('still passes the legitimate paths, each scope as before', async () => {
      const table: Array<[string, number, number, number]> = [
        // uri, leadership, province 48, no session
        ['/', 200, 200, 302],
        ['/index.html', 200, 200, 302],
        ['/assets/app-1a2b.js', 200, 200, 302],
        ['/data/provinces/48/police.json', 200, 200, 401],
        ['/data/provinces/48/', 200, 200, 401],
        ['/data/provinces/48/t%C3%AAn%20t%E1%BB%87p.json', 200, 200, 401],
        ['/data/provinces/79/police.json', 200, 403, 401],
        ['/data/national.json', 200, 403, 401],
        ['/api/me', 200, 200, 401],
        ['/auth/login', 200, 200, 200],
        ['/auth/callback', 200, 200, 200],
      ];
      for (const [uri, ...expected] of table) {
        const got = [await statusOf(uri, session('all')), await statusOf(uri, s48()), await statusOf(uri)];
        expect(got, uri).toEqual(expected);
      }
    });

    it('forwards exactly the path it authorized, in one canonical encoding', async () => {
      const viewerAuth = loadViewerAuth(KEY);
      for (const [raw, forwarded] of [
        ['/data/provinces/48/t%c3%aan%20t%e1%bb%87p.json', '/data/provinces/48/t%C3%AAn%20t%E1%BB%87p.json'],
        ['/data/provinces/48/tên tệp.json', '/data/provinces/48/t%C3%AAn%20t%E1%BB%87p.json'],
        ['/data/provinces/48/police.json', '/data/provinces/48/police.json'],
        ['/auth/login', '/auth/login'],
      ] as const) {
        const result = await viewerAuth(request(raw, s48()));
        expect('uri' in result && result.uri, raw).toBe(forwarded);
        // What S3 will look up is what was authorized.
        expect(
          decodeURIComponent(forwarded).startsWith('/data/provinces/48/') || forwarded === '/auth/login',
        ).toBe(true);
      }
    });
  });

  it('applies the same path rules as the local server (pipeline/site/canonical-path.ts)', () => {
    const inFunction = loadCanonicalPath();
    for (const raw of HOSTILE_PATHS) {
      expect(inFunction(raw), raw).toBeNull();
      expect(canonicalPath(raw), raw).toBeUndefined();
    }
    const pieces = [
      '/',
      '.',
      '..',
      '%',
      '%2e',
      '%2F',
      '%5c',
      '\\',
      'a',
      'data',
      '48',
      '%C3%AA',
      '%C0',
      'ê',
      ' ',
      '%20',
      '%41',
    ];
    fc.assert(
      fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 8 }), (parts) => {
        const raw = parts.join('');
        expect(canonicalPath(raw) ?? null).toBe(inFunction(raw));
      }),
      { numRuns: 2000 },
    );
  });

  it('ends the sessions of a scope issued before its revocation time, and only those', async () => {
    const issuedAt = nowSeconds();
    const s48 = session('48' as SessionScope, KEY, SESSION_HOURS * 3600);
    const sAll = session('all', KEY, SESSION_HOURS * 3600);
    const revoke48 = { 'revoked-before:48': String(issuedAt + 1) };
    const status = async (store: Record<string, string>, uri: string, cookie: string) => {
      const result = await loadViewerAuth(KEY, store)(request(uri, cookie));
      return 'statusCode' in result ? result.statusCode : 200;
    };
    expect(await status(revoke48, '/data/provinces/48/debt.json', s48)).toBe(401);
    expect(await status(revoke48, '/api/me', s48)).toBe(401);
    expect(await status(revoke48, '/index.html', s48)).toBe(302);
    // Leadership's sessions and a later sign-in of province 48 are untouched.
    expect(await status(revoke48, '/data/site.json', sAll)).toBe(200);
    expect(
      await status({ 'revoked-before:48': String(issuedAt - 10) }, '/data/provinces/48/debt.json', s48),
    ).toBe(200);
    expect(await status({ 'revoked-before:all': String(issuedAt + 1) }, '/data/site.json', sAll)).toBe(401);
  });

  it('assumes the session length the sign-in issues', () => {
    expect(SOURCE).toContain(`var SESSION_SECONDS = ${SESSION_HOURS} * 3600;`);
  });

  it('stays within the CloudFront Functions size limit of 10 KB', () => {
    expect(Buffer.byteLength(SOURCE)).toBeLessThan(10 * 1024);
  });
});
