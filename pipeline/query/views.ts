/**
 * The SQL that defines the `vss` schema over a local mirror of the lake bucket. Column lists come
 * from the dataset schemas and the ledger record schema, never written out by hand, so a column
 * added to a template reaches the views without anyone editing this file.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { duckdbType, lakeColumns, type DatasetDef } from '../../core/datasets/index.ts';
import {
  compactedLakeKey,
  LAKE_PREFIX,
  LEDGER_COMPACTED_PREFIX,
  LEDGER_PREFIX,
  lakeMonthPrefix,
  SUMMARIES_PREFIX,
} from '../../core/contracts/layout.ts';
import type { Period } from '../../core/period.ts';
import {
  COMPACTED_LAKE_FILE_GLOB,
  COMPACTED_LEDGER_FILE_GLOB,
  COMPACTED_SUMMARY_FILE_GLOB,
  LAKE_FILE_GLOB,
  LEDGER_FILE_GLOB,
  SUMMARY_FILE_GLOB,
} from '../../core/contracts/layout-globs.ts';
import { LAKE_HELD, SUMMARY_HELD } from './compacted-views.ts';
import {
  listCompacted,
  listPerProvince,
  mixedSelect,
  withCompacted,
  type FileSource,
} from './province-or-compacted.ts';
import { globMatchesAny } from './glob-files.ts';
import { ledgerRecord } from '../../core/contracts/ledger-record.ts';

export function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

/** Stops at the first file found: a full walk of years of small files cost seconds per view. */
function hasFileEnding(dir: string, ending: string): boolean {
  if (!existsSync(dir)) return false;
  const pending = [dir];
  for (let next = pending.pop(); next !== undefined; next = pending.pop()) {
    for (const entry of readdirSync(next, { withFileTypes: true })) {
      if (entry.isFile() && entry.name.endsWith(ending)) return true;
      if (entry.isDirectory()) pending.push(join(next, entry.name));
    }
  }
  return false;
}

/** TABLE reads the files once into memory: for runs of several queries over many small files. */
export type Relation = 'VIEW' | 'TABLE';

export type { FileSource } from './province-or-compacted.ts';

function sourceSql(source: FileSource): { from: string; filename: string; option: string } {
  if ('glob' in source) return { from: quoteLiteral(source.glob), filename: '', option: '' };
  return {
    from: `[${source.files.map(quoteLiteral).join(', ')}]`,
    filename: ', filename',
    option: ', filename = true',
  };
}

/** The files under the mirror that a dataset's view reads (as glob and as a path test). */
export function datasetFiles(dataset: DatasetDef, mirrorDir: string): { dir: string; glob: string } {
  const dir = join(mirrorDir, LAKE_PREFIX, dataset.name);
  return { dir, glob: join(dir, ...LAKE_FILE_GLOB) };
}

/** The files of one month of a dataset: the same glob below its `period=<YYYY-MM>/` folder. */
export function datasetMonthFiles(
  dataset: DatasetDef,
  mirrorDir: string,
  period: Period,
): { dir: string; glob: string; compacted: string } {
  const dir = join(mirrorDir, lakeMonthPrefix(dataset.name, period));
  const compacted = join(mirrorDir, compactedLakeKey(dataset.name, period));
  return { dir, glob: join(dir, ...LAKE_FILE_GLOB.slice(1)), compacted };
}

/** The compacted objects of a dataset (layout.ts compactedLakeKey), as a glob. */
export const compactedDatasetGlob = (dataset: DatasetDef, mirrorDir: string) =>
  join(mirrorDir, LAKE_PREFIX, dataset.name, ...COMPACTED_LAKE_FILE_GLOB);

/**
 * How a dataset's files are matched to its columns: `union` reads every file's schema when the
 * relation is bound (a file of an older template may lack a column, read as NULL); `first` takes
 * the first file's schema alone, which DuckDB then requires of every file, failing the query
 * (never a silent NULL) on a file that lacks a column: a retry with `union` is then needed.
 */
export type SchemaMatch = 'union' | 'first';

/**
 * `vss.<dataset>`: the columns of every template version (lakeColumns), typed, plus the Hive keys
 * as text. Files are read by name, as Athena reads them. With `union`, a column no file has (a
 * lake of only first-version months, or written before an optional column was added) comes from
 * an empty typed row, so it is NULL rather than a binder error. `first` gets no such row: a
 * column its first file lacks must fail the query and send it to the `union` retry, or the
 * later files' values of that column would silently read as NULL.
 */
export function datasetSelectSql(
  dataset: DatasetDef,
  source: FileSource,
  schema: SchemaMatch = 'union',
): string {
  return mixedSelect(source, (s, hive) => datasetFilesSql(dataset, s, schema, hive));
}

function datasetFilesSql(dataset: DatasetDef, source: FileSource, schema: SchemaMatch, hive: string): string {
  const columns = lakeColumns(dataset);
  const typed = columns.map((c) => {
    const name = quoteIdentifier(c.key);
    return `CAST(${name} AS ${duckdbType(c.type)}) AS ${name}`;
  });
  const { from, filename, option } = sourceSql(source);
  // hive_types keeps '01' a text code: left to inference DuckDB would read it as the integer 1.
  const files =
    `read_parquet(${from}, hive_partitioning = true${schema === 'union' ? ', union_by_name = true' : ''}, ` +
    `hive_types = ${hive}${option})`;
  if (schema === 'first') return `SELECT ${typed.join(', ')}, period, province${filename} FROM ${files}`;
  return (
    `SELECT ${typed.join(', ')}, period, province${filename} FROM ` +
    `(SELECT * FROM ${files} UNION ALL BY NAME SELECT ${nullRow(dataset, filename !== '')} WHERE false)`
  );
}

/** Every lake column of the dataset and the Hive keys (and the file name), each a typed NULL. */
function nullRow(dataset: DatasetDef, withFilename: boolean): string {
  const columns = lakeColumns(dataset).map(
    (c) => `CAST(NULL AS ${duckdbType(c.type)}) AS ${quoteIdentifier(c.key)}`,
  );
  const keys = ['period', 'province', ...(withFilename ? ['filename'] : [])];
  return [...columns, ...keys.map((k) => `CAST(NULL AS VARCHAR) AS ${k}`)].join(', ');
}

export function datasetViewSql(
  dataset: DatasetDef,
  mirrorDir: string,
  relation: Relation = 'VIEW',
  files: { dir: string; glob: string; compacted?: string } = datasetFiles(dataset, mirrorDir),
  schema: SchemaMatch = 'union',
): string {
  const view = `vss.${quoteIdentifier(dataset.name)}`;
  const { glob } = files;
  const empty = `SELECT ${nullRow(dataset, false)} WHERE false`;
  const compacted = listCompacted(files.compacted ?? compactedDatasetGlob(dataset, mirrorDir));
  // `first` is for a lake of thousands of per-province objects. Once closed months are compacted,
  // the dataset is one object a month plus the open months' few per-province ones: every footer
  // costs little to read, where the first file's schema would fail on a lake whose history holds
  // more than one template (a compacted month keeps its own) and send each query to its retry.
  const match: SchemaMatch = compacted.files.length > 0 ? 'union' : schema;
  const sql = withCompacted(
    LAKE_HELD,
    listPerProvince(glob, compacted),
    compacted,
    (s, hive) => datasetFilesSql(dataset, s, match, hive),
    empty,
  );
  return `CREATE OR REPLACE ${relation} ${view} AS ${sql}`;
}

function ledgerColumnType(schema: z.ZodType): 'VARCHAR' | 'BIGINT' {
  const inner = schema instanceof z.ZodNullable ? schema.unwrap() : schema;
  return inner instanceof z.ZodNumber ? 'BIGINT' : 'VARCHAR';
}

/** The ledger record fields with their DuckDB types, in the schema's order. */
export function ledgerColumns(): { name: string; type: 'VARCHAR' | 'BIGINT' }[] {
  return Object.entries(ledgerRecord.shape).map(([name, schema]) => ({
    name,
    type: ledgerColumnType(schema as z.ZodType),
  }));
}

/** The ledger's files under the mirror (one JSON object per upload). */
export function uploadFiles(mirrorDir: string): { dir: string; glob: string } {
  const dir = join(mirrorDir, LEDGER_PREFIX);
  return { dir, glob: join(dir, ...LEDGER_FILE_GLOB) };
}

export function uploadsSelectSql(source: FileSource): string {
  const columns = ledgerColumns();
  const spec = columns.map((c) => `${quoteLiteral(c.name)}: ${quoteLiteral(c.type)}`).join(', ');
  const names = columns.map((c) => quoteIdentifier(c.name)).join(', ');
  const { from, filename, option } = sourceSql(source);
  return `SELECT ${names}${filename} FROM read_json(${from}, format = 'auto', columns = {${spec}}${option})`;
}

/** A closed month's compacted ledger records under the mirror (one Parquet object a dataset-month). */
export const compactedUploadsGlob = (mirrorDir: string) =>
  join(mirrorDir, LEDGER_COMPACTED_PREFIX, ...COMPACTED_LEDGER_FILE_GLOB);

/** The ledger's compacted months under the mirror: the folder, and the glob of its objects. */
export function compactedUploadFiles(mirrorDir: string): { dir: string; glob: string } {
  return { dir: join(mirrorDir, LEDGER_COMPACTED_PREFIX), glob: compactedUploadsGlob(mirrorDir) };
}

/** The compacted records, typed as the JSON ones are read, in the same column order. */
export function compactedUploadsSelectSql(source: FileSource): string {
  const typed = ledgerColumns().map((c) => {
    const name = quoteIdentifier(c.name);
    return `CAST(${name} AS ${c.type}) AS ${name}`;
  });
  const { from, filename, option } = sourceSql(source);
  return `SELECT ${typed.join(', ')}${filename} FROM read_parquet(${from}${option})`;
}

/**
 * The reader rule of the ledger (pipeline/ledger/compact-ledger-month.ts), as Athena's view has it
 * (infra/uploads-view.ts): every JSON record, and every compacted row whose upload_id has no JSON
 * record (a record both archived and still under ledger/ after a compaction stopped midway).
 */
export function uploadsUnionSql(json: string, compacted: string): string {
  // Materialised: both sides of the union read the JSON records, which would otherwise be listed
  // and parsed twice for every query that names vss.uploads.
  return (
    `WITH j AS MATERIALIZED (${json}) SELECT * FROM j UNION ALL SELECT c.* FROM (${compacted}) c ` +
    `WHERE NOT EXISTS (SELECT 1 FROM j WHERE j.upload_id = c.upload_id)`
  );
}

/**
 * `vss.uploads`: one row per ledger record: the JSON objects under ledger/ (one per file) and the
 * compacted closed months' records under ledger-compacted/ that no JSON record stands for.
 */
export function uploadsViewSql(mirrorDir: string): string {
  const { dir, glob } = uploadFiles(mirrorDir);
  const nulls = ledgerColumns().map((c) => `CAST(NULL AS ${c.type}) AS ${quoteIdentifier(c.name)}`);
  const json = hasFileEnding(dir, '.json')
    ? uploadsSelectSql({ glob })
    : `SELECT ${nulls.join(', ')} WHERE false`;
  const compacted = compactedUploadsGlob(mirrorDir);
  const sql = globMatchesAny(compacted)
    ? uploadsUnionSql(json, compactedUploadsSelectSql({ glob: compacted }))
    : json;
  return `CREATE OR REPLACE VIEW vss.uploads AS ${sql}`;
}

/** The summary files under the mirror, one per dataset, period and province. */
export function summaryFiles(mirrorDir: string): { dir: string; glob: string } {
  const dir = join(mirrorDir, SUMMARIES_PREFIX);
  return { dir, glob: join(dir, ...SUMMARY_FILE_GLOB) };
}

export function summariesSelectSql(source: FileSource): string {
  return mixedSelect(source, summaryFilesSql);
}

function summaryFilesSql(source: FileSource, hive: string): string {
  const { from, filename, option } = sourceSql(source);
  return (
    `SELECT CAST(dataset AS VARCHAR) AS dataset, CAST(measure AS VARCHAR) AS measure, ` +
    `CAST(value AS BIGINT) AS value, period, province${filename} FROM read_parquet(${from}, ` +
    `hive_partitioning = true, hive_types = ${hive}${option})`
  );
}

/**
 * `vss.summaries`: one row per dataset, period, province and measure (core/measures.ts),
 * from the small files ingest writes beside each lake object: what the dashboard queries read.
 */
export function summariesViewSql(mirrorDir: string, relation: Relation = 'VIEW'): string {
  const { glob } = summaryFiles(mirrorDir);
  const head = `CREATE OR REPLACE ${relation} vss.summaries AS`;
  const empty = `SELECT CAST(NULL AS VARCHAR) AS dataset, CAST(NULL AS VARCHAR) AS measure, CAST(NULL AS BIGINT) AS value, CAST(NULL AS VARCHAR) AS period, CAST(NULL AS VARCHAR) AS province WHERE false`;
  const compacted = join(mirrorDir, SUMMARIES_PREFIX, ...COMPACTED_SUMMARY_FILE_GLOB);
  const listed = listCompacted(compacted);
  const own = listPerProvince(glob, listed);
  return `${head} ${withCompacted(SUMMARY_HELD, own, listed, summaryFilesSql, empty)}`;
}
