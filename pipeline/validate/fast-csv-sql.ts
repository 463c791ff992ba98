/**
 * The template's cell and row rules as SQL over whole columns of VARCHAR fields (f0, f1, …).
 * Each check is conservative: it passes only cells whose JavaScript outcome is certain and plain
 * (a text cell JavaScript would neither trim nor recompose, plain digits, a well-formed tax
 * code). Anything else counts as a problem and sends the file to the JavaScript path, which then
 * decides it properly. Category and date cells, few distinct spellings per file, are judged by
 * JavaScript itself before the pass (fast-csv-judge.ts); here they only read their judged values.
 */
import { duckdbType, type ColumnDef, type DatasetDef, type RowRule } from '../../core/datasets/index.ts';
import type { JudgedColumn } from './fast-csv-judge.ts';

export const field = (position: number) => `f${position}`;
export const quoteIdent = (name: string) => `"${name.replaceAll('"', '""')}"`;
export const quoteLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * Characters a stored text may hold for the JavaScript path to store it exactly as read (no
 * escape, trim or NFC change): printable ASCII but `"` and `\`, Latin-1 and Latin Extended A/B, Vietnamese
 * precomposed letters, dashes and quotation marks. Ends exclude every JavaScript trim() space.
 */
const END = '\\x21\\x23-\\x5b\\x5d-\\x7e\\x{a1}-\\x{24f}\\x{1e00}-\\x{1eff}\\x{2010}-\\x{2027}';
/**
 * The complement of a plain text (END characters at both ends, END, space or no-break space
 * between), for a cell that is not empty: one search for the first offending character, which
 * costs less than matching the whole cell against the plain form.
 */
const NOT_PLAIN_TEXT = `[^${END} \\x{a0}]|^[ \\x{a0}]|[ \\x{a0}]$`;
const TAX_CODE = '[0-9]{10}(?:-[0-9]{3})?';
/**
 * ASCII digits only, at most 15: parseInteger reads such a cell as Number(raw), with no note
 * (leading zeros included), and its value is at most 999,999,999,999,999, a safe integer.
 */
const DIGITS = '[0-9]{1,15}';
const MOST_DIGITS = 999_999_999_999_999;

/** The SQL value a column stores, from its raw field; `judged` maps raw → value for the rest. */
export function valueOf(c: ColumnDef, position: number, judged: JudgedColumn | undefined): string {
  const f = field(position);
  switch (c.type.kind) {
    case 'integer':
      // TRY_: the checks read values of rows that may be bad; a clean file casts every cell.
      return `TRY_CAST(NULLIF(${f}, '') AS BIGINT)`;
    case 'text':
    case 'tax_code':
      return `NULLIF(${f}, '')`;
    default:
      // A spelling not judged maps to NULL, which the problem test below refuses when not blank.
      return judged && judged.spellings.size > 0 ? `(${mapLiteral([...judged.spellings])})[${f}]` : 'NULL';
  }
}

/**
 * True for a row where this column's cell is not plainly valid (the JS path will say why). NULL
 * counts as a problem too (the caller reads NULL as "cannot tell"), which lets a required cell's
 * check stand alone: an empty field is NULL (nullstr), and NULL fails every test below.
 */
export function cellProblem(
  c: ColumnDef,
  position: number,
  blankIsError: boolean,
  judged?: JudgedColumn,
): string | undefined {
  const f = field(position);
  // An optional cell is judged only when filled; NULL-safe, so a blank one is no problem.
  const whenFilled = (check: string) => `(coalesce(${f}, '') <> '' AND ${check})`;
  const judge = (check: string, required: boolean) => (required ? `(${check})` : whenFilled(check));
  switch (c.type.kind) {
    case 'text': {
      const notPlain = `regexp_matches(${f}, ${quoteLiteral(NOT_PLAIN_TEXT)})`;
      // The only check here an empty string passes, so a required cell tests for it.
      return blankIsError ? `(${f} = '' OR ${notPlain})` : whenFilled(notPlain);
    }
    case 'tax_code':
      return judge(`NOT regexp_full_match(${f}, ${quoteLiteral(TAX_CODE)})`, blankIsError);
    case 'integer': {
      const max = Math.min(c.type.max ?? Number.MAX_SAFE_INTEGER, Number.MAX_SAFE_INTEGER);
      const form = `NOT regexp_full_match(${f}, ${quoteLiteral(DIGITS)})`;
      // The form alone bounds the value to 0 … MOST_DIGITS: a column whose range holds that
      // needs no cast here, the costliest part of the check.
      if (c.type.min <= 0 && max >= MOST_DIGITS) return judge(form, blankIsError);
      return judge(`${form} OR TRY_CAST(${f} AS BIGINT) NOT BETWEEN ${c.type.min} AND ${max}`, blankIsError);
    }
    default: {
      // Judged before the pass (fast-csv-judge.ts): a spelling it did not judge is a problem.
      const required = judged?.blankIsError ?? false;
      const spellings = [...(judged?.spellings.keys() ?? [])];
      if (spellings.length === 0) return required ? 'true' : `coalesce(${f}, '') <> ''`;
      // A set test, cheaper than the map lookup; no judged spelling is blank, so a blank
      // required cell fails it as it should.
      return judge(`${f} NOT IN (${spellings.map(quoteLiteral).join(', ')})`, required);
    }
  }
}

/** A field outside the template holding what might be a total or subtotal label. */
export function unnamedLabel(position: number): string {
  const f = field(position);
  return `(${f} IS NOT NULL AND (regexp_matches(${f}, ${quoteLiteral(MAYBE_TOTAL_LABEL)}) OR regexp_matches(${f}, ${quoteLiteral(MAYBE_SUBTOTAL_LABEL)})))`;
}

/** True for a row that breaks a row rule (error or warning: both would be in the receipt). */
export function ruleBreach(rule: RowRule, value: (key: string) => string): string {
  switch (rule.kind) {
    case 'sum_equals': {
      const parts = rule.parts.map(value);
      const known = [value(rule.total), ...parts].map((v) => `${v} IS NOT NULL`).join(' AND ');
      const sum = parts.map((p) => `CAST(${p} AS HUGEINT)`).join(' + ');
      return `(${known} AND ${sum} <> ${value(rule.total)})`;
    }
    case 'not_greater':
      return `(${value(rule.left)} IS NOT NULL AND ${value(rule.right)} IS NOT NULL AND ${value(rule.left)} > ${value(rule.right)})`;
    case 'required_unless': {
      const allowed = rule.values.map(quoteLiteral).join(', ');
      const when = `CAST(${value(rule.when)} AS VARCHAR)`;
      return `(${value(rule.column)} IS NULL AND (${when} IS NULL OR ${when} NOT IN (${allowed})))`;
    }
    case 'paid_off': {
      const owed = rule.owed.map((p) => `${value(p)} = 0`).join(' AND ');
      return `(${owed} AND (${value(rule.recovered)} <= 0 OR ${value(rule.months)} <> 0))`;
    }
    case 'all_or_none': {
      // Some filled, some not: the JavaScript path writes the warning.
      const filled = rule.columns.map((c) => `(${value(c)} IS NOT NULL)::INTEGER`).join(' + ');
      return `(${filled} NOT IN (0, ${rule.columns.length}))`;
    }
  }
}

/** Letters a label is written with: the ASCII letter, either case, or any non-ASCII character. */
const letter = (ch: string) => `[${ch}${ch.toUpperCase()}\\x{80}-\\x{10ffff}]`;
const GAP = '[^A-Za-z0-9]*';
const spelled = (label: string) => [...label].map(letter).join(GAP);
const EXACT = ['tongcong', 'cong', 'tong', 'total', 'totals', 'grandtotal', 'tongso'];
/**
 * A superset of the cells isTotalsRow calls a total label: folding keeps at most one ASCII letter
 * per character and drops the rest, so a label's letters appear in order with anything non-ASCII
 * standing in for any of them. The few cells it lets through are judged by JavaScript.
 */
export const MAYBE_TOTAL_LABEL = `^${GAP}(?:(?:${EXACT.map(spelled).join('|')})${GAP}$|${spelled('tongcong')})`;

/**
 * A superset of the cells isSubtotalLabel (row-kinds.ts) calls a subtotal ("Cộng quận …",
 * "II. CỘNG HUYỆN …", "Cong thi xa …"): anywhere in the cell, whatever spaces or section number
 * come first, "c", up to three characters (a precomposed or decomposed vowel), "ng", then the
 * first letters of a place word. "Công ty …" does not match; "Công thương …" is judged in JS.
 */
export const MAYBE_SUBTOTAL_LABEL = '(?i)c\\S{0,3}ng\\s*[:\\-–]?\\s*(?:qu|hu|th|tp|ph|x|kh)';

/** The select list of the stored columns, in the dataset's order, each cast to its lake type. */
export function storedColumns(
  dataset: DatasetDef,
  positions: ReadonlyMap<string, number>,
  judged: ReadonlyMap<string, JudgedColumn>,
): string {
  return dataset.columns
    .map(
      (c) =>
        `CAST(${valueOf(c, positions.get(c.key)!, judged.get(c.key))} AS ${duckdbType(c.type)}) AS ${quoteIdent(c.key)}`,
    )
    .join(', ');
}

/** DuckDB MAP literal of raw spelling → stored value (NULL for a blank spelling). */
export function mapLiteral(entries: ReadonlyArray<readonly [string, string | null]>): string {
  const pairs = entries.map(
    ([raw, value]) => `${quoteLiteral(raw)}: ${value === null ? 'NULL' : quoteLiteral(value)}`,
  );
  return `MAP {${pairs.join(', ')}}`;
}

export function readCsvSql(
  file: string,
  plan: { delimiter: string; skipLines: number; fieldCount: number },
): string {
  const columns = Array.from({ length: plan.fieldCount }, (_, i) => `${quoteLiteral(field(i))}: 'VARCHAR'`);
  return (
    `read_csv(${quoteLiteral(file)}, columns = {${columns.join(', ')}}, header = false, ` +
    `skip = ${plan.skipLines}, delim = ${quoteLiteral(plan.delimiter)}, quote = '"', escape = '"', ` +
    `strict_mode = true, null_padding = false, auto_detect = false, nullstr = '', encoding = 'utf-8')`
  );
}
