/**
 * The national targets as the Parquet object of the lake (core/contracts/layout.ts TARGETS_KEY):
 * every decision's rows, the columns and types of vss.targets_history (core/reference/
 * reference-tables.ts, made from the dataset definition), so Athena's Glue table and DuckDB read
 * one file whose columns nobody listed twice. Written whole, then PUT as one object.
 */
import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { columnNames, TARGETS_HISTORY_TABLE } from '../../core/reference/reference-tables.ts';
import { Targets } from '../../core/reference/targets.ts';
import { lakeDuckDB } from '../lake/duckdb-instance.ts';
import { loadTable } from '../query/reference-tables.ts';
import { targetRows } from './table-rows.ts';
import { targetRowOf } from './targets.ts';

let staged = 0;
const quoteLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** The bytes of the targets object: every decision's rows, in the order they were loaded. */
export async function targetsParquet(targets: Targets): Promise<Uint8Array> {
  const db = await lakeDuckDB();
  const connection = await db.connect();
  const dir = await mkdtemp(join(tmpdir(), 'vss-targets-'));
  const name = `stage_targets_${process.pid}_${++staged}`;
  try {
    await loadTable(connection, TARGETS_HISTORY_TABLE, targetRows(targets, 'history'), { schema: 'main', name });
    const file = join(dir, 'history.parquet');
    await connection.run(`COPY main.${name} TO ${quoteLiteral(file)} (FORMAT parquet, COMPRESSION zstd)`);
    return new Uint8Array(await readFile(file));
  } finally {
    await connection.run(`DROP TABLE IF EXISTS main.${name}`);
    connection.closeSync();
    await rm(dir, { recursive: true, force: true });
  }
}

/** The targets a Parquet file holds, every row checked as a TargetRow (a damaged object fails here). */
export async function readTargetsParquet(path: string): Promise<Targets> {
  const db = await lakeDuckDB();
  const connection = await db.connect();
  try {
    const columns = columnNames(TARGETS_HISTORY_TABLE).join(', ');
    const reader = await connection.runAndReadAll(`SELECT ${columns} FROM read_parquet(${quoteLiteral(path)})`);
    const rows = reader
      .getRowObjectsJS()
      .map((r) =>
        targetRowOf(Object.fromEntries(Object.entries(r).map(([k, v]) => [k, typeof v === 'bigint' ? Number(v) : v]))),
      );
    return new Targets(rows);
  } finally {
    connection.closeSync();
  }
}

/** The same, from the object's bytes (as S3 returns them). */
export async function targetsOfParquet(bytes: Uint8Array): Promise<Targets> {
  const dir = await mkdtemp(join(tmpdir(), 'vss-targets-'));
  try {
    const file = join(dir, 'history.parquet');
    await writeFile(file, bytes);
    return await readTargetsParquet(file);
  } finally {
    await rm(dir, { recursive: true, force: true });
  }
}
