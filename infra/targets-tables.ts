/**
 * Athena's two targets tables, both over the one targets object of the lake (core/contracts/
 * layout.ts TARGETS_KEY), so a decision loaded after the deploy is what the next query reads:
 * vss.targets_history is a Parquet table over its folder, with the columns of the dataset
 * definition (core/reference/reference-tables.ts); vss.targets is a view of it keeping, per
 * unit-year, the row of the latest decision, as core/reference/targets.ts rules (tests hold the
 * two equal on the seed).
 */
import { TARGETS_PREFIX } from '../core/contracts/layout.ts';
import { columnNames, TARGETS_HISTORY_TABLE, TARGETS_TABLE } from '../core/reference/reference-tables.ts';
import { referenceGlueColumns, type GlueColumn } from './glue-columns.ts';
import { prestoViewText } from './presto-view.ts';

export function targetsHistoryLocation(bucketName: string): string {
  return `s3://${bucketName}/${TARGETS_PREFIX}`;
}

/** The in-force rule in SQL both Trino and DuckDB read: no later decision for the same unit-year. */
export function targetsInForceSql(database: string): string {
  const columns = columnNames(TARGETS_TABLE)
    .map((c) => `h.${c}`)
    .join(', ');
  const history = `${database}.${TARGETS_HISTORY_TABLE.name}`;
  return [
    `SELECT ${columns} FROM ${history} h`,
    `WHERE NOT EXISTS (SELECT 1 FROM ${history} l`,
    'WHERE l.year = h.year AND l.generation = h.generation AND l.province = h.province',
    'AND l.decision_date > h.decision_date)',
  ].join(' ');
}

export function targetsViewColumns(): GlueColumn[] {
  return referenceGlueColumns(TARGETS_TABLE);
}

/** The text Athena keeps for vss.targets in the Glue catalog (presto-view.ts). */
export function athenaViewOriginalText(database: string): string {
  return prestoViewText(database, targetsInForceSql(database), targetsViewColumns());
}
