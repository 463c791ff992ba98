/**
 * The SQL that defines the `vss` schema over a local mirror of the lake bucket. Column lists come
 * from the dataset schemas and the ledger record schema, never written out by hand, so a column
 * added to a template reaches the views without anyone editing this file.
 */
import { existsSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { z } from 'zod';
import { duckdbType, type DatasetDef } from '../datasets/index.ts';
import { LAKE_PREFIX, LEDGER_PREFIX, SUMMARIES_PREFIX } from '../layout.ts';
import { ledgerRecord } from '../ledger-record.ts';

export function quoteLiteral(text: string): string {
  return `'${text.replaceAll("'", "''")}'`;
}

export function quoteIdentifier(name: string): string {
  return `"${name.replaceAll('"', '""')}"`;
}

function hasFileEnding(dir: string, ending: string): boolean {
  if (!existsSync(dir)) return false;
  return readdirSync(dir, { recursive: true, encoding: 'utf8' }).some((f) => f.endsWith(ending));
}

/** `vss.<dataset>`: the template's columns, typed, plus the Hive keys as text. */
/** TABLE reads the files once into memory: for runs of several queries over many small files. */
export type Relation = 'VIEW' | 'TABLE';

export function datasetViewSql(dataset: DatasetDef, mirrorDir: string, relation: Relation = 'VIEW'): string {
  const columns = dataset.columns.map((c) => {
    const type = duckdbType(c.type);
    return { name: quoteIdentifier(c.key), type };
  });
  const view = `vss.${quoteIdentifier(dataset.name)}`;
  const dir = join(mirrorDir, LAKE_PREFIX, dataset.name);
  if (!hasFileEnding(dir, '.parquet')) {
    const nulls = columns.map((c) => `CAST(NULL AS ${c.type}) AS ${c.name}`);
    return `CREATE OR REPLACE ${relation} ${view} AS SELECT ${nulls.join(', ')}, CAST(NULL AS VARCHAR) AS period, CAST(NULL AS VARCHAR) AS province WHERE false`;
  }
  const glob = quoteLiteral(join(dir, 'period=*', 'province=*', '*.parquet'));
  const typed = columns.map((c) => `CAST(${c.name} AS ${c.type}) AS ${c.name}`);
  // hive_types keeps '01' a text code: left to inference DuckDB would read it as the integer 1.
  return (
    `CREATE OR REPLACE ${relation} ${view} AS SELECT ${typed.join(', ')}, period, province ` +
    `FROM read_parquet(${glob}, hive_partitioning = true, union_by_name = true, ` +
    `hive_types = {'period': VARCHAR, 'province': VARCHAR})`
  );
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

/** `vss.uploads`: one row per ledger record (one JSON object per file). */
export function uploadsViewSql(mirrorDir: string): string {
  const columns = ledgerColumns();
  const dir = join(mirrorDir, LEDGER_PREFIX);
  if (!hasFileEnding(dir, '.json')) {
    const nulls = columns.map((c) => `CAST(NULL AS ${c.type}) AS ${quoteIdentifier(c.name)}`);
    return `CREATE OR REPLACE VIEW vss.uploads AS SELECT ${nulls.join(', ')} WHERE false`;
  }
  const glob = quoteLiteral(join(dir, '*', '*', '*', '*.json'));
  const spec = columns.map((c) => `${quoteLiteral(c.name)}: ${quoteLiteral(c.type)}`).join(', ');
  const names = columns.map((c) => quoteIdentifier(c.name)).join(', ');
  return `CREATE OR REPLACE VIEW vss.uploads AS SELECT ${names} FROM read_json(${glob}, format = 'auto', columns = {${spec}})`;
}

/**
 * `vss.summaries`: one row per dataset, period, province and measure (lib/summary/measures.ts),
 * from the small files ingest writes beside each lake object: what the dashboard queries read.
 */
export function summariesViewSql(mirrorDir: string, relation: Relation = 'VIEW'): string {
  const dir = join(mirrorDir, SUMMARIES_PREFIX);
  const head = `CREATE OR REPLACE ${relation} vss.summaries AS SELECT`;
  if (!hasFileEnding(dir, '.parquet')) {
    return `${head} CAST(NULL AS VARCHAR) AS dataset, CAST(NULL AS VARCHAR) AS measure, CAST(NULL AS BIGINT) AS value, CAST(NULL AS VARCHAR) AS period, CAST(NULL AS VARCHAR) AS province WHERE false`;
  }
  const glob = quoteLiteral(join(dir, '*', 'period=*', 'province=*', 'summary.parquet'));
  return (
    `${head} CAST(dataset AS VARCHAR) AS dataset, CAST(measure AS VARCHAR) AS measure, ` +
    `CAST(value AS BIGINT) AS value, period, province FROM read_parquet(${glob}, hive_partitioning = true, ` +
    `hive_types = {'period': VARCHAR, 'province': VARCHAR})`
  );
}
