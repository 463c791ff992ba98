/**
 * A closed month's ledger records as one Parquet file (compact-ledger-month.ts): the columns of
 * the ledger record (core/contracts/ledger-record.ts, through ledgerColumns()), typed as
 * `vss.uploads` reads the JSON, so the compacted rows and the JSON ones are one relation. The
 * records go through a JSON-lines file and the very select the view reads JSON with, so no
 * column list is written here; the file is then read back and refused unless it holds exactly
 * the records given.
 */
import { writeFile } from 'node:fs/promises';
import type { DuckDBConnection } from '@duckdb/node-api';
import type { LedgerRecord } from '../../core/contracts/ledger-record.ts';
import { StorageError } from '../../core/errors.ts';
import { quoteLiteral, uploadsSelectSql } from '../query/views.ts';

/** Small records: one row group holds years of a dataset-month's uploads. */
const ROW_GROUP_SIZE = 122880;

export interface WrittenLedgerFile {
  records: number;
}

/** Writes `records` to `out` (sorted by province, then arrival), and checks what it wrote. */
export async function writeLedgerParquet(
  connection: DuckDBConnection,
  records: readonly LedgerRecord[],
  lines: string,
  out: string,
): Promise<WrittenLedgerFile> {
  await writeFile(lines, records.map((r) => JSON.stringify(r)).join('\n') + '\n');
  const select = uploadsSelectSql({ glob: lines });
  await connection.run(
    `COPY (SELECT * FROM (${select}) ORDER BY province, received_at, upload_id) TO ${quoteLiteral(out)} ` +
      `(FORMAT parquet, COMPRESSION zstd, ROW_GROUP_SIZE ${ROW_GROUP_SIZE})`,
  );
  const back = await readLedgerParquetIds(connection, out);
  const wanted = records.map((r) => r.upload_id).sort();
  if (back.length !== wanted.length || back.some((id, i) => id !== wanted[i])) {
    throw new StorageError(`${out}: read back ${back.length} records of the ${wanted.length} written`);
  }
  return { records: back.length };
}

/** The upload ids of a compacted ledger file, sorted (one per row, so a duplicate shows). */
export async function readLedgerParquetIds(connection: DuckDBConnection, path: string): Promise<string[]> {
  const reader = await connection.runAndReadAll(
    `SELECT upload_id FROM read_parquet(${quoteLiteral(path)}) ORDER BY upload_id`,
  );
  return reader.getRowsJS().map(([id]) => String(id));
}
