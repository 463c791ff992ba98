import { existsSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, sep } from 'node:path';
import { describe, expect, it } from 'vitest';
import { openEngine } from '../../../pipeline/query/engine.ts';
import { LOCAL_INDEX, MIRROR_INDEX, mirrorFiles } from '../../../pipeline/mirror/mirror-listing.ts';
import { lakeKey, summaryKey } from '../../../core/contracts/layout.ts';
import { ensureSummaries } from '../../../pipeline/summary/backfill.ts';
import { tempDir, writeLakeFile, writeLedgerRecord } from '../query/engine-fixture.ts';

const coverageRow = (scheme: string, people: number) => ({
  loai_hinh: scheme,
  so_nguoi_tham_gia: people,
  chi_tieu_giao: people * 2,
  dan_so_co_so: people * 10,
});

let etag = 0;

/** Writes the index syncMirror would keep for every file now in the mirror (a new ETag each). */
function writeMirrorIndex(mirrorDir: string, keep: Record<string, { size: number; etag: string }> = {}) {
  const index: Record<string, { size: number; etag: string }> = {};
  for (const name of readdirSync(mirrorDir, { recursive: true, encoding: 'utf8' })) {
    const key = name.split(sep).join('/');
    if (key.startsWith('.') || !statSync(join(mirrorDir, name)).isFile()) continue;
    if (!key.startsWith('lake/') && !key.startsWith('ledger/')) continue;
    etag += 1;
    index[key] = keep[key] ?? { size: statSync(join(mirrorDir, name)).size, etag: `"e${etag}"` };
  }
  writeFileSync(join(mirrorDir, MIRROR_INDEX), JSON.stringify(index));
  return index;
}

const TOTALS =
  'SELECT province, sum(so_nguoi_tham_gia) AS people FROM vss.coverage GROUP BY province ORDER BY province';
const SUMMARY =
  "SELECT province, value FROM vss.summaries WHERE dataset = 'coverage' AND measure = 'hi_participants' ORDER BY province";

async function cachedRows(mirrorDir: string, sql: string) {
  const engine = await openEngine({ mirrorDir, materialize: ['coverage'] });
  try {
    return (await engine.runQuery(sql)).rows;
  } finally {
    engine.close();
  }
}

describe('a mirror listed from its index', () => {
  it('lists what the index and the backfill recorded, and walks a mirror without an index', async () => {
    const mirror = tempDir('listing');
    await writeLakeFile(mirror, 'coverage', '2025-03', '01', [coverageRow('hi', 10)]);
    const walked = mirrorFiles(mirror, 'lake/');
    expect([...walked.keys()]).toEqual([lakeKey('coverage', '2025-03', '01')]);
    writeMirrorIndex(mirror);
    await ensureSummaries(mirror);
    const listed = [...mirrorFiles(mirror, 'summaries/').keys()];
    expect(listed).toEqual([summaryKey('coverage', '2025-03', '01')]);
    const local: unknown = JSON.parse(readFileSync(join(mirror, LOCAL_INDEX), 'utf8'));
    expect(Object.keys(local as object)).toEqual(listed);
  });

  it('backfills a new lake object without a summary and follows replacements and withdrawals', async () => {
    const mirror = tempDir('listing-refresh');
    await writeLakeFile(mirror, 'coverage', '2025-03', '01', [coverageRow('hi', 10)]);
    writeLedgerRecord(mirror, {
      dataset: 'coverage',
      period: '2025-03',
      province: '01',
      received_at: '2025-04-01T00:00:00Z',
    });
    let index = writeMirrorIndex(mirror);
    expect(await cachedRows(mirror, SUMMARY)).toEqual([{ province: '01', value: 10 }]);
    // Nothing changed: the same figures from the cache without listing anything.
    expect(await cachedRows(mirror, TOTALS)).toEqual([{ province: '01', people: 10 }]);

    // A sync brings a new province-month whose summary the bucket lacks: the backfill computes it.
    await writeLakeFile(mirror, 'coverage', '2025-03', '79', [coverageRow('hi', 7)]);
    index = writeMirrorIndex(mirror, index);
    expect(await cachedRows(mirror, SUMMARY)).toEqual([
      { province: '01', value: 10 },
      { province: '79', value: 7 },
    ]);
    expect(existsSync(join(mirror, summaryKey('coverage', '2025-03', '79')))).toBe(true);

    // A re-upload of 01 (a new ETag) and 79 withdrawn (gone from disk and index).
    await writeLakeFile(mirror, 'coverage', '2025-03', '01', [coverageRow('hi', 100), coverageRow('ui', 1)]);
    rmSync(join(mirror, lakeKey('coverage', '2025-03', '79')));
    const { [lakeKey('coverage', '2025-03', '01')]: _replaced, ...kept } = index;
    writeMirrorIndex(mirror, kept);
    // Ingest rewrites a re-uploaded object's summary; in this mirror the backfill has to.
    rmSync(join(mirror, summaryKey('coverage', '2025-03', '01')));
    const local: Record<string, unknown> = JSON.parse(readFileSync(join(mirror, LOCAL_INDEX), 'utf8'));
    delete local[summaryKey('coverage', '2025-03', '01')];
    writeFileSync(join(mirror, LOCAL_INDEX), JSON.stringify(local));

    expect(await cachedRows(mirror, TOTALS)).toEqual([{ province: '01', people: 101 }]);
    expect(await cachedRows(mirror, SUMMARY)).toEqual([{ province: '01', value: 100 }]);
    expect(existsSync(join(mirror, summaryKey('coverage', '2025-03', '79')))).toBe(false);
  });
});
