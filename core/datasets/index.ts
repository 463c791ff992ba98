import { collection } from './collection.ts';
import { coverage } from './coverage.ts';
import { debt } from './debt.ts';
import { enforcement } from './enforcement.ts';
import { procedures } from './procedures.ts';
import { prosecution } from './prosecution.ts';
import type { CellType, ColumnDef, DatasetDef, DatasetName } from './types.ts';

export * from './types.ts';
export * from './outputs.ts';
export * from './versions.ts';

export const DATASETS: Readonly<Record<DatasetName, DatasetDef>> = {
  debt,
  coverage,
  enforcement,
  prosecution,
  procedures,
  collection,
};
export const DATASET_NAMES = Object.keys(DATASETS) as DatasetName[];

export function isDatasetName(value: string): value is DatasetName {
  return Object.hasOwn(DATASETS, value);
}

/** Columns every lake table carries besides the template's: the Hive partition keys. */
export const PARTITION_COLUMNS = ['period', 'province'] as const;

/** The DuckDB (and Parquet) type of a column. */
export function duckdbType(type: CellType): 'VARCHAR' | 'BIGINT' | 'DATE' {
  switch (type.kind) {
    case 'integer':
      return 'BIGINT';
    case 'date':
      return 'DATE';
    default:
      return 'VARCHAR';
  }
}

/** The Glue / Athena (Hive DDL) type of a column. */
export function glueType(type: CellType): 'string' | 'bigint' | 'date' {
  return ({ VARCHAR: 'string', BIGINT: 'bigint', DATE: 'date' } as const)[duckdbType(type)];
}

export function column(dataset: DatasetDef, key: string): ColumnDef {
  const found = dataset.columns.find((c) => c.key === key);
  if (!found) throw new Error(`${dataset.name} has no column ${key}`);
  return found;
}
