/**
 * What the compaction tests share: a small lake ingested from generated uploads (two months, three
 * provinces, every dataset), through the local S3 and its mirror, and each dataset's figures per
 * province-month computed two ways: straight from the per-province Parquet objects in the bucket
 * (before any compaction: the independent answer) and through the `vss` relations of the engine.
 */
import { mkdir, mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { expect } from 'vitest';
import {
  DATASETS,
  duckdbType,
  lakeColumns,
  templateAt,
  type DatasetDef,
} from '../../../core/datasets/index.ts';
import { localPaths } from '../../../core/contracts/layout.ts';
import { parseLakeKey } from '../../../core/contracts/layout-parse.ts';
import { generateSamples } from '../../../pipeline/generate/index.ts';
import { openEngine } from '../../../pipeline/query/engine.ts';
import { listObjects } from '../../../pipeline/storage/list-objects.ts';
import { readObject } from '../../../pipeline/storage/object-bytes.ts';
import { ingestFiles } from '../../../local/ingest-files.ts';
import { syncLocalMirror } from '../../../local/local-mirror.ts';
import { startLocalS3, type LocalS3 } from '../../../local/local-s3.ts';
import { filesFromManifest } from '../../../local/upload-files.ts';

export const MONTHS = ['2025-08', '2025-09'] as const;
export const UNITS = ['01', '48', '79'];
/** Late enough that both months are closed (closed-month.ts). */
export const NOW = new Date('2026-03-01T00:00:00.000Z');

/** Figures of one province-month: its row count and the sum of every whole-number column. */
export type Figures = Record<string, Record<string, number>>;

/** The whole-number columns of a dataset (of one month's template, or of every version). */
const numberColumns = (d: DatasetDef, period?: string) =>
  (period ? templateAt(d, period).columns : lakeColumns(d)).filter((c) => duckdbType(c.type) === 'BIGINT');

/** A figure that is NULL (a column no row of the province-month has) is left out, never 0. */
const present = (row: Record<string, unknown>) =>
  Object.fromEntries(
    Object.entries(row)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => [k, Number(v)]),
  );

function figuresSql(d: DatasetDef, from: string, withPlace: string, period?: string): string {
  const sums = numberColumns(d, period).map((c) => `CAST(sum("${c.key}") AS BIGINT) AS "${c.key}"`);
  return `SELECT ${withPlace} AS place, CAST(count(*) AS BIGINT) AS rows, ${sums.join(', ')} FROM ${from} GROUP BY ALL`;
}

async function readFigures(sql: string): Promise<Figures> {
  const db = await DuckDBInstance.create(':memory:');
  const c = await db.connect();
  try {
    const out: Figures = {};
    for (const row of (await c.runAndReadAll(sql)).getRowObjectsJS()) {
      const { place, ...rest } = row;
      out[String(place)] = present(rest);
    }
    return out;
  } finally {
    c.closeSync();
    db.closeSync();
  }
}

/** Every dataset's figures from the per-province objects in the bucket, each read on its own. */
export async function figuresFromObjects(s3: LocalS3, scratch: string): Promise<Record<string, Figures>> {
  const out: Record<string, Figures> = {};
  for (const d of Object.values(DATASETS)) {
    for (const o of await listObjects(s3.client, s3.lakeBucket, `lake/${d.name}/period=`)) {
      const pm = parseLakeKey(o.key);
      if (!pm) continue;
      const path = join(scratch, `${d.name}-${pm.period}-${pm.province}.parquet`);
      await writeFile(path, (await readObject(s3.client, s3.lakeBucket, o.key)).bytes);
      const figures = await readFigures(
        figuresSql(d, `read_parquet('${path}')`, `'${pm.period}/${pm.province}'`, pm.period),
      );
      out[d.name] = { ...out[d.name], ...figures };
    }
    out[d.name] ??= {};
  }
  return out;
}

/** Every dataset's figures through the engine's `vss` relations over a mirror. */
export async function figuresFromEngine(
  mirrorDir: string,
  materialize: boolean,
): Promise<Record<string, Figures>> {
  const engine = await openEngine({ mirrorDir, materialize });
  try {
    const out: Record<string, Figures> = {};
    for (const d of Object.values(DATASETS)) {
      const sql = figuresSql(d, `vss."${d.name}"`, `period || '/' || province`);
      const result = await engine.runQuery(sql);
      out[d.name] = Object.fromEntries(
        result.rows.map(({ place, ...rest }) => [String(place), present(rest)]),
      );
    }
    return out;
  } finally {
    engine.close();
  }
}

/** A data directory with the small lake ingested, and its mirror synced. */
export async function ingestedDataDir(label: string): Promise<{ dir: string; dataDir: string }> {
  const dir = await mkdtemp(join(tmpdir(), `vss-${label}-`));
  const dataDir = join(dir, 'data');
  const samples = join(dir, 'samples');
  await mkdir(samples, { recursive: true });
  await generateSamples({ out: samples, from: MONTHS[0], to: MONTHS[1], seed: 5, debtorsPerMonth: 120 });
  const files = (await filesFromManifest(samples)).filter(
    (f) => UNITS.includes(f.location.province) && f.location.fileName.endsWith('.csv'),
  );
  const summary = await ingestFiles({ dataDir, files, concurrency: 4 });
  expect(summary.failed).toBe(0);
  expect(summary.accepted).toBeGreaterThan(10);
  await syncLocalMirror(dataDir);
  return { dir, dataDir };
}

/** Runs `task` against the local S3 of a data directory, started without notifications. */
export async function withS3<T>(dataDir: string, task: (s3: LocalS3) => Promise<T>): Promise<T> {
  const s3 = await startLocalS3({ dataDir });
  try {
    return await task(s3);
  } finally {
    await s3.close();
  }
}

export const mirrorOf = (dataDir: string) => localPaths(dataDir).mirror;
