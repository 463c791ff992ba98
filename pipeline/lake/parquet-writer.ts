/**
 * Rows of one upload → one zstd Parquet file whose columns are exactly the columns of the
 * template version the rows were checked against (templateAt), in schema order, with their DuckDB
 * types: a month of an older version keeps the very bytes it always had. The partition columns (period, province) are not in the
 * file: they are in the Hive path.
 */
import {
  BIGINT,
  DATE,
  DuckDBDataChunk,
  DuckDBDateValue,
  VARCHAR,
  type DuckDBType,
  type DuckDBValue,
} from '@duckdb/node-api';
import {
  DATASETS,
  duckdbType,
  templateAt,
  type ColumnDef,
  type DatasetName,
} from '../../core/datasets/index.ts';
import type { Period } from '../../core/period.ts';
import { lakeDuckDB } from './duckdb-instance.ts';

/**
 * The COPY options of every lake object: ingest's JavaScript and DuckDB paths write the same bytes
 * for the same rows (the ledger's checksum is over them), and a compacted month's object is
 * written as the per-province ones it folds.
 */
export const LAKE_PARQUET_OPTIONS = 'FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880';

export type LakeCell = string | number | null;
export type LakeRow = Readonly<Record<string, LakeCell>>;

let tableCounter = 0;

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;

export async function writeParquetFile(
  dataset: DatasetName,
  period: Period,
  rows: readonly LakeRow[],
  path: string,
): Promise<void> {
  const columns = templateAt(DATASETS[dataset], period).columns;
  const db = await lakeDuckDB();
  const connection = await db.connect();
  // Concurrent writes share the instance, so each stages its rows in a table of its own.
  const table = `stage_${dataset}_${process.pid}_${++tableCounter}`;
  const columnList = columns.map((c) => `${quoteIdent(c.key)} ${duckdbType(c.type)}`).join(', ');
  try {
    await connection.run(`CREATE TABLE ${table} (${columnList})`);
    const appender = await connection.createAppender(table);
    try {
      // Column by column, one chunk of CHUNK_ROWS at a time: one call into DuckDB per chunk
      // instead of one per cell.
      const types = columns.map((c) => DUCKDB_TYPES[duckdbType(c.type)]);
      for (let from = 0; from < rows.length; from += CHUNK_ROWS) {
        const batch = rows.slice(from, from + CHUNK_ROWS);
        const chunk = DuckDBDataChunk.create(types, batch.length);
        chunk.setColumns(columns.map((c) => batch.map((row) => cellValue(c, row[c.key] ?? null))));
        appender.appendDataChunk(chunk);
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    await connection.run(`COPY ${table} TO ${quoteLiteral(path)} (${LAKE_PARQUET_OPTIONS})`);
  } finally {
    await connection.run(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
    connection.closeSync();
  }
}

/** DuckDB's vector size: a data chunk holds at most this many rows. */
const CHUNK_ROWS = 2048;

const DUCKDB_TYPES: Record<ReturnType<typeof duckdbType>, DuckDBType> = { BIGINT, DATE, VARCHAR };

function cellValue(column: ColumnDef, value: LakeCell): DuckDBValue {
  if (value === null) return null;
  switch (duckdbType(column.type)) {
    case 'BIGINT':
      return BigInt(asInteger(column, value));
    case 'DATE':
      return toDate(column, String(value));
    default:
      return String(value);
  }
}

function asInteger(column: ColumnDef, value: string | number): number {
  const n = typeof value === 'number' ? value : Number(value);
  if (!Number.isSafeInteger(n)) throw new TypeError(`${column.key}: not a whole number: ${value}`);
  return n;
}

function toDate(column: ColumnDef, value: string): DuckDBDateValue {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(value);
  if (!match) throw new TypeError(`${column.key}: not a date (YYYY-MM-DD): ${value}`);
  return DuckDBDateValue.fromParts({
    year: Number(match[1]),
    month: Number(match[2]),
    day: Number(match[3]),
  });
}
