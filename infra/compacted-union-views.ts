/**
 * Athena reads a closed month's compacted objects by the reader rule every engine follows
 * (pipeline/query/compacted-views.ts): a province's per-province rows, where it has any, win over
 * the compacted rows of that province. The per-province objects are the tables
 * `<dataset>_by_province` and `summaries_by_province`, the compacted ones `<dataset>_compacted`
 * and `summaries_compacted`; `vss.<dataset>` and `vss.summaries` are views of both, so every
 * named query reads compacted months unchanged. The ledger alike: `uploads_by_province` is the
 * JSON records under ledger/, `uploads_compacted` the closed months' records in one object each,
 * and `vss.uploads` every JSON record and the compacted ones no JSON record stands for (a record
 * is one upload, so the rule is by upload_id; pipeline/query/views.ts uploadsUnionSql on DuckDB).
 * The SQL is shared with the tests.
 */
import type { DatasetName } from '../core/datasets/index.ts';
import {
  datasetColumns,
  ledgerColumns,
  partitionKeys,
  summaryColumns,
  type GlueColumn,
} from './glue-columns.ts';

export const byProvinceTable = (name: string) => `${name}_by_province`;
export const compactedTable = (name: string) => `${name}_compacted`;

/** The per-province rows, then the compacted rows of every place `keys` has no per-province rows. */
function preferProvinceSql(database: string, name: string, data: readonly string[], keys: readonly string[]) {
  const all = [...data, ...keys].join(', ');
  const same = keys.map((k) => `p.${k} = c.${k}`).join(' AND ');
  const byProvince = `${database}.${byProvinceTable(name)}`;
  return [
    `SELECT ${all} FROM ${byProvince}`,
    'UNION ALL',
    `SELECT ${[...data, ...keys].map((c) => `c.${c}`).join(', ')} FROM ${database}.${compactedTable(name)} c`,
    `WHERE NOT EXISTS (SELECT 1 FROM ${byProvince} p WHERE ${same})`,
  ].join(' ');
}

/** Columns of vss.<dataset>: the lake columns, then period and province. */
export function lakeViewColumns(dataset: DatasetName): GlueColumn[] {
  return [...datasetColumns(dataset), ...partitionKeys()];
}

export function lakeViewSql(database: string, dataset: DatasetName): string {
  const data = datasetColumns(dataset).map((c) => c.name);
  return preferProvinceSql(database, dataset, data, ['period', 'province']);
}

/** Columns of vss.uploads: the ledger record's, in schema order. */
export function uploadsViewColumns(): GlueColumn[] {
  return ledgerColumns();
}

export function uploadsViewSql(database: string): string {
  const names = ledgerColumns().map((c) => c.name);
  const json = `${database}.${byProvinceTable('uploads')}`;
  return [
    `SELECT ${names.join(', ')} FROM ${json}`,
    'UNION ALL',
    `SELECT ${names.map((c) => `c.${c}`).join(', ')} FROM ${database}.${compactedTable('uploads')} c`,
    `WHERE NOT EXISTS (SELECT 1 FROM ${json} j WHERE j.upload_id = c.upload_id)`,
  ].join(' ');
}

/** Columns of vss.summaries: measure and value, then dataset, period and province. */
export function summariesViewColumns(): GlueColumn[] {
  return [...summaryColumns(), { name: 'dataset', type: 'string' }, ...partitionKeys()];
}

export function summariesViewSql(database: string): string {
  const data = summaryColumns().map((c) => c.name);
  return preferProvinceSql(database, 'summaries', data, ['dataset', 'period', 'province']);
}
