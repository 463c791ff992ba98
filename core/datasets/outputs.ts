/**
 * The output side of the dataset definitions: the category codes, the figures a dataset's columns
 * sum to (ColumnDef.output) and the summary measures they are stored as. The summaries, the
 * section pages' site data and queries, the dashboard's lists and the data dictionary read them
 * from here, so a new figure or code is written once, in its dataset's file.
 */
import { isRequired, type ColumnDef, type ColumnOutput, type DatasetDef } from './types.ts';

/** The codes of a category column, in the order of its definition. */
export function categoryCodes(dataset: DatasetDef, key: string): string[] {
  const type = dataset.columns.find((c) => c.key === key)?.type;
  if (type?.kind !== 'category') throw new Error(`${dataset.name}.${key} is no category column`);
  return type.options.map((o) => o.code);
}

export interface SummedColumn {
  column: ColumnDef;
  output: ColumnOutput;
}

/** The integer columns that sum to a figure, in column order. */
export function summedColumns(dataset: DatasetDef): SummedColumn[] {
  return dataset.columns.flatMap((column) =>
    column.output && column.type.kind === 'integer' ? [{ column, output: column.output }] : [],
  );
}

/** The category column a section page's rows are broken down by, if the dataset has one. */
export function breakdownColumn(dataset: DatasetDef): SummedColumn | undefined {
  const column = dataset.columns.find((c) => c.output && c.type.kind === 'category');
  return column?.output ? { column, output: column.output } : undefined;
}

export interface SummaryMeasure {
  name: string;
  /** The lake column summed. */
  column: string;
  /** Only rows whose `by` column holds `code` add to it. */
  where?: { by: string; code: string };
}

/**
 * The summary measures of a dataset's summed columns: `${prefix}${name}` over every row, or per
 * code of the `by` column (code-major, so a scheme's figures sit together). A column that may be
 * missing (ColumnDef.required false, e.g. one an older template lacks) is no summary measure: a
 * summary adds an empty cell as 0, and a figure not reported must stay missing. Its sums are read
 * from the lake, where NULL stays NULL.
 */
export function summaryMeasures(dataset: DatasetDef): SummaryMeasure[] {
  const naming = dataset.summary;
  if (!naming) return [];
  const summed = summedColumns(dataset).filter((s) => isRequired(s.column));
  if ('prefix' in naming) {
    return summed.map((s) => ({ name: `${naming.prefix}${s.output.name}`, column: s.column.key }));
  }
  return categoryCodes(dataset, naming.by).flatMap((code) =>
    summed.map((s) => ({
      name: `${code}_${s.output.name}`,
      column: s.column.key,
      where: { by: naming.by, code },
    })),
  );
}

/** Type level: the output names of a dataset's summed columns (from its `as const` definition). */
export type SummedName<D> = D extends { columns: readonly (infer C)[] }
  ? C extends { output: { name: infer N extends string }; type: { kind: 'integer' } }
    ? N
    : never
  : never;

/** Type level: the output names of the summed columns that may be missing (`required: false`). */
export type OptionalSummedName<D> = D extends { columns: readonly (infer C)[] }
  ? C extends { output: { name: infer N extends string }; type: { kind: 'integer' }; required: false }
    ? N
    : never
  : never;

/** Type level: the output name of a dataset's breakdown column. */
export type BreakdownName<D> = D extends { columns: readonly (infer C)[] }
  ? C extends { output: { name: infer N extends string }; type: { kind: 'category' } }
    ? N
    : never
  : never;

/** Type level: the codes of a dataset's category column `K`. */
export type CodeOf<D, K extends string> = D extends { columns: readonly (infer C)[] }
  ? C extends { key: K; type: { options: readonly (infer O)[] } }
    ? O extends { code: infer X extends string }
      ? X
      : never
    : never
  : never;

/** The codes of a category column, typed as its definition's literals. */
export const codesOf = <D extends DatasetDef, K extends string>(dataset: D, key: K) =>
  categoryCodes(dataset, key) as unknown as readonly CodeOf<D, K>[];
