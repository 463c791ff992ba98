/**
 * Summaries for lake objects that have none in a local mirror: lakes ingested before summaries
 * existed, or fixtures written straight to disk. Computed from the lake object with the same
 * summarize() as ingest; a summary whose lake object is gone is removed, so a withdrawn
 * province-month never lingers in the figures.
 */
import { existsSync, readdirSync } from 'node:fs';
import { mkdir, rm } from 'node:fs/promises';
import { dirname, join } from 'node:path';
import { isDatasetName } from '../datasets/index.ts';
import { lakeDuckDB } from '../lake/duckdb-instance.ts';
import { lakeKey, LAKE_PREFIX, summaryKey, SUMMARIES_PREFIX } from '../layout.ts';
import type { SummaryRow } from './measures.ts';
import { summarize } from './summarize.ts';
import { writeSummaryParquet } from './summary-parquet.ts';

interface Partition {
  dataset: string;
  period: string;
  province: string;
}

const PARTITION_FILE = /^([a-z_]+)\/period=(\d{4}-\d{2})\/province=(\d{2})\/[^/]+\.parquet$/;

function partitionsUnder(root: string): Partition[] {
  if (!existsSync(root)) return [];
  return readdirSync(root, { recursive: true, encoding: 'utf8' }).flatMap((f) => {
    const match = PARTITION_FILE.exec(f.split('\\').join('/'));
    return match ? [{ dataset: match[1] ?? '', period: match[2] ?? '', province: match[3] ?? '' }] : [];
  });
}

const quoteLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;

function plain(value: unknown): string | number | null {
  if (value === null || value === undefined) return null;
  if (typeof value === 'bigint') return Number(value);
  if (typeof value === 'number' || typeof value === 'string') return value;
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  return String(value);
}

async function readLakeRows(path: string): Promise<SummaryRow[]> {
  const connection = await (await lakeDuckDB()).connect();
  try {
    const reader = await connection.runAndReadAll(`SELECT * FROM read_parquet(${quoteLiteral(path)})`);
    return reader
      .getRowObjectsJS()
      .map((row) => Object.fromEntries(Object.entries(row).map(([k, v]) => [k, plain(v)])));
  } finally {
    connection.closeSync();
  }
}

export async function ensureSummaries(mirrorDir: string): Promise<{ written: number; removed: number }> {
  let written = 0;
  let removed = 0;
  for (const p of partitionsUnder(join(mirrorDir, LAKE_PREFIX))) {
    if (!isDatasetName(p.dataset)) continue;
    const target = join(mirrorDir, summaryKey(p.dataset, p.period, p.province));
    if (existsSync(target)) continue;
    const rows = await readLakeRows(join(mirrorDir, lakeKey(p.dataset, p.period, p.province)));
    await mkdir(dirname(target), { recursive: true });
    await writeSummaryParquet(summarize(p.dataset, rows), target);
    written += 1;
  }
  for (const p of partitionsUnder(join(mirrorDir, SUMMARIES_PREFIX))) {
    if (!isDatasetName(p.dataset)) continue;
    // A dataset whose detail is not mirrored at all (the refresh skips employer rows) keeps its summaries.
    if (!existsSync(join(mirrorDir, LAKE_PREFIX, p.dataset))) continue;
    if (existsSync(join(mirrorDir, lakeKey(p.dataset, p.period, p.province)))) continue;
    await rm(join(mirrorDir, summaryKey(p.dataset, p.period, p.province)), { force: true });
    removed += 1;
  }
  return { written, removed };
}
