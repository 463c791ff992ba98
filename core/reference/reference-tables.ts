/**
 * The reference tables the queries join with, defined once: name, columns, types and what each
 * holds. DuckDB's in-memory tables (pipeline/query/reference-tables.ts) and Athena's Glue tables
 * (infra/reference-rows.ts) are both generated from these, so a column added here reaches both
 * engines and neither can drift from the other.
 */

import {
  storedType,
  type NationalColumnDef,
  type ReferenceColumnType,
  type StoredType,
} from './national-dataset.ts';
import { targetsDataset } from './targets-dataset.ts';

export type { ReferenceColumnType } from './national-dataset.ts';

export interface ReferenceColumn {
  readonly name: string;
  readonly type: ReferenceColumnType;
  /** Only a column that may be empty says so; every other one is NOT NULL in DuckDB. */
  readonly nullable?: true;
  readonly description: string;
}

export type ReferenceTableName = 'provinces' | 'datasets' | 'months' | 'targets' | 'targets_history';

export interface ReferenceTableDefinition {
  readonly name: ReferenceTableName;
  readonly description: string;
  readonly columns: readonly ReferenceColumn[];
}

interface ValueOfType {
  text: string;
  bigint: number;
  double: number;
}

/** The row a definition describes: one property a column, null only where the column says so. */
export type ReferenceRowOf<T extends ReferenceTableDefinition> = {
  [C in T['columns'][number] as C['name']]: C extends { nullable: true }
    ? ValueOfType[C['type']] | null
    : ValueOfType[C['type']];
};

const text = <N extends string>(name: N, description: string) => ({ name, type: 'text', description }) as const;

export const PROVINCES_TABLE = {
  name: 'provinces',
  description: 'Provincial units of both generations (63 until 2025-06, 34 from 2025-07)',
  columns: [
    text('code', 'Two-digit GSO code of the unit'),
    text('name_vi', 'Name in Vietnamese'),
    text('name_ascii', 'Name without diacritics'),
    text('generation', '63 (until 2025-06) or 34 (from 2025-07)'),
    text('valid_from', 'First month the unit reports for (YYYY-MM)'),
    { name: 'valid_to', type: 'text', nullable: true, description: 'Last month it reports for; empty while in force' },
    text('current_code', 'Code of the unit of the 34 it is, or became part of'),
    text('region_vi', 'Socio-economic region, in Vietnamese'),
    text('region_en', 'Socio-economic region, in English (GSO)'),
    {
      name: 'population_2020',
      type: 'double',
      description: 'Average population 2020, thousands (for the 34: the sum of the old units)',
    },
  ],
} as const satisfies ReferenceTableDefinition;

export const DATASETS_TABLE = {
  name: 'datasets',
  description: 'The datasets provinces report',
  columns: [
    text('name', 'Dataset name (core/datasets/)'),
    text('title_vi', 'Title in Vietnamese'),
    text('title_en', 'Title in English'),
  ],
} as const satisfies ReferenceTableDefinition;

/** DuckDB holds the months the data spans; Athena every month up to a far bound (infra/reference-rows.ts). */
export const MONTHS_TABLE = {
  name: 'months',
  description: 'The months being reported',
  columns: [text('period', 'A month (YYYY-MM)')],
} as const satisfies ReferenceTableDefinition;

/** A national dataset's columns as a reference table's, names and stored types kept in the type. */
type TableColumnsOf<Cs extends readonly NationalColumnDef[]> = {
  readonly [I in keyof Cs]: Cs[I] extends NationalColumnDef
    ? { readonly name: Cs[I]['key']; readonly type: StoredType<Cs[I]>; readonly description: string }
    : never;
};
function tableColumns<const Cs extends readonly NationalColumnDef[]>(columns: Cs): TableColumnsOf<Cs> {
  // The map keeps each column's place, so its output has the mapped tuple's shape.
  return columns.map((c) => ({ name: c.key, type: storedType(c), description: c.en })) as unknown as TableColumnsOf<
    typeof columns
  >;
}

/** The targets in force: per year and unit, the row of the latest decision (core/reference/targets.ts). */
export const TARGETS_TABLE = {
  name: 'targets',
  description:
    'National targets per year and unit (coverage, late-payment-rate ceiling, collection plan), as the latest decision set them',
  columns: tableColumns(targetsDataset.columns),
} as const satisfies ReferenceTableDefinition;

/** Every decision's targets, superseded ones included: what was assigned when. */
export const TARGETS_HISTORY_TABLE = {
  name: 'targets_history',
  description: 'Every decision assigning national targets, superseded ones included (one row per decision, year and unit)',
  columns: TARGETS_TABLE.columns,
} as const satisfies ReferenceTableDefinition;

/** Every reference table, in the order both engines create them. */
export const REFERENCE_TABLES: readonly ReferenceTableDefinition[] = [
  PROVINCES_TABLE,
  DATASETS_TABLE,
  MONTHS_TABLE,
  TARGETS_TABLE,
  TARGETS_HISTORY_TABLE,
];

export type ProvinceTableRow = ReferenceRowOf<typeof PROVINCES_TABLE>;
export type DatasetTableRow = ReferenceRowOf<typeof DATASETS_TABLE>;
export type MonthTableRow = ReferenceRowOf<typeof MONTHS_TABLE>;
export type TargetTableRow = ReferenceRowOf<typeof TARGETS_TABLE>;

/** A definition's column names, in order. */
export function columnNames<T extends ReferenceTableDefinition>(table: T): T['columns'][number]['name'][] {
  return table.columns.map((c) => c.name);
}
