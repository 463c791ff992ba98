import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeSiteFixture } from '../../../tools/fixtures/site-fixture.ts';

const dataDir = mkdtempSync(join(tmpdir(), 'vss-serve-cli-'));
let child: ChildProcessWithoutNullStreams | undefined;

afterAll(async () => {
  if (child && child.exitCode === null) {
    const exited = new Promise((done) => child?.once('exit', done));
    child.kill('SIGTERM');
    await exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
});

/** Resolves with stdout once the server has announced itself (or the process ended). */
function firstLine(proc: ChildProcessWithoutNullStreams): Promise<string> {
  return new Promise((done, fail) => {
    let out = '';
    let err = '';
    proc.stdout.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      if (out.includes('\n')) done(out);
    });
    proc.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    proc.once('exit', (code) => fail(new Error(`vss serve exited with ${code}: ${err}`)));
  });
}

describe('vss serve', () => {
  it('builds the missing site, prints exactly one line with the URL and serves the page and data', async () => {
    writeSiteFixture(join(dataDir, 'site'));
    child = spawn(process.execPath, ['cli/vss.js', 'serve', '--data-dir', dataDir, '--port', '0'], {
      cwd: join(import.meta.dirname, '..', '..', '..'),
    });
    const out = await firstLine(child);
    expect(out).toMatch(/^Dashboard: http:\/\/127\.0\.0\.1:\d+\/\n$/);
    const url = out.slice('Dashboard: '.length).trim();
    const page = await fetch(url);
    expect(page.status).toBe(200);
    const entry = /<script type="module" src="(app-[A-Z0-9]{8}\.js)"><\/script>/.exec(await page.text())?.[1];
    expect(entry).toBeDefined();
    const bundle = await fetch(`${url}${entry}`);
    expect(bundle.status).toBe(200);
    expect(bundle.headers.get('cache-control')).toBe('public, max-age=31536000, immutable');
    expect(page.headers.get('cache-control')).toBe('no-cache');
    const meta: unknown = await (await fetch(`${url}data/meta.json`)).json();
    expect(meta).toMatchObject({ latest_period: '2025-09' });
  });

  it('refuses a port that is not a number', async () => {
    const bad = spawn(process.execPath, ['cli/vss.js', 'serve', '--data-dir', dataDir, '--port', 'eighty'], {
      cwd: join(import.meta.dirname, '..', '..', '..'),
    });
    let err = '';
    bad.stderr.on('data', (chunk: Buffer) => (err += chunk.toString()));
    const code = await new Promise((done) => bad.once('exit', done));
    expect(code).toBe(2);
    expect(err).toContain('--port');
  });
});
