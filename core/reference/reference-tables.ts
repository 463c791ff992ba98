/**
 * The reference tables the queries join with, defined once: name, columns, types and what each
 * holds. DuckDB's in-memory tables (pipeline/query/reference-tables.ts) and Athena's Glue tables
 * (infra/reference-rows.ts) are both generated from these, so a column added here reaches both
 * engines and neither can drift from the other.
 */

/** A column's type as both engines store it: text, a whole number, or a real number. */
export type ReferenceColumnType = 'text' | 'bigint' | 'double';

export interface ReferenceColumn {
  readonly name: string;
  readonly type: ReferenceColumnType;
  /** Only a column that may be empty says so; every other one is NOT NULL in DuckDB. */
  readonly nullable?: true;
  readonly description: string;
}

export type ReferenceTableName = 'provinces' | 'datasets' | 'months' | 'targets';

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
const whole = <N extends string>(name: N, description: string) =>
  ({ name, type: 'bigint', description }) as const;

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

export const TARGETS_TABLE = {
  name: 'targets',
  description: 'National targets per year and unit (coverage, late-payment-rate ceiling, collection plan)',
  columns: [
    text('year', 'Year the targets are for'),
    text('generation', 'Generation of the unit: 63 or 34'),
    text('province', 'Two-digit code of the unit in that generation'),
    whole('target_si_compulsory', 'Participants target, compulsory social insurance'),
    whole('target_si_voluntary', 'Participants target, voluntary social insurance'),
    whole('target_ui', 'Participants target, unemployment insurance'),
    whole('target_hi', 'Participants target, health insurance'),
    whole('late_rate_target_bp', 'Ceiling of debt over dues, hundredths of a percent'),
    whole('plan_bhxh', 'Collection plan, social insurance fund, VND'),
    whole('plan_bhyt', 'Collection plan, health insurance fund, VND'),
    whole('plan_bhtn', 'Collection plan, unemployment insurance fund, VND'),
    text('decision_no', 'Number of the decision assigning the targets'),
    text('decision_date', 'Date of that decision (yyyy-mm-dd)'),
  ],
} as const satisfies ReferenceTableDefinition;

/** Every reference table, in the order both engines create them. */
export const REFERENCE_TABLES: readonly ReferenceTableDefinition[] = [
  PROVINCES_TABLE,
  DATASETS_TABLE,
  MONTHS_TABLE,
  TARGETS_TABLE,
];

export type ProvinceTableRow = ReferenceRowOf<typeof PROVINCES_TABLE>;
export type DatasetTableRow = ReferenceRowOf<typeof DATASETS_TABLE>;
export type MonthTableRow = ReferenceRowOf<typeof MONTHS_TABLE>;
export type TargetTableRow = ReferenceRowOf<typeof TARGETS_TABLE>;

/** A definition's column names, in order. */
export function columnNames<T extends ReferenceTableDefinition>(table: T): T['columns'][number]['name'][] {
  return table.columns.map((c) => c.name);
}
