/** A generated row as a province would type it: template column order, Vietnamese labels. */
import type { ColumnDef, DatasetDef } from '../../core/datasets/index.ts';
import type { Cell, Row } from './rows.ts';

export function header(dataset: DatasetDef): string[] {
  return dataset.columns.map((c) => c.vi);
}

function cellOf(column: ColumnDef, row: Row): Cell {
  const value = row[column.key];
  if (value === undefined) throw new Error(`generated row lacks column ${column.key}`);
  if (column.type.kind !== 'category') return value;
  const option = column.type.options.find((o) => o.code === String(value));
  if (!option) throw new Error(`${column.key}: ${String(value)} is not a category code`);
  return option.vi;
}

export function cells(dataset: DatasetDef, row: Row): Cell[] {
  return dataset.columns.map((c) => cellOf(c, row));
}
