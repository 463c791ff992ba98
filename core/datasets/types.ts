/**
 * The shape of a dataset definition. One definition per dataset (see the sibling files) drives
 * header matching, cell validation, the Parquet and Glue column types, the upload template and
 * the data dictionary: nothing else lists a dataset's columns.
 */

export type DatasetName = 'debt' | 'coverage' | 'enforcement' | 'prosecution' | 'procedures' | 'collection';

export interface CategoryOption {
  /** Stored value and the English code a province may type. */
  code: string;
  /** Vietnamese label as in the template; matched without regard to case or diacritics. */
  vi: string;
  /** English label: the dashboard in English and the data dictionary. */
  en: string;
  /** A prosecution stage a dossier leaves the ladder by (not a step on it): counted apart in the funnel. */
  exit?: true;
}

export type CellType =
  | { kind: 'text' }
  /** Employer tax code: 10 digits, or 10 digits + "-" + 3 digits for a branch. */
  | { kind: 'tax_code' }
  /** Whole number; money is whole VND. `max` is inclusive. */
  | { kind: 'integer'; min: number; max?: number; unit: 'vnd' | 'count' | 'months' }
  | { kind: 'category'; options: readonly CategoryOption[] }
  /** A calendar date, written dd/mm/yyyy or yyyy-mm-dd, stored as DATE. */
  | { kind: 'date' };

export interface ColumnDef {
  /** Column key: the English header, the lake column and the Glue column. */
  key: string;
  /** Vietnamese header as printed in the template. */
  vi: string;
  /** English description for the data dictionary and English receipts. */
  en: string;
  type: CellType;
  /** An empty cell is an error unless a row rule says otherwise. Default true. */
  required?: boolean;
  /** Each value at most once in a file. */
  unique?: boolean;
  /** Summed over accepted rows in the receipt's `totals`. Default: integer columns other than months. */
  total?: boolean;
  /**
   * The column's name on the output side. On an integer column: the figure it sums to, the column
   * of the section page's site data and, named by the dataset's `summary`, the summary measure(s).
   * On a category column: the column the section page's rows are broken down by.
   */
  output?: ColumnOutput;
}

export interface ColumnOutput {
  /** The site data column (snake_case). */
  name: string;
  /** English label for the data dictionary. */
  en: string;
}

/**
 * How the summary measures of the columns with an `output` are named: `${prefix}${name}` summed
 * over every row, or per code of the category column `by`, `${code}_${name}`.
 */
export type SummaryNaming = { prefix: string } | { by: string };

/** Rules that read more than one cell of a row. Messages for each kind live in core/messages/messages.ts. */
export type RowRule =
  /** sum(parts) must equal `total`. */
  | { kind: 'sum_equals'; parts: readonly string[]; total: string; severity: 'error' | 'warning' }
  /** `left` must not exceed `right`. */
  | { kind: 'not_greater'; left: string; right: string; severity: 'error' | 'warning' }
  /** `column` may be empty only when `when` holds one of `values`. */
  | { kind: 'required_unless'; column: string; when: string; values: readonly string[]; severity: 'error' }
  /**
   * A row whose `owed` columns sum to 0 (the employer paid everything off this month) must show
   * `recovered` > 0 and `months` = 0: otherwise it is no debtor at all, or it would put a
   * settled employer among the overdue.
   */
  | { kind: 'paid_off'; owed: readonly string[]; recovered: string; months: string; severity: 'error' }
  /**
   * `columns` are filled all together or not at all: with only some of them, the others' figures
   * are unknown, so a rule over all of them (a sum) cannot be judged and the row is taken as it
   * is, with a warning naming what is filled and what is missing.
   */
  | { kind: 'all_or_none'; columns: readonly string[]; severity: 'warning' };

/** Columns a later template version puts after the column `after` of the version before it. */
export interface AddedColumns {
  after: string;
  columns: readonly ColumnDef[];
}

/**
 * A template version after the first, written as its changes to the version before it: the
 * columns it no longer has, the ones it adds and its extra row rules. A period is checked
 * against, and offered the template of, the last version whose `from` is not after it.
 */
export interface TemplateVersion {
  version: number;
  /** The first period (YYYY-MM) this version is in force for. */
  from: string;
  drops: readonly string[];
  adds: readonly AddedColumns[];
  rowRules: readonly RowRule[];
  /**
   * How a row of the version before reads in this version's columns, for the lake's one table:
   * per dropped category column and code, the value of each added column (null: not known).
   */
  reads: Readonly<Record<string, Readonly<Record<string, Readonly<Record<string, string | null>>>>>>;
}

export interface DatasetDef {
  name: DatasetName;
  titleVi: string;
  titleEn: string;
  /** What one row is. */
  grainVi: string;
  grainEn: string;
  columns: readonly ColumnDef[];
  rowRules: readonly RowRule[];
  /** Set on a dataset whose output columns sum to summary measures (see ColumnDef.output). */
  summary?: SummaryNaming;
  /** The first version is `columns` and `rowRules` (version 1); later ones change it from a period on. */
  versions?: readonly TemplateVersion[];
  /** On a definition resolved for a period (templateAt): the version in force. */
  version?: number;
}

export function isRequired(column: ColumnDef): boolean {
  return column.required ?? true;
}

export function isTotal(column: ColumnDef): boolean {
  return column.total ?? (column.type.kind === 'integer' && column.type.unit !== 'months');
}
