/**
 * `vss doctor` over compacted months: a compacted lake is healthy (each province's compacted rows
 * stand for its lake object and summary); a compacted object whose rows were altered behind its
 * record is reported, and so is one that records another upload than the ledger's winner.
 */
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactedLakeKey } from '../../../core/contracts/layout.ts';
import { manifestOption, readManifest } from '../../../pipeline/lake/compacted-manifest.ts';
import { checkConsistency } from '../../../pipeline/ops/check-consistency.ts';
import { compactLake } from '../../../pipeline/ops/compact-lake.ts';
import { readObject } from '../../../pipeline/storage/object-bytes.ts';
import type { LocalS3 } from '../../../local/local-s3.ts';
import { ingestedDataDir, MONTHS, NOW, withS3 } from './compaction-fixture.ts';

let dir: string;
let dataDir: string;
const KEY = compactedLakeKey('debt', MONTHS[1]);

const check = (s3: LocalS3) =>
  checkConsistency({ s3: s3.client, uploadsBucket: s3.uploadsBucket, lakeBucket: s3.lakeBucket });

/** Rewrites the compacted debt object through `change` (SQL over its rows as table t), manifest kept or replaced. */
async function rewrite(s3: LocalS3, change: string, manifestEdit = (m: string) => m): Promise<void> {
  const path = join(dir, 'tamper-in.parquet');
  const out = join(dir, 'tamper-out.parquet');
  await writeFile(path, (await readObject(s3.client, s3.lakeBucket, KEY)).bytes);
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    const manifest = JSON.parse(manifestEdit(JSON.stringify(await readManifest(c, path)))) as Parameters<
      typeof manifestOption
    >[0];
    await c.run(`CREATE TABLE t AS SELECT * FROM read_parquet('${path}')`);
    await c.run(change);
    await c.run(`COPY t TO '${out}' (FORMAT parquet, COMPRESSION zstd, ${manifestOption(manifest)})`);
  } finally {
    c.closeSync();
    db.closeSync();
  }
  await s3.client.send(new PutObjectCommand({ Bucket: s3.lakeBucket, Key: KEY, Body: await readFile(out) }));
}

beforeAll(async () => {
  ({ dir, dataDir } = await ingestedDataDir('doctor-compact'));
}, 300_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('doctor over compacted months', () => {
  it('finds a compacted lake healthy, as it found the lake before', async () => {
    await withS3(dataDir, async (s3) => {
      expect((await check(s3)).problems).toEqual([]);
      await compactLake({ s3: s3.client, lakeBucket: s3.lakeBucket, now: NOW, tmpDir: dir });
      const report = await check(s3);
      expect(report.problems).toEqual([]);
      expect(report.winners.size).toBeGreaterThan(10);
    });
  });

  it('reports a compacted object whose rows were altered behind its record', async () => {
    await withS3(dataDir, async (s3) => {
      const original = (await readObject(s3.client, s3.lakeBucket, KEY)).bytes;
      await rewrite(s3, `UPDATE t SET no_bhxh = no_bhxh + 1 WHERE rowid = 3`);
      expect((await check(s3)).problems).toEqual([{ kind: 'compacted-altered', key: KEY }]);
      // A row dropped: the count no longer matches the record either.
      await s3.client.send(new PutObjectCommand({ Bucket: s3.lakeBucket, Key: KEY, Body: original }));
      await rewrite(s3, `DELETE FROM t WHERE rowid = 0`);
      expect((await check(s3)).problems).toEqual([{ kind: 'compacted-altered', key: KEY }]);
      await s3.client.send(new PutObjectCommand({ Bucket: s3.lakeBucket, Key: KEY, Body: original }));
      expect((await check(s3)).problems).toEqual([]);
    });
  });

  it('reports a compacted object that records another upload than the ledger winner', async () => {
    await withS3(dataDir, async (s3) => {
      const report = await check(s3);
      const winner = report.winners.get(`debt/${MONTHS[1]}/48`)!;
      expect(winner).toBeDefined();
      await rewrite(s3, 'SELECT 1', (m) => m.replaceAll(winner, 'f'.repeat(32)));
      expect((await check(s3)).problems).toEqual([{ kind: 'lake-stale', key: `debt/${MONTHS[1]}/48` }]);
    });
  });
});
