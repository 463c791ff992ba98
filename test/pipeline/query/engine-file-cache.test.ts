import { existsSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEngine } from '../../../pipeline/query/engine.ts';
import { CACHE_DIR } from '../../../pipeline/query/file-cache.ts';
import { lakeKey, summaryKey } from '../../../core/contracts/layout.ts';
import { tempDir, writeLakeFile, writeLedgerRecord } from './engine-fixture.ts';

// One scheme per row: loai_hinh is unique within a file. The province lives in the path.
const coverageRow = (scheme: string, people: number) => ({
  loai_hinh: scheme,
  so_nguoi_tham_gia: people,
  chi_tieu_giao: people * 2,
  dan_so_co_so: people * 10,
});

/** The same SQL over a materialising engine (through the cache) and over plain views. */
async function bothWays(mirrorDir: string, sql: string) {
  const cached = await openEngine({ mirrorDir, materialize: ['coverage'] });
  const plain = await openEngine({ mirrorDir });
  try {
    return { cached: (await cached.runQuery(sql)).rows, plain: (await plain.runQuery(sql)).rows };
  } finally {
    cached.close();
    plain.close();
  }
}

const TOTALS =
  'SELECT province, sum(so_nguoi_tham_gia) AS people, count(*) AS n FROM vss.coverage GROUP BY province ORDER BY province';
const UPLOADS = 'SELECT upload_id, status FROM vss.uploads ORDER BY upload_id';
const SUMMARIES =
  "SELECT province, value FROM vss.summaries WHERE dataset = 'coverage' AND measure = 'hi_participants' ORDER BY province";

describe('the engine file cache', () => {
  it('answers as the views do, and follows files added, replaced and removed', async () => {
    const mirror = tempDir('file-cache');
    await writeLakeFile(mirror, 'coverage', '2025-03', '01', [coverageRow('hi', 10), coverageRow('ui', 5)]);
    await writeLakeFile(mirror, 'coverage', '2025-03', '79', [coverageRow('hi', 7)]);
    writeLedgerRecord(mirror, {
      dataset: 'coverage',
      period: '2025-03',
      province: '01',
      received_at: '2025-04-01T00:00:00Z',
    });

    const first = await bothWays(mirror, TOTALS);
    expect(first.cached).toEqual([
      { province: '01', people: 15, n: 2 },
      { province: '79', people: 7, n: 1 },
    ]);
    expect(first.cached).toEqual(first.plain);
    expect(readdirSync(join(mirror, CACHE_DIR)).some((f) => f.endsWith('.duckdb'))).toBe(true);

    // A re-upload replaces 79, a new province arrives, 01 is withdrawn (its summary goes with it).
    await writeLakeFile(mirror, 'coverage', '2025-03', '79', [coverageRow('hi', 100), coverageRow('ui', 1)]);
    await writeLakeFile(mirror, 'coverage', '2025-03', '48', [coverageRow('hi', 3)]);
    rmSync(join(mirror, lakeKey('coverage', '2025-03', '01')));
    // Ingest rewrites the summary with the lake object; here the backfill computes it again.
    rmSync(join(mirror, summaryKey('coverage', '2025-03', '79')));
    writeLedgerRecord(mirror, {
      dataset: 'coverage',
      period: '2025-03',
      province: '79',
      received_at: '2025-04-02T00:00:00Z',
      status: 'duplicate',
    });

    const second = await bothWays(mirror, TOTALS);
    expect(second.cached).toEqual([
      { province: '48', people: 3, n: 1 },
      { province: '79', people: 101, n: 2 },
    ]);
    expect(second.cached).toEqual(second.plain);
    const uploads = await bothWays(mirror, UPLOADS);
    expect(uploads.cached).toHaveLength(2);
    expect(uploads.cached).toEqual(uploads.plain);
    const summaries = await bothWays(mirror, SUMMARIES);
    expect(summaries.cached).toEqual([
      { province: '48', value: 3 },
      { province: '79', value: 100 },
    ]);
    expect(summaries.cached).toEqual(summaries.plain);
  });

  it('still answers when the cache cannot be opened (a damaged cache file)', async () => {
    const mirror = tempDir('file-cache-damaged');
    await writeLakeFile(mirror, 'coverage', '2025-03', '01', [coverageRow('hi', 4)]);
    const warm = await bothWays(mirror, TOTALS);
    const [file] = readdirSync(join(mirror, CACHE_DIR));
    expect(file).toBeDefined();
    writeFileSync(join(mirror, CACHE_DIR, file ?? ''), 'not a database');
    const again = await bothWays(mirror, TOTALS);
    expect(again.cached).toEqual(warm.cached);
    expect(existsSync(join(mirror, CACHE_DIR))).toBe(true);
  });
});
