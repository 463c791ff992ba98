/** A generated row as a province would type it: template column order, Vietnamese labels. */
import { isRequired, type ColumnDef, type DatasetDef } from '../../core/datasets/index.ts';
import type { Cell, Row } from './rows.ts';

/**
 * The columns a generated file carries: the template's, less any optional column that none of its
 * rows has (a file made with an older template, which lacked it).
 */
export function fileColumns(dataset: DatasetDef, rows: readonly Row[]): ColumnDef[] {
  return dataset.columns.filter((c) => isRequired(c) || rows.some((r) => r[c.key] !== undefined));
}

export function header(columns: readonly ColumnDef[]): string[] {
  return columns.map((c) => c.vi);
}

function cellOf(column: ColumnDef, row: Row): Cell {
  const value = row[column.key];
  if (value === undefined) throw new Error(`generated row lacks column ${column.key}`);
  if (column.type.kind !== 'category') return value;
  const option = column.type.options.find((o) => o.code === String(value));
  if (!option) throw new Error(`${column.key}: ${String(value)} is not a category code`);
  return option.vi;
}

export function cells(columns: readonly ColumnDef[], row: Row): Cell[] {
  return columns.map((c) => cellOf(c, row));
}
