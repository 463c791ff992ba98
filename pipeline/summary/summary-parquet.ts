/**
 * A summary as a small Parquet file: columns dataset (text), measure (text), value (BIGINT). The
 * period and province are in the Hive path, as for the lake objects.
 */
import { lakeDuckDB } from '../lake/duckdb-instance.ts';
import type { SummaryEntry } from './summarize.ts';

let tableCounter = 0;
const quoteLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;

export async function writeSummaryParquet(entries: readonly SummaryEntry[], path: string): Promise<void> {
  const db = await lakeDuckDB();
  const connection = await db.connect();
  const table = `summary_${process.pid}_${++tableCounter}`;
  try {
    await connection.run(`CREATE TABLE ${table} (dataset VARCHAR, measure VARCHAR, value BIGINT)`);
    const appender = await connection.createAppender(table);
    try {
      for (const e of entries) {
        appender.appendVarchar(e.dataset);
        appender.appendVarchar(e.measure);
        appender.appendBigInt(BigInt(e.value));
        appender.endRow();
      }
      appender.flushSync();
    } finally {
      appender.closeSync();
    }
    await connection.run(`COPY ${table} TO ${quoteLiteral(path)} (FORMAT parquet, COMPRESSION zstd)`);
  } finally {
    await connection.run(`DROP TABLE IF EXISTS ${table}`).catch(() => undefined);
    connection.closeSync();
  }
}
