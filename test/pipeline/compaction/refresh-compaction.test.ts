/**
 * A compaction changes keys, never figures: the site data the refresh writes is byte for byte the
 * same before and after it (only computed_at, the time of the run, masked), whether the refresh
 * runs warm (its state and file cache from before the compaction, by month through the mirror's
 * journal) or cold (a new mirror that has only ever seen the compacted lake).
 */
import { readFileSync } from 'node:fs';
import { rm } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactLake } from '../../../pipeline/ops/compact-lake.ts';
import { syncMirror } from '../../../pipeline/mirror/mirror.ts';
import { refreshSite } from '../../../pipeline/refresh/refresh.ts';
import { periodOfKey } from '../../../core/contracts/layout-parse.ts';
import { compactedLakeKey, compactedSummaryKey } from '../../../core/contracts/layout.ts';
import { MIRRORED_PREFIXES, syncLocalMirror } from '../../../local/local-mirror.ts';
import { listFiles } from '../refresh/refresh-files.ts';
import { ingestedDataDir, mirrorOf, NOW, withS3 } from './compaction-fixture.ts';

let dir: string;
let dataDir: string;
const refreshNow = () => new Date('2025-10-20T00:00:00.000Z');

/** Every site data file's text, computed_at masked. */
function siteData(out: string): Record<string, string> {
  return Object.fromEntries(
    listFiles(out).map((f) => [
      f,
      readFileSync(join(out, f), 'utf8').replace(/"computed_at":"[^"]*"/g, '"computed_at":"(volatile)"'),
    ]),
  );
}

beforeAll(async () => {
  ({ dir, dataDir } = await ingestedDataDir('refresh-compact'));
}, 300_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('the refresh over a compacted lake', () => {
  it('maps the compacted keys to their month', () => {
    expect(periodOfKey(compactedLakeKey('debt', '2025-08'))).toBe('2025-08');
    expect(periodOfKey(compactedSummaryKey('coverage', '2024-12'))).toBe('2024-12');
  });

  it('writes byte-identical site data before and after compaction, warm and cold', async () => {
    const out = join(dir, 'site');
    const mirror = mirrorOf(dataDir);
    await refreshSite({ mirrorDir: mirror, outDir: out, now: refreshNow });
    const before = siteData(out);
    expect(Object.keys(before).length).toBeGreaterThan(5);

    const done = await withS3(dataDir, (s3) =>
      compactLake({ s3: s3.client, lakeBucket: s3.lakeBucket, now: NOW, tmpDir: dir }),
    );
    expect(done.length).toBeGreaterThan(0);
    const synced = await syncLocalMirror(dataDir);
    expect(synced).not.toBeNull();
    expect(listFiles(mirror).some((f) => f.includes('/compacted/'))).toBe(true);
    expect(listFiles(mirror).some((f) => /^lake\/[^/]+\/period=/.test(f))).toBe(false);

    const warm = await refreshSite({ mirrorDir: mirror, outDir: out, now: refreshNow });
    expect(warm).toBeDefined();
    expect(siteData(out)).toEqual(before);

    const coldMirror = join(dir, 'cold-mirror');
    await withS3(dataDir, (s3) =>
      syncMirror({ s3: s3.client, bucket: s3.lakeBucket, dir: coldMirror, prefixes: [...MIRRORED_PREFIXES] }),
    );
    const coldOut = join(dir, 'cold-site');
    await refreshSite({ mirrorDir: coldMirror, outDir: coldOut, now: refreshNow });
    expect(siteData(coldOut)).toEqual(before);
  });
});
