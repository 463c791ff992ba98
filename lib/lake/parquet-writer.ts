/**
 * Rows of one upload → one zstd Parquet file whose columns are exactly the dataset's columns, in
 * schema order, with their DuckDB types. The partition columns (period, province) are not in the
 * file: they are in the Hive path.
 */
import { DuckDBDateValue, type DuckDBAppender } from '@duckdb/node-api';
import { DATASETS, duckdbType, type ColumnDef, type DatasetName } from '../datasets/index.ts';
import { lakeDuckDB } from './duckdb-instance.ts';

export type LakeCell = string | number | null;
export type LakeRow = Readonly<Record<string, LakeCell>>;

let tableCounter = 0;

const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
const quoteLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;

export async function writeParquetFile(
  dataset: DatasetName,
  rows: readonly LakeRow[],
  path: string,
): Promise<void> {
  const columns = DATASETS[dataset].columns;
  const db = await lakeDuckDB();
  const connection = await db.connect();
  // Concurrent writes share the instance, so each stages its rows in a table of its own.
  const table = `stage_${dataset}_${process.pid}_${++tableCounter}`;
  const columnList = columns.map((c) => `${quoteIdent(c.key)} ${duckdbType(c.type)}`).join(', ');
  try {
    await connection.run(`CREATE TABLE ${table} (${columnList})`);
    const appender = await connection.createAppender(table);
    try {
      for (const row of rows) {
        for (const c of columns) appendCell(appender, c, row[c.key] ?? null);
        appender.endRow();
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    await connection.run(
      `COPY ${table} TO ${quoteLiteral(path)} (FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE 122880)`,
    );
  } finally {
    await connection.run(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
    connection.closeSync();
  }
}

function appendCell(appender: DuckDBAppender, column: ColumnDef, value: LakeCell): void {
  if (value === null) return appender.appendNull();
  switch (duckdbType(column.type)) {
    case 'BIGINT':
      return appender.appendBigInt(BigInt(asInteger(column, value)));
    case 'DATE':
      return appender.appendDate(toDate(column, String(value)));
    default:
      return appender.appendVarchar(String(value));
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
