/**
 * Builds a small lake in a temporary folder, in the exact layout of core/contracts/layout.ts: Parquet files
 * written by DuckDB with the dataset's column types, and one ledger JSON object per upload.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';
import { DATASETS, duckdbType, templateAt, type DatasetName } from '../../../core/datasets/index.ts';
import { lakeKey, ledgerKey } from '../../../core/contracts/layout.ts';
import type { LedgerRecord } from '../../../core/contracts/ledger-record.ts';

export type FixtureRow = Record<string, string | number | null>;

export function tempDir(label: string): string {
  return mkdtempSync(join(tmpdir(), `vss-${label}-`));
}

export async function writeLakeFile(
  mirrorDir: string,
  dataset: DatasetName,
  period: string,
  province: string,
  rows: FixtureRow[],
): Promise<void> {
  const path = join(mirrorDir, lakeKey(dataset, period, province));
  mkdirSync(dirname(path), { recursive: true });
  // In the columns of the template version of the month, as ingest writes them.
  const columns = templateAt(DATASETS[dataset], period).columns;
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  const defs = columns.map((c) => `"${c.key}" ${duckdbType(c.type)}`).join(', ');
  await connection.run(`CREATE TABLE t (${defs})`);
  const marks = columns.map(() => '?').join(', ');
  for (const row of rows) {
    await connection.run(
      `INSERT INTO t VALUES (${marks})`,
      columns.map((c) => row[c.key] ?? null),
    );
  }
  await connection.run(`COPY t TO '${path}' (FORMAT parquet, COMPRESSION zstd)`);
  connection.closeSync();
  instance.closeSync();
}

let uploadCounter = 0;

/** A ledger record with plausible defaults; `received_at` and `status` are what tests vary. */
export function writeLedgerRecord(
  mirrorDir: string,
  record: Pick<LedgerRecord, 'dataset' | 'period' | 'province' | 'received_at'> & Partial<LedgerRecord>,
): LedgerRecord {
  uploadCounter += 1;
  const full: LedgerRecord = {
    upload_id: `u${String(uploadCounter).padStart(6, '0')}`,
    key: `uploads/${record.dataset}/${record.period}/${record.province}/report.csv`,
    version_id: null,
    file_name: 'report.csv',
    sha256: 'ab'.repeat(32),
    bytes: 1000,
    ingested_at: record.received_at,
    status: 'accepted',
    rows_read: 1,
    rows_accepted: 1,
    rows_rejected: 0,
    error_count: 0,
    warning_count: 0,
    supersedes: null,
    ...record,
  };
  const path = join(
    mirrorDir,
    ledgerKey(full.dataset as DatasetName, full.period, full.province, full.upload_id),
  );
  mkdirSync(dirname(path), { recursive: true });
  writeFileSync(path, JSON.stringify(full));
  return full;
}
