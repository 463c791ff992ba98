import { mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync, brotliDecompressSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cacheControlOf } from '../../../pipeline/site/content-types.ts';
import { serveSite, type SiteServer } from '../../../local/site-server.ts';
import { HOSTILE_PATHS } from '../../support/hostile-paths.ts';

let root: string;
let dir: string;
let server: SiteServer;
const bigScript = `console.log(${JSON.stringify('x'.repeat(5000))});\n`;

/** A raw request: fetch() would normalise "../" away before it reached the server. */
function get(path: string, headers: Record<string, string> = {}, method = 'GET') {
  const { port } = new URL(server.url);
  return new Promise<{
    status: number;
    headers: Record<string, string | string[] | undefined>;
    body: Buffer;
  }>((ok, fail) => {
    const req = request({ host: '127.0.0.1', port, path, method, headers }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () =>
        ok({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
      );
    });
    req.on('error', fail);
    req.end();
  });
}

beforeAll(async () => {
  root = mkdtempSync(join(tmpdir(), 'vss-serve-'));
  dir = join(root, 'site');
  mkdirSync(join(dir, 'data'), { recursive: true });
  mkdirSync(join(dir, 'geo'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><title>t</title>');
  writeFileSync(join(dir, 'app.js'), bigScript);
  writeFileSync(join(dir, 'data', 'meta.json'), '{"a":1}');
  writeFileSync(join(dir, 'geo', 'vn34_2025_derived.topojson'), '{"type":"Topology"}');
  writeFileSync(join(root, 'secret.txt'), 'do not serve');
  symlinkSync(join(root, 'secret.txt'), join(dir, 'link.txt'));
  server = await serveSite({ dir, port: 0 });
});

afterAll(async () => {
  await server?.close();
  rmSync(root, { recursive: true, force: true });
});

describe('serveSite', () => {
  it('listens on the loopback address with the port it actually bound', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
    expect(server.url).not.toMatch(/:0\/$/);
  });

  it('serves the page at / and each file with its content type', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.body.toString()).toContain('<title>t</title>');
    expect((await get('/app.js')).headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect((await get('/geo/vn34_2025_derived.topojson')).headers['content-type']).toBe(
      'application/json; charset=utf-8',
    );
    const data = await get('/data/meta.json');
    expect(data.headers['content-type']).toBe('application/json; charset=utf-8');
    expect(data.headers['cache-control']).toContain('no-cache');
  });

  it('lets browsers keep content-hashed files for a year and revalidate the pages and data', () => {
    for (const path of [
      'app-D3QERMZM.js',
      'styles.4c7f11326a.css',
      'geo/vn34_2025_derived.db653c39d9.topojson',
      'chunks/chunk-CSRZ6JBV.js',
    ])
      expect(cacheControlOf(path), path).toBe('public, max-age=31536000, immutable');
    for (const path of [
      'index.html',
      'portal.html',
      'data/meta.json',
      'data/provinces/01/x.1a2b3c4d5e.json',
      'app.js',
      'styles.css',
    ])
      expect(cacheControlOf(path), path).toMatch(/^no-cache/);
  });

  it('refuses a path outside the site through a symlink, and a missing file, with 404', async () => {
    for (const path of ['/link.txt', '/nope']) expect((await get(path)).status, path).toBe(404);
  });

  it("refuses every ambiguous path with 400, with the viewer function's rules", async () => {
    // http.request wants a path starting with "/" and no raw control characters.
    const sendable = HOSTILE_PATHS.filter((p) => p.startsWith('/'));
    for (const path of [...sendable, '/../secret.txt', '/%2e%2e/secret.txt', '/data/..%2f..%2fsecret.txt']) {
      const answer = await get(path);
      expect(answer.status, path).toBe(400);
      expect(answer.body.toString()).toContain('The path is not valid');
    }
    expect((await get('/data/meta.json?x=/../y')).status).toBe(200);
    expect((await get('/data//meta.json')).status).toBe(400);
  });

  it('compresses text with brotli or gzip when asked, and the bytes survive', async () => {
    const br = await get('/app.js', { 'Accept-Encoding': 'gzip, deflate, br' });
    expect(br.headers['content-encoding']).toBe('br');
    expect(brotliDecompressSync(br.body).toString()).toBe(bigScript);
    const gz = await get('/app.js', { 'Accept-Encoding': 'gzip' });
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gz.body).toString()).toBe(bigScript);
    const plain = await get('/app.js');
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body.toString()).toBe(bigScript);
  });

  it('serves a rewritten file compressed anew, never the copy of its old bytes', async () => {
    const file = join(dir, 'data', 'national.json');
    const first = JSON.stringify(Array.from({ length: 200 }, (_, i) => ({ period: i })));
    writeFileSync(file, first);
    const before = await get('/data/national.json', { 'Accept-Encoding': 'br' });
    expect(brotliDecompressSync(before.body).toString()).toBe(first);
    const second = JSON.stringify(Array.from({ length: 300 }, (_, i) => ({ period: i + 1 })));
    writeFileSync(file, second);
    const after = await get('/data/national.json', { 'Accept-Encoding': 'br' });
    expect(after.headers.etag).not.toBe(before.headers.etag);
    expect(Number(after.headers['content-length'])).toBe(after.body.length);
    expect(brotliDecompressSync(after.body).toString()).toBe(second);
  });

  it('answers a matching ETag with 304 and other methods with 405', async () => {
    const first = await get('/data/meta.json');
    const again = await get('/data/meta.json', { 'If-None-Match': String(first.headers.etag) });
    expect(again.status).toBe(304);
    expect((await get('/data/meta.json', {}, 'POST')).status).toBe(405);
    const head = await get('/app.js', {}, 'HEAD');
    expect(head.status).toBe(200);
    expect(head.body.length).toBe(0);
  });
});
