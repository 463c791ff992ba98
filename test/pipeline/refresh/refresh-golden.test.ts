/**
 * The site data, byte for byte: the refresh over a lake made from a fixed seed (golden-lake.ts)
 * must write exactly the files whose SHA-256 test/fixtures/site-golden/manifest.json lists, so any
 * changed figure, key, order or file fails here. national.json and meta.json are kept verbatim
 * beside it, to show what changed. Only computed_at is masked (the time of the run).
 * `UPDATE_GOLDEN=1 npx vitest run test/pipeline/refresh/refresh-golden.test.ts` rewrites them.
 */
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { refreshSite } from '../../../pipeline/refresh/refresh.ts';
import { tempDir } from '../query/engine-fixture.ts';
import { writeGoldenLake } from './golden-lake.ts';
import { listFiles } from './refresh-files.ts';

const GOLDEN_DIR = new URL('../../fixtures/site-golden/', import.meta.url);
const VERBATIM = ['national.json', 'meta.json'];

/** A file's bytes with the volatile field masked; everything else exactly as written. */
const normalized = (text: string) => text.replace(/"computed_at":"[^"]*"/g, '"computed_at":"(volatile)"');
const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');

describe('the site data of a fixed lake', () => {
  it('is byte for byte the golden copy', async () => {
    const mirror = tempDir('golden-mirror');
    await writeGoldenLake(mirror);
    const out = join(tempDir('golden-out'), 'data');
    await refreshSite({ mirrorDir: mirror, outDir: out, now: () => new Date('2025-08-20T00:00:00.000Z') });
    const files = Object.fromEntries(
      listFiles(out).map((f) => [f, normalized(readFileSync(join(out, f), 'utf8'))]),
    );
    const manifest = Object.fromEntries(Object.entries(files).map(([f, text]) => [f, sha256(text)]));
    if (process.env.UPDATE_GOLDEN === '1') {
      mkdirSync(GOLDEN_DIR, { recursive: true });
      writeFileSync(new URL('manifest.json', GOLDEN_DIR), `${JSON.stringify(manifest, null, 2)}\n`);
      for (const f of VERBATIM) writeFileSync(new URL(f, GOLDEN_DIR), `${files[f] ?? ''}\n`);
    }
    const golden = JSON.parse(readFileSync(new URL('manifest.json', GOLDEN_DIR), 'utf8')) as unknown;
    for (const f of VERBATIM) {
      expect(`${files[f]}\n`, f).toBe(readFileSync(new URL(f, GOLDEN_DIR), 'utf8'));
    }
    expect(manifest).toEqual(golden);
    // The lake is not trivial: every section has rows, some reports are missing, some approved.
    for (const f of ['coverage.json', 'enforcement.json', 'prosecution.json', 'procedures.json']) {
      expect((JSON.parse(files[f] ?? '[]') as unknown[]).length, f).toBeGreaterThan(5);
    }
    const approvals = JSON.parse(files['approvals.json'] ?? '[]') as { state: string }[];
    expect(new Set(approvals.map((a) => a.state))).toEqual(
      new Set(['approved', 'pending', 'reopened', 'missing']),
    );
  });
});
