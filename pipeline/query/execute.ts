/** One statement sent to DuckDB, its result read whole and each cell converted (convert.ts). */
import type { DuckDBConnection, DuckDBValue } from '@duckdb/node-api';
import { QueryError } from '../../core/errors.ts';
import { convertCell } from './convert.ts';

/** Rows of a statement, each cell converted to plain JS, and its columns with their DuckDB types. */
export interface QueryResult {
  columns: { name: string; type: string }[];
  rows: Record<string, unknown>[];
}

export async function execute(
  connection: DuckDBConnection,
  sql: string,
  values: DuckDBValue[] | Record<string, DuckDBValue>,
): Promise<QueryResult> {
  let reader;
  try {
    // Given values, DuckDB prepares the statement and binds it again to run it: over the lake's
    // views that lists and binds their files twice (≈ 0.1 s on a small lake), so a statement
    // without values runs as it is.
    const none = Array.isArray(values) ? values.length === 0 : Object.keys(values).length === 0;
    reader = await (none ? connection.runAndReadAll(sql) : connection.runAndReadAll(sql, values));
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    throw new QueryError(message, { cause: error });
  }
  const names = reader.columnNames();
  const types = reader.columnTypes().map((t) => t.toString());
  const columns = names.map((name, i) => ({ name, type: types[i] ?? 'UNKNOWN' }));
  const rows = reader.getRowsJS().map((cells) => {
    const row: Record<string, unknown> = {};
    names.forEach((name, i) => {
      row[name] = convertCell(cells[i], types[i] ?? '', name);
    });
    return row;
  });
  return { columns, rows };
}
