/**
 * The reference tables DuckDB builds in memory (pipeline/query/reference-tables.ts), as rows the
 * deploy writes into the lake bucket for Athena: the same names, columns and types, generated
 * from their one definition (core/reference/reference-tables.ts) and the rows pipeline/reference/
 * builds for both engines, never listed by hand.
 */
import { FIRST_PERIOD, periodRange, type Period } from '../core/period.ts';
import {
  DATASETS_TABLE,
  MONTHS_TABLE,
  PROVINCES_TABLE,
  type ReferenceTableDefinition,
  type ReferenceTableName,
} from '../core/reference/reference-tables.ts';
import type { ProvinceRegistry } from '../pipeline/reference/provinces.ts';
import { datasetRows, provinceRows } from '../pipeline/reference/table-rows.ts';
import { referenceGlueColumns, type GlueColumn } from './glue-columns.ts';

/**
 * DuckDB fills vss.months per run with the months the data spans. Athena has no run to do that
 * in, so it gets every month from the first reportable one to this bound; queries over it are
 * bounded by their own period parameters or by the months that hold data, so both engines give
 * the same rows for any month up to it. A far bound (about 1,000 rows) rather than one a
 * deploy must remember to move; a month after it is not a month either engine reports.
 */
export const LAST_REFERENCE_PERIOD: Period = '2099-12';

/** Where the deploy writes them in the lake bucket: one folder a table, which Athena reads whole. */
export const REFERENCE_PREFIX = 'reference/';

export function referenceObjectKey(table: string): string {
  return `${REFERENCE_PREFIX}${table}/data.json`;
}

export function referenceTableLocation(bucketName: string, table: string): string {
  return `s3://${bucketName}/${REFERENCE_PREFIX}${table}/`;
}

export type ReferenceValue = string | number | null;

export interface ReferenceTable {
  name: ReferenceTableName;
  description: string;
  columns: GlueColumn[];
  rows: Record<string, ReferenceValue>[];
}

function glueTable(
  table: ReferenceTableDefinition,
  rows: readonly object[],
  description = table.description,
): ReferenceTable {
  return {
    name: table.name,
    description,
    columns: referenceGlueColumns(table),
    rows: rows.map((r) => ({ ...(r as Record<string, ReferenceValue>) })),
  };
}

/**
 * The tables whose rows come with the code. The national targets are not among them: they are
 * the lake's targets object, loaded by decision after the deploy (infra/targets-tables.ts).
 */
export function referenceTables(registry: ProvinceRegistry): ReferenceTable[] {
  const months = periodRange(FIRST_PERIOD, LAST_REFERENCE_PERIOD).map((period) => ({ period }));
  return [
    glueTable(PROVINCES_TABLE, provinceRows(registry)),
    glueTable(DATASETS_TABLE, datasetRows()),
    // Athena's months are not the data's but every month to the bound: its description says so.
    glueTable(MONTHS_TABLE, months, `Every month from ${FIRST_PERIOD} to ${LAST_REFERENCE_PERIOD}`),
  ];
}

/** One JSON object a line, as Athena's JSON SerDe reads it; a row misses no column. */
export function jsonLines(table: ReferenceTable): string {
  return table.rows
    .map((row) => {
      for (const c of table.columns) {
        if (!(c.name in row)) throw new Error(`${table.name}: row without ${c.name}`);
      }
      return JSON.stringify(row);
    })
    .join('\n')
    .concat('\n');
}
