/**
 * What Athena reads of Parquet objects is their footers and the column chunks a query names, not
 * the whole object: for each object under a folder, its size less every column chunk, plus the
 * chunks of the columns in `names` (an upper bound: every word of the refresh's SQL counts as a
 * name, and a row group a filter skips still counts). Column chunk sizes come from DuckDB's
 * parquet_metadata(), as the writer recorded them. `size` is the objects' whole size, for a caller
 * that counts the rest of the folder as read whole.
 */
import { readdir, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { DuckDBInstance } from '@duckdb/node-api';

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

export async function parquetBytesRead(
  dir: string,
  names: ReadonlySet<string>,
): Promise<{ files: number; size: number; bytes: number }> {
  const entries = await readdir(dir, { recursive: true, withFileTypes: true }).catch(() => []);
  const paths = entries
    .filter((e) => e.isFile() && e.name.endsWith('.parquet'))
    .map((e) => join(e.parentPath, e.name));
  if (paths.length === 0) return { files: 0, size: 0, bytes: 0 };
  let size = 0;
  for (const p of paths) size += (await stat(p)).size;
  const instance = await DuckDBInstance.create(':memory:');
  const connection = await instance.connect();
  try {
    const named = [...names].map(quote).join(', ');
    const reader = await connection.runAndReadAll(
      `SELECT sum(total_compressed_size)::BIGINT AS chunks, ` +
        `coalesce(sum(total_compressed_size) FILTER (WHERE path_in_schema IN (${named})), 0)::BIGINT AS used ` +
        `FROM parquet_metadata([${paths.map(quote).join(', ')}])`,
    );
    const [chunks, used] = reader.getRowsJS()[0] ?? [0, 0];
    return { files: paths.length, size, bytes: size - Number(chunks) + Number(used) };
  } finally {
    connection.closeSync();
    instance.closeSync();
  }
}
