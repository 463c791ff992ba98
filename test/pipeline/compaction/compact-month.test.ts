/**
 * Compaction of closed months: every dataset's figures, per province-month, are the same read
 * through the `vss` relations before and after (and equal to those computed straight from the
 * per-province objects); a month compacted holds one object per dataset and no per-province one;
 * a re-upload of a compacted month replaces its province alone; a crash between the compacted
 * PUT and the removals changes no figure, and the rerun converges.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASET_NAMES } from '../../../core/datasets/index.ts';
import { compactLake } from '../../../pipeline/ops/compact-lake.ts';
import { compactMonth } from '../../../pipeline/lake/compact-month.ts';
import { listObjects } from '../../../pipeline/storage/list-objects.ts';
import { createS3Client } from '../../../pipeline/storage/s3-client.ts';
import { ingestFiles } from '../../../local/ingest-files.ts';
import { syncLocalMirror } from '../../../local/local-mirror.ts';
import { locationOfPath } from '../../../local/upload-files.ts';
import { replayLocal } from '../../../local/replay-local.ts';
import { debtCsv } from '../ingest/ingest-harness.ts';
import {
  figuresFromEngine,
  figuresFromObjects,
  ingestedDataDir,
  mirrorOf,
  MONTHS,
  NOW,
  UNITS,
  withS3,
  type Figures,
} from './compaction-fixture.ts';

let dir: string;
let dataDir: string;
let before: Record<string, Figures>;

beforeAll(async () => {
  ({ dir, dataDir } = await ingestedDataDir('compact'));
  before = await withS3(dataDir, (s3) => figuresFromObjects(s3, dir));
  // The lake is not trivial: every dataset has rows in every month.
  for (const name of DATASET_NAMES) expect(Object.keys(before[name] ?? {}).length, name).toBeGreaterThan(2);
}, 300_000);

afterAll(async () => {
  const { rm } = await import('node:fs/promises');
  await rm(dir, { recursive: true, force: true });
});

const keysUnder = (dataDirOf: string, prefix: string) =>
  withS3(dataDirOf, async (s3) => (await listObjects(s3.client, s3.lakeBucket, prefix)).map((o) => o.key));

describe('compaction of closed months', () => {
  it('the views read the per-province objects as the objects themselves do', async () => {
    expect(await figuresFromEngine(mirrorOf(dataDir), false)).toEqual(before);
  });

  it('a crash between the compacted PUT and the removals changes no figure; the rerun converges', async () => {
    await withS3(dataDir, async (s3) => {
      const crashing = createS3Client({ endpoint: s3.endpoint });
      let deletes = 0;
      crashing.middlewareStack.add(
        (next, context) => async (args) => {
          if (context.commandName === 'DeleteObjectCommand' && ++deletes === 2)
            throw new Error('injected crash');
          return next(args);
        },
        { step: 'initialize', name: 'crashOnSecondDelete' },
      );
      await expect(
        compactMonth({
          s3: crashing,
          bucket: s3.lakeBucket,
          dataset: 'debt',
          period: MONTHS[0],
          tmpDir: dir,
        }),
      ).rejects.toThrow();
      crashing.destroy();
    });
    const halfway = await keysUnder(dataDir, `lake/debt/period=${MONTHS[0]}/`);
    expect(halfway.length).toBe(UNITS.length - 1);
    await syncLocalMirror(dataDir);
    expect(await figuresFromEngine(mirrorOf(dataDir), false)).toEqual(before);
    expect(await figuresFromEngine(mirrorOf(dataDir), true)).toEqual(before);
  });

  it('compacts every closed month into one object per dataset and month, figures unchanged', async () => {
    const done = await withS3(dataDir, (s3) =>
      compactLake({ s3: s3.client, lakeBucket: s3.lakeBucket, now: NOW, tmpDir: dir }),
    );
    expect(done.length).toBe(DATASET_NAMES.length * MONTHS.length);
    for (const name of DATASET_NAMES) {
      for (const period of MONTHS) {
        expect(await keysUnder(dataDir, `lake/${name}/period=${period}/`)).toEqual([]);
        expect(await keysUnder(dataDir, `summaries/${name}/period=${period}/`)).toEqual([]);
        expect(await keysUnder(dataDir, `lake/${name}/compacted/period=${period}/`)).toEqual([
          `lake/${name}/compacted/period=${period}/data.parquet`,
        ]);
      }
    }
    await syncLocalMirror(dataDir);
    expect(await figuresFromEngine(mirrorOf(dataDir), false)).toEqual(before);
    expect(await figuresFromEngine(mirrorOf(dataDir), true)).toEqual(before);
    // A repeat folds nothing and changes nothing.
    const again = await withS3(dataDir, (s3) =>
      compactLake({ s3: s3.client, lakeBucket: s3.lakeBucket, now: NOW, tmpDir: dir }),
    );
    expect(again).toEqual([]);
  });

  it('an open month is never compacted', async () => {
    const done = await withS3(dataDir, (s3) =>
      compactLake({
        s3: s3.client,
        lakeBucket: s3.lakeBucket,
        now: new Date('2025-10-15T00:00:00Z'),
        before: '2026-01',
      }),
    );
    expect(done).toEqual([]);
  });

  it('a re-upload of a compacted month replaces its province alone, before and after compacting again', async () => {
    const path = join(dir, 'sua-lan-2.csv');
    await writeFile(path, debtCsv(7, 41));
    const location = { ...locationOfPath(`debt/${MONTHS[0]}/01.csv`)!, fileName: 'sua-lan-2.csv' };
    const summary = await ingestFiles({
      dataDir,
      files: [{ path, location, submittedAt: '2026-02-01T03:00:00.000Z' }],
    });
    expect(summary.accepted).toBe(1);
    const fresh = await withS3(dataDir, (s3) => figuresFromObjects(s3, dir));
    // The only per-province object left is the re-upload's: its figures are the independent ones.
    const place = `${MONTHS[0]}/01`;
    expect(Object.keys(fresh.debt ?? {})).toEqual([place]);
    expect(fresh.debt?.[place]?.rows).toBe(7);
    const expected = { ...before, debt: { ...before.debt, [place]: fresh.debt![place]! } };
    await syncLocalMirror(dataDir);
    expect(await figuresFromEngine(mirrorOf(dataDir), false)).toEqual(expected);
    expect(await figuresFromEngine(mirrorOf(dataDir), true)).toEqual(expected);
    await withS3(dataDir, (s3) =>
      compactLake({ s3: s3.client, lakeBucket: s3.lakeBucket, now: NOW, tmpDir: dir, datasets: ['debt'] }),
    );
    expect(await keysUnder(dataDir, `lake/debt/period=${MONTHS[0]}/`)).toEqual([]);
    await syncLocalMirror(dataDir);
    expect(await figuresFromEngine(mirrorOf(dataDir), false)).toEqual(expected);
    expect(await figuresFromEngine(mirrorOf(dataDir), true)).toEqual(expected);
  });

  it('replay rebuilds the same figures from the uploads, per province again', async () => {
    const summary = await replayLocal({ dataDir });
    expect(summary.failed).toBe(0);
    expect(await keysUnder(dataDir, `lake/debt/compacted/`)).toEqual([]);
    const rebuilt = await withS3(dataDir, (s3) => figuresFromObjects(s3, dir));
    const place = `${MONTHS[0]}/01`;
    expect(rebuilt).toEqual({ ...before, debt: { ...before.debt, [place]: rebuilt.debt![place]! } });
    expect(rebuilt.debt?.[place]?.rows).toBe(7);
  });
});
