/**
 * The reference tables DuckDB builds in memory (pipeline/query/reference-tables.ts), as rows the
 * deploy writes into the lake bucket for Athena: the same names, columns and types, generated
 * from the province registry and the dataset definitions, never listed by hand.
 */
import { DATASETS } from '../core/datasets/index.ts';
import { periodRange, type Period } from '../core/period.ts';
import type { ProvinceRegistry } from '../pipeline/reference/provinces.ts';
import { FIRST_PERIOD } from '../core/period.ts';
import type { GlueColumn } from './glue-columns.ts';
import type { Targets } from '../core/reference/targets.ts';
import {
  nationalTargets,
  TARGET_TABLE_COLUMNS,
  TEXT_TARGET_COLUMNS,
  tableRow,
} from '../pipeline/reference/targets.ts';

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
  name: 'provinces' | 'datasets' | 'months' | 'targets';
  description: string;
  columns: GlueColumn[];
  rows: Record<string, ReferenceValue>[];
}

export function referenceTables(
  registry: ProvinceRegistry,
  targets: Targets = nationalTargets(),
): ReferenceTable[] {
  return [
    {
      name: 'provinces',
      description: 'Provincial units of both generations (63 until 2025-06, 34 from 2025-07)',
      columns: [
        { name: 'code', type: 'string' },
        { name: 'name_vi', type: 'string' },
        { name: 'name_ascii', type: 'string' },
        { name: 'generation', type: 'string' },
        { name: 'valid_from', type: 'string' },
        { name: 'valid_to', type: 'string' },
        { name: 'current_code', type: 'string' },
        { name: 'region_vi', type: 'string' },
        { name: 'region_en', type: 'string' },
        { name: 'population_2020', type: 'double' },
      ],
      rows: registry.units.map((u) => ({
        code: u.code,
        name_vi: u.nameVi,
        name_ascii: u.nameAscii,
        generation: u.generation,
        valid_from: u.validFrom,
        valid_to: u.validTo,
        current_code: u.currentCode,
        region_vi: u.regionVi,
        region_en: u.regionEn,
        population_2020: u.population2020,
      })),
    },
    {
      name: 'datasets',
      description: 'The datasets provinces report',
      columns: [
        { name: 'name', type: 'string' },
        { name: 'title_vi', type: 'string' },
        { name: 'title_en', type: 'string' },
      ],
      rows: Object.values(DATASETS).map((d) => ({ name: d.name, title_vi: d.titleVi, title_en: d.titleEn })),
    },
    {
      name: 'months',
      description: `Every month from ${FIRST_PERIOD} to ${LAST_REFERENCE_PERIOD}`,
      columns: [{ name: 'period', type: 'string' }],
      rows: periodRange(FIRST_PERIOD, LAST_REFERENCE_PERIOD).map((period) => ({ period })),
    },
    {
      name: 'targets',
      description:
        'National targets per year and unit (coverage, late-payment-rate ceiling, collection plan)',
      columns: TARGET_TABLE_COLUMNS.map((name) => ({
        name,
        type: TEXT_TARGET_COLUMNS.has(name) ? 'string' : 'bigint',
      })),
      rows: targets.rows().map((r) => ({ ...tableRow(r) })),
    },
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
