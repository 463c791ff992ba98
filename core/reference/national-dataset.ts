/**
 * The shape of a national reference dataset: a file the national office issues (a decision's
 * targets), not a province's monthly report. It reuses the column definition of the provincial
 * datasets (core/datasets/types.ts: header, cell type, template and dictionary text) but is a
 * sibling type, not a DatasetDef, because the provincial grain does not fit: a provincial upload
 * is located by dataset/month/province, validated against that one unit and summed into
 * province-month summaries, while a national file names many units and years in its rows, is
 * versioned by the decision that issued it, and is stored whole as a reference table.
 */
import type { ColumnDef, RowRule } from '../datasets/types.ts';

/** A column's type as both engines store it: text, a whole number, or a real number. */
export type ReferenceColumnType = 'text' | 'bigint' | 'double';

export interface NationalColumnDef extends ColumnDef {
  /**
   * How the reference table stores it, when not as its cell type says (integer: bigint, else text):
   * a year is matched against a month's first four characters, so it is stored as text.
   */
  readonly stored?: ReferenceColumnType;
}

export interface NationalDatasetDef {
  readonly name: string;
  readonly titleVi: string;
  readonly titleEn: string;
  /** What one row is. */
  readonly grainVi: string;
  readonly grainEn: string;
  readonly columns: readonly NationalColumnDef[];
  /** Cross-cell rules; none yet, kept so the template and the dictionary read it as they do a dataset's. */
  readonly rowRules: readonly RowRule[];
  /** The columns that name one row within one decision: each combination at most once. */
  readonly key: readonly string[];
  /** The columns naming the decision a row belongs to; a later decision_date supersedes an earlier one. */
  readonly decision: { readonly number: string; readonly date: string };
}

/** How the reference table stores a column: bigint for an integer unless it says otherwise, else text. */
export type StoredType<C extends NationalColumnDef> = C extends { stored: infer S extends ReferenceColumnType }
  ? S
  : C['type'] extends { kind: 'integer' }
    ? 'bigint'
    : 'text';

export function storedType(c: NationalColumnDef): ReferenceColumnType {
  return c.stored ?? (c.type.kind === 'integer' ? 'bigint' : 'text');
}
