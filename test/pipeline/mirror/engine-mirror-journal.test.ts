/**
 * The mirror's change journal against a real s3rver on 127.0.0.1: after syncs that add, replace and
 * withdraw objects, the engine's file cache and the summaries backfill follow only the keys the
 * journal names and give the figures a cache built from nothing gives; when the chain is broken (an
 * index rewritten by something else) they compare in full and still agree.
 */
import { existsSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { DeleteObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { DuckDBInstance } from '@duckdb/node-api';
import { describe, expect, it } from 'vitest';
import { openEngine } from '../../../pipeline/query/engine.ts';
import { CACHE_DIR, loadThroughCache } from '../../../pipeline/query/file-cache.ts';
import { cachedRelations } from '../../../pipeline/query/materialize.ts';
import { changesSince, listingFingerprint } from '../../../pipeline/mirror/mirror-journal.ts';
import { MIRROR_INDEX } from '../../../pipeline/mirror/mirror-listing.ts';
import { syncMirror } from '../../../pipeline/mirror/mirror.ts';
import { lakeKey, ledgerKey, summaryKey } from '../../../core/contracts/layout.ts';
import { ensureSummaries } from '../../../pipeline/summary/backfill.ts';
import { useS3rverBucket } from '../../local/s3rver-bucket.ts';
import { tempDir, writeLakeFile, writeLedgerRecord } from '../query/engine-fixture.ts';

const bucket = 'vss-lake';
const s3 = useS3rverBucket(bucket, 's3rver-journal');

const staging = tempDir('journal-staging');

/** Puts one province-month of coverage (and its ledger record) into the bucket. */
async function upload(province: string, people: number, received: string): Promise<string> {
  const rows = [{ loai_hinh: 'hi', so_nguoi_tham_gia: people, chi_tieu_giao: 1, dan_so_co_so: 2 }];
  await writeLakeFile(staging, 'coverage', '2025-03', province, rows);
  const key = lakeKey('coverage', '2025-03', province);
  await s3().send(new PutObjectCommand({ Bucket: bucket, Key: key, Body: readFileSync(join(staging, key)) }));
  const record = writeLedgerRecord(staging, {
    dataset: 'coverage',
    period: '2025-03',
    province,
    received_at: received,
  });
  const ledger = ledgerKey('coverage', '2025-03', province, record.upload_id);
  await s3().send(
    new PutObjectCommand({ Bucket: bucket, Key: ledger, Body: readFileSync(join(staging, ledger)) }),
  );
  return ledger;
}

const withdraw = (province: string) =>
  s3().send(new DeleteObjectCommand({ Bucket: bucket, Key: lakeKey('coverage', '2025-03', province) }));

const FIGURES = `SELECT
  (SELECT list(province || ':' || so_nguoi_tham_gia ORDER BY province) FROM vss.coverage) AS detail,
  (SELECT list(province || ':' || value ORDER BY province) FROM vss.summaries
    WHERE dataset = 'coverage' AND measure = 'hi_participants') AS summaries,
  (SELECT count(*) FROM vss.uploads) AS uploads`;

async function figures(mirrorDir: string) {
  const engine = await openEngine({ mirrorDir, materialize: ['coverage'] });
  try {
    return (await engine.runQuery(FIGURES)).rows[0];
  } finally {
    engine.close();
  }
}

async function cacheUpdate(mirrorDir: string) {
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    await connection.run('CREATE SCHEMA vss');
    const relations = cachedRelations(mirrorDir, (d) => d === 'coverage');
    const loaded = await loadThroughCache(connection, mirrorDir, relations);
    return loaded && { filesRead: loaded.filesRead, compared: loaded.compared };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}

/** The same figures from a cache built from nothing and a backfill that checks everything. */
async function figuresFromScratch(mirrorDir: string) {
  rmSync(join(mirrorDir, CACHE_DIR), { recursive: true, force: true });
  rmSync(join(mirrorDir, '.summaries-checked'), { force: true });
  return figures(mirrorDir);
}

describe('the mirror change journal', () => {
  it('names only what each sync changed, and the cache and backfill follow it', async () => {
    const dir = tempDir('journal-mirror');
    const sync = () => syncMirror({ s3: s3(), bucket, dir, prefixes: ['lake/', 'summaries/', 'ledger/'] });
    await upload('01', 10, '2025-04-01T00:00:00Z');
    await upload('79', 7, '2025-04-02T00:00:00Z');
    await sync();
    expect(await figures(dir)).toEqual({
      detail: ['01:10', '79:7'],
      summaries: ['01:10', '79:7'],
      uploads: 2,
    });
    const caughtUp = listingFingerprint(dir);

    // A re-upload of 01, 79 withdrawn, 48 new.
    const again = await upload('01', 100, '2025-04-03T00:00:00Z');
    await withdraw('79');
    const added = await upload('48', 5, '2025-04-04T00:00:00Z');
    await sync();
    const changed = changesSince(dir, caughtUp);
    expect(changed && [...changed.keys()].sort()).toEqual(
      [
        lakeKey('coverage', '2025-03', '01'),
        lakeKey('coverage', '2025-03', '48'),
        lakeKey('coverage', '2025-03', '79'),
        again,
        added,
      ].sort(),
    );
    expect(changed?.get(lakeKey('coverage', '2025-03', '79'))).toBeNull();

    // Only the five changed files are read: the backfill's new summary of 48, two lake objects and
    // two ledger records (79's rows are dropped without reading anything).
    expect(await ensureSummaries(dir)).toEqual({ written: 1, removed: 1 });
    expect(await cacheUpdate(dir)).toEqual({ filesRead: 5, compared: 'journal' });
    const followed = await figures(dir);
    // 01's summary stays the one first computed: ingest rewrites it in the bucket, not the backfill.
    expect(followed).toEqual({
      detail: ['01:100', '48:5'],
      summaries: ['01:10', '48:5'],
      uploads: 4,
    });
    expect(existsSync(join(dir, summaryKey('coverage', '2025-03', '79')))).toBe(false);
    expect(await figuresFromScratch(dir)).toEqual(followed);
    expect(changesSince(dir, listingFingerprint(dir))?.size).toBe(0);
  });

  it('compares in full when an index was rewritten outside the journal', async () => {
    const dir = tempDir('journal-broken');
    const sync = () => syncMirror({ s3: s3(), bucket, dir, prefixes: ['lake/', 'summaries/', 'ledger/'] });
    await sync();
    const before = listingFingerprint(dir);
    const first = await figures(dir);
    // Something else rewrites the index (dropping 48): no journal entry leads here.
    const index = JSON.parse(readFileSync(join(dir, MIRROR_INDEX), 'utf8')) as Record<string, unknown>;
    delete index[lakeKey('coverage', '2025-03', '48')];
    writeFileSync(join(dir, MIRROR_INDEX), JSON.stringify(index));
    rmSync(join(dir, lakeKey('coverage', '2025-03', '48')));
    expect(changesSince(dir, before)).toBeUndefined();
    expect(await cacheUpdate(dir)).toEqual({ filesRead: 0, compared: 'listing' });
    const after = await figures(dir);
    expect(first?.detail).toContain('48:5');
    expect(after?.detail).not.toContain('48:5');
    expect(after).toEqual(await figuresFromScratch(dir));
  });
});
