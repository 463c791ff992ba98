/**
 * The views list the per-province files themselves when they are made (compacted-views.ts
 * heldKeys), so that listing must be the one DuckDB's glob() gives for the same glob: compared
 * here with real DuckDB on a mirror with names that nearly match. (An empty segment, `period=/`,
 * is left out: DuckDB's `*` matches it, this module's and the file cache's do not; the layout
 * never writes one.)
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { heldKeys, LAKE_HELD, SUMMARY_HELD } from '../../../pipeline/query/compacted-views.ts';
import { globFiles, globMatchesAny } from '../../../pipeline/query/glob-files.ts';
import { tempDir } from './engine-fixture.ts';

const FILES = [
  'lake/debt/period=2025-01/province=01/data.parquet',
  'lake/debt/period=2025-01/province=79/data.parquet',
  'lake/debt/period=2025-01/province=79/other.parquet',
  'lake/debt/period=2025-02/province=01/data.parquet',
  'lake/debt/period=2025-02/province=01/notes.txt',
  'lake/debt/period=2025-02/data.parquet',
  'lake/debt/period=2025-03/province=01/deeper/data.parquet',
  'lake/debt/compacted/period=2025-01/data.parquet',
  'lake/debt/compacted/period=2025-03/data.parquet',
];

function mirrorWith(files: readonly string[]): string {
  const mirror = tempDir('glob-files');
  for (const f of files) {
    mkdirSync(dirname(join(mirror, f)), { recursive: true });
    writeFileSync(join(mirror, f), 'x');
  }
  // A folder whose name a file pattern matches is not a file.
  mkdirSync(join(mirror, 'lake/debt/period=2025-04/province=01/dir.parquet'), { recursive: true });
  return mirror;
}

async function duckdbGlob(glob: string): Promise<string[]> {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const rows = (await connection.runAndReadAll(`SELECT file FROM glob('${glob}')`)).getRowsJS();
    return rows.map(([file]) => String(file)).sort();
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

describe('globFiles', () => {
  it.each([
    ['per-province objects', 'lake/debt/period=*/province=*/*.parquet'],
    ['compacted objects', 'lake/debt/compacted/period=*/data.parquet'],
    ['a glob nothing matches', 'lake/coverage/period=*/province=*/*.parquet'],
  ])('lists what DuckDB glob() lists: %s', async (_what, pattern) => {
    const mirror = mirrorWith(FILES);
    const glob = join(mirror, pattern);
    const ours = globFiles(glob).sort();
    expect(ours).toEqual(await duckdbGlob(glob));
    expect(globMatchesAny(glob)).toBe(ours.length > 0);
  });

  it('finds the per-province objects of the fixture, and no near miss', () => {
    const mirror = mirrorWith(FILES);
    const found = globFiles(join(mirror, 'lake/debt/period=*/province=*/*.parquet'));
    expect(found.map((f) => f.slice(mirror.length + 1)).sort()).toEqual(FILES.slice(0, 4));
  });
});

describe('heldKeys', () => {
  it('keeps the per-province files of compacted months alone', () => {
    const files = FILES.slice(0, 4).map((f) => `/m/${f}`);
    const compacted = ['/m/lake/debt/compacted/period=2025-01/data.parquet'];
    expect(heldKeys(LAKE_HELD, files, compacted)).toEqual([
      ['2025-01', '01'],
      ['2025-01', '79'],
      ['2025-01', '79'],
    ]);
    expect(heldKeys(LAKE_HELD, files, [])).toEqual([]);
  });

  it('matches a summary month by its dataset too', () => {
    const files = ['/m/summaries/debt/period=2025-01/province=01/summary.parquet'];
    expect(
      heldKeys(SUMMARY_HELD, files, ['/m/summaries/coverage/compacted/period=2025-01/summary.parquet']),
    ).toEqual([]);
    expect(
      heldKeys(SUMMARY_HELD, files, ['/m/summaries/debt/compacted/period=2025-01/summary.parquet']),
    ).toEqual([['debt', '2025-01', '01']]);
  });
});
