/**
 * A lake file made before the lake write: the DuckDB path of validation (pipeline/validate/fast-csv.ts)
 * writes a large upload's accepted rows straight to Parquet, so no JavaScript row objects exist.
 * It carries what ingest needs of the rows instead: their count, their checksum (v2, of the
 * file's bytes: lake-checksum.ts) and a way to read them back for what follows the lake.
 */
import { randomUUID } from 'node:crypto';
import { readFile, rm } from 'node:fs/promises';
import { join } from 'node:path';
import {
  DATASETS,
  duckdbType,
  templateAt,
  type ColumnDef,
  type DatasetDef,
  type DatasetName,
} from '../../core/datasets/index.ts';
import type { Period } from '../../core/period.ts';
import { lakeDuckDB } from './duckdb-instance.ts';
import { lakeFileChecksum } from './lake-checksum.ts';
import { writeParquetFile, type LakeRow } from './parquet-writer.ts';

let prepared = 0;

export interface PreparedLake {
  dataset: DatasetName;
  /** The template version's columns the file holds (templateAt of the upload's period). */
  columns: readonly ColumnDef[];
  /** A Parquet file as writeParquetFile would write it for the same rows. */
  path: string;
  rows: number;
  rowsSha256: string;
  /** Removes the file; ingest calls it once the upload is handled. */
  dispose(): Promise<void>;
}

export function preparedLake(
  template: DatasetDef,
  path: string,
  rows: number,
  rowsSha256: string,
): PreparedLake {
  const { name: dataset, columns } = template;
  return { dataset, columns, path, rows, rowsSha256, dispose: () => rm(path, { force: true }) };
}

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The rows of a prepared file as the JavaScript path holds them (dates as YYYY-MM-DD text). */
export async function readPreparedRows(lake: PreparedLake): Promise<LakeRow[]> {
  const columns = lake.columns;
  const select = columns.map((c) => {
    const name = quoteIdent(c.key);
    return duckdbType(c.type) === 'DATE' ? `CAST(${name} AS VARCHAR) AS ${name}` : name;
  });
  const connection = await (await lakeDuckDB()).connect();
  try {
    const reader = await connection.runAndReadAll(
      `SELECT ${select.join(', ')} FROM read_parquet(${quoteLiteral(lake.path)})`,
    );
    return reader.getRowObjects().map((row) => {
      const out: Record<string, string | number | null> = {};
      for (const c of columns) {
        const value = row[c.key];
        out[c.key] = typeof value === 'bigint' ? Number(value) : typeof value === 'string' ? value : null;
      }
      return out;
    });
  } finally {
    connection.closeSync();
  }
}

/**
 * The lake file of rows the JavaScript path validated, written before the ledger record so the
 * record can carry the v2 checksum of its bytes (lake-checksum.ts); the lake write then sends it.
 */
export async function prepareLakeFile(
  dataset: DatasetName,
  period: Period,
  rows: readonly LakeRow[],
  tmpDir: string,
): Promise<PreparedLake> {
  const path = join(tmpDir, `vss-lake-${process.pid}-${++prepared}-${randomUUID()}.parquet`);
  try {
    await writeParquetFile(dataset, period, rows, path);
    return preparedLake(
      templateAt(DATASETS[dataset], period),
      path,
      rows.length,
      lakeFileChecksum(await readFile(path)),
    );
  } catch (error) {
    await rm(path, { force: true });
    throw error;
  }
}
