/**
 * The DuckDB path for large clean CSV uploads, in one streaming pass: DuckDB reads every field
 * as text and, in the same statement, judges each row by the template's rules (SQL over the
 * fields; a failing row raises an error that stops the pass) and writes the stored values to
 * the lake Parquet. The receipt's figures are read back from that Parquet (a columnar scan of a
 * few columns), and the checksum is the v2 one, over the Parquet bytes (lake-checksum.ts), so no
 * pass builds or hashes the rows again. It only ever says "clean, here are the figures" or "not
 * for me" (undefined): any possible problem sends the file to the JavaScript path, which writes
 * the detailed receipt. Proven against that path by test/pipeline/ingest/ingest-fast-differential.test.ts.
 */
import { randomUUID } from 'node:crypto';
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { isRequired, type DatasetDef } from '../../core/datasets/index.ts';
import { lakeDuckDB } from '../lake/duckdb-instance.ts';
import { lakeFileChecksum } from '../lake/lake-checksum.ts';
import { LAKE_PARQUET_OPTIONS } from '../lake/parquet-writer.ts';
import { preparedLake, type PreparedLake } from '../lake/prepared-lake.ts';
import { conditionallyRequired } from './row-rules.ts';
import { planFastCsv } from './fast-csv-plan.ts';
import { judgeSpellings, type JudgedColumn } from './fast-csv-judge.ts';
import { figuresOfParquet } from './fast-csv-figures.ts';
import {
  cellProblem,
  field,
  quoteLiteral,
  readCsvSql,
  ruleBreach,
  storedColumns,
  unnamedLabel,
  valueOf,
} from './fast-csv-sql.ts';

export interface FastCsvResult {
  rows: number;
  totals: Record<string, number>;
  lake: PreparedLake;
}

/** The message of the error a problem row raises; any other failure also means "not for me". */
const PROBLEM = 'vss fast csv: a row the JavaScript path must judge';

let counter = 0;

export async function validateCsvInDuckDB(
  bytes: Uint8Array,
  dataset: DatasetDef,
  maxRows: number,
  tmpDir: string,
): Promise<FastCsvResult | undefined> {
  const plan = planFastCsv(bytes, dataset, maxRows);
  if (!plan) return undefined;
  const judged = judgeSpellings(dataset, plan);
  const id = `${process.pid}_${++counter}_${randomUUID().slice(0, 8)}`;
  const csv = join(tmpDir, `vss-upload-${id}.csv`);
  const parquet = join(tmpDir, `vss-lake-${id}.parquet`);
  await writeFile(csv, bytes);
  const connection = await (await lakeDuckDB()).connect();
  let written = false;
  try {
    const blankRow = Array.from({ length: plan.fieldCount }, (_, i) => `coalesce(${field(i)}, '') = ''`);
    const problem = problemOf(dataset, plan.positions, plan.fieldCount, judged);
    try {
      await connection.run(
        `COPY (SELECT ${storedColumns(dataset, plan.positions, judged)} FROM ${readCsvSql(csv, plan)} ` +
          // One CASE, not AND: DuckDB may reorder a conjunction's terms, and a blank line
          // (skipped as the JavaScript path skips it) must never reach the problem test.
          `WHERE CASE WHEN ${blankRow.join(' AND ')} THEN false ` +
          `WHEN ${problem} THEN error(${quoteLiteral(PROBLEM)}) ELSE true END) ` +
          `TO ${quoteLiteral(parquet)} (${LAKE_PARQUET_OPTIONS})`,
      );
    } catch {
      // A problem row, or a line DuckDB will not read as the template's fields (ragged, bad
      // quote, not UTF-8): the JavaScript path reads the file and says what is wrong.
      return undefined;
    }
    const figures = await figuresOfParquet(connection, parquet, dataset);
    if (!figures || plan.rowsAbove + figures.rows > maxRows) return undefined;
    const checksum = lakeFileChecksum(await readFile(parquet));
    written = true;
    return {
      rows: figures.rows,
      totals: figures.totals,
      lake: preparedLake(dataset, parquet, figures.rows, checksum),
    };
  } finally {
    connection.closeSync();
    await rm(csv, { force: true });
    if (!written) await rm(parquet, { force: true });
  }
}

/**
 * True for a row any cell or row rule might complain about (NULL, "cannot tell", counts as
 * true), or that holds a would-be label outside the template's columns.
 */
function problemOf(
  dataset: DatasetDef,
  positions: ReadonlyMap<string, number>,
  fieldCount: number,
  judged: ReadonlyMap<string, JudgedColumn>,
): string {
  const governed = conditionallyRequired(dataset);
  const value = (key: string) => {
    const c = dataset.columns.find((col) => col.key === key)!;
    return valueOf(c, positions.get(key)!, judged.get(key));
  };
  const named = new Set(positions.values());
  const problems = [
    ...dataset.columns.flatMap(
      (c) =>
        cellProblem(c, positions.get(c.key)!, isRequired(c) && !governed.has(c.key), judged.get(c.key)) ?? [],
    ),
    ...dataset.rowRules.map((rule) => ruleBreach(rule, value)),
    ...Array.from({ length: fieldCount }, (_, i) => i)
      .filter((i) => !named.has(i))
      .map(unnamedLabel),
  ];
  return problems.length > 0 ? problems.map((p) => `coalesce(${p}, true)`).join(' OR ') : 'false';
}
