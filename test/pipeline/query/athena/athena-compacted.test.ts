/**
 * Athena reads compacted months by the reader rule: over a lake whose first month is compacted
 * and one province of it re-uploaded since, vss.<dataset> and vss.summaries give the same rows
 * through the Athena stand-in (the catalog's views over per-province and compacted tables) as on
 * DuckDB, and those equal what the objects themselves hold: each province-month's figures from
 * its per-province object before compaction, the re-uploaded province's from its new object.
 */
import { rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS, duckdbType, lakeColumns, type DatasetDef } from '../../../../core/datasets/index.ts';
import { parseSummaryKey } from '../../../../core/contracts/layout-parse.ts';
import { compactLake } from '../../../../pipeline/ops/compact-lake.ts';
import { openEngine, type Engine } from '../../../../pipeline/query/engine.ts';
import { createAthenaClient } from '../../../../pipeline/query/athena/athena-client.ts';
import { openAthenaEngine } from '../../../../pipeline/query/athena/athena-engine.ts';
import { listObjects } from '../../../../pipeline/storage/list-objects.ts';
import { readObject } from '../../../../pipeline/storage/object-bytes.ts';
import { ingestFiles } from '../../../../local/ingest-files.ts';
import { syncLocalMirror } from '../../../../local/local-mirror.ts';
import type { LocalS3 } from '../../../../local/local-s3.ts';
import { locationOfPath } from '../../../../local/upload-files.ts';
import { startAthenaStandIn } from '../../../support/athena-stand-in/server.ts';
import { debtCsv } from '../../ingest/ingest-harness.ts';
import {
  figuresFromObjects,
  ingestedDataDir,
  mirrorOf,
  MONTHS,
  NOW,
  withS3,
  type Figures,
} from '../../compaction/compaction-fixture.ts';
import { fakeClock, standInClientOptions } from './athena-harness.ts';

type Row = Record<string, unknown>;
let dir: string;
let dataDir: string;
let expectedFigures: Record<string, Figures>;
let expectedSummaries: string[];
const PLACE = `${MONTHS[0]}/01`;

/** Every summary object's rows, one text line each (dataset, period, province, measure, value). */
async function summariesFromObjects(s3: LocalS3, scratch: string): Promise<Map<string, string[]>> {
  const byObject = new Map<string, string[]>();
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    for (const o of await listObjects(s3.client, s3.lakeBucket, 'summaries/')) {
      const k = parseSummaryKey(o.key);
      if (!k) continue;
      const path = join(scratch, `summary-${k.dataset}-${k.period}-${k.province}.parquet`);
      await writeFile(path, (await readObject(s3.client, s3.lakeBucket, o.key)).bytes);
      const rows = (
        await c.runAndReadAll(`SELECT measure, value FROM read_parquet('${path}')`)
      ).getRowObjectsJS();
      byObject.set(
        `${k.dataset}/${k.period}/${k.province}`,
        rows.map((r) => `${k.dataset}|${k.period}|${k.province}|${String(r.measure)}|${String(r.value)}`),
      );
    }
    return byObject;
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

beforeAll(async () => {
  ({ dir, dataDir } = await ingestedDataDir('athena-compacted'));
  const before = await withS3(dataDir, (s3) => figuresFromObjects(s3, dir));
  const summariesBefore = await withS3(dataDir, (s3) => summariesFromObjects(s3, dir));
  const done = await withS3(dataDir, (s3) =>
    compactLake({ s3: s3.client, lakeBucket: s3.lakeBucket, now: NOW, before: MONTHS[1], tmpDir: dir }),
  );
  expect(done.map((m) => m.period)).toEqual(Object.keys(DATASETS).map(() => MONTHS[0]));
  // One province of the compacted month uploads its debt again: its new object wins.
  const path = join(dir, 'sua-lan-2.csv');
  await writeFile(path, debtCsv(7, 41));
  const location = { ...locationOfPath(`debt/${MONTHS[0]}/01.csv`)!, fileName: 'sua-lan-2.csv' };
  const summary = await ingestFiles({
    dataDir,
    files: [{ path, location, submittedAt: '2026-02-01T03:00:00.000Z' }],
  });
  expect(summary.accepted).toBe(1);
  const fresh = await withS3(dataDir, (s3) => figuresFromObjects(s3, dir));
  expect(fresh.debt?.[PLACE]?.rows).toBe(7);
  expect(fresh.debt?.[PLACE]).not.toEqual(before.debt?.[PLACE]);
  expectedFigures = { ...before, debt: { ...before.debt, [PLACE]: fresh.debt![PLACE]! } };
  const summariesFresh = await withS3(dataDir, (s3) => summariesFromObjects(s3, dir));
  const reuploaded = summariesFresh.get(`debt/${PLACE}`) ?? [];
  expect(reuploaded.length).toBeGreaterThan(0);
  summariesBefore.set(`debt/${PLACE}`, reuploaded);
  expectedSummaries = [...summariesBefore.values()].flat().sort();
  await syncLocalMirror(dataDir);
}, 300_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const bigints = (d: DatasetDef) => lakeColumns(d).filter((c) => duckdbType(c.type) === 'BIGINT');

/** Figures per province-month in SQL Athena and DuckDB both run. */
const figuresSql = (d: DatasetDef) =>
  `SELECT period, province, count(*) AS n_rows, ${bigints(d)
    .map((c) => `CAST(sum(${c.key}) AS BIGINT) AS ${c.key}`)
    .join(', ')} FROM vss.${d.name} GROUP BY period, province`;

function figuresOf(rows: readonly Row[]): Figures {
  const out: Figures = {};
  for (const { period, province, n_rows, ...sums } of rows) {
    const present = Object.entries(sums).filter(([, v]) => v !== null && v !== undefined);
    out[`${String(period)}/${String(province)}`] = {
      rows: Number(n_rows),
      ...Object.fromEntries(present.map(([k, v]) => [k, Number(v)])),
    };
  }
  return out;
}

const SUMMARIES_SQL = 'SELECT dataset, period, province, measure, value FROM vss.summaries';
const summaryLines = (rows: readonly Row[]) =>
  rows.map((r) => [r.dataset, r.period, r.province, r.measure, r.value].map(String).join('|')).sort();

async function readBoth(engine: Pick<Engine, 'runQuery'>) {
  const figures: Record<string, Figures> = {};
  for (const d of Object.values(DATASETS))
    figures[d.name] = figuresOf((await engine.runQuery(figuresSql(d))).rows);
  return { figures, summaries: summaryLines((await engine.runQuery(SUMMARIES_SQL)).rows) };
}

describe('a compacted month with one province re-uploaded', () => {
  it('DuckDB reads the figures and summaries the objects hold', async () => {
    const engine = await openEngine({ mirrorDir: mirrorOf(dataDir) });
    try {
      const read = await readBoth(engine);
      expect(read.figures).toEqual(expectedFigures);
      expect(read.summaries).toEqual(expectedSummaries);
    } finally {
      engine.close();
    }
  });

  it("Athena's views read the same rows: compacted provinces once, the re-uploaded one from its object", async () => {
    const standIn = await startAthenaStandIn({ mirrorDir: mirrorOf(dataDir), pageSize: 1000 });
    const client = createAthenaClient(standInClientOptions(standIn.endpoint));
    const clock = fakeClock();
    const engine = openAthenaEngine({
      workGroup: 'vss-test',
      client,
      poll: { sleep: clock.sleep, now: clock.now },
    });
    try {
      const read = await readBoth(engine);
      expect(read.figures).toEqual(expectedFigures);
      expect(read.summaries).toEqual(expectedSummaries);
      // Both halves answer: the compacted table holds the month, the per-province one the re-upload.
      const count = async (table: string) =>
        Number(
          (await engine.runQuery(`SELECT count(*) AS n FROM vss.${table} WHERE period = ?`, [MONTHS[0]]))
            .rows[0]?.n,
        );
      expect(await count('debt_by_province')).toBe(7);
      expect(await count('debt_compacted')).toBeGreaterThan(7);
    } finally {
      engine.close();
      client.destroy();
      await standIn.close();
    }
  });
});
