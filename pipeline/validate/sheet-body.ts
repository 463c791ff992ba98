/**
 * What lies below the header of a government spreadsheet: sometimes a row of column numbers
 * ("(1) (2) (3)" or "A B 1 2"), then the data, maybe in sections with headings and subtotals
 * ("Cộng quận …"), then a totals row ("Tổng cộng", "Cộng"), then signatures. Only the data rows
 * are data; each subtotal is checked against its section's rows, the totals row against all.
 */
import { isTotal, type DatasetDef } from '../../core/datasets/index.ts';
import { RULE_MESSAGES } from '../../core/messages/index.ts';
import { isBlank, type GridRow, type RawCell } from './grid.ts';
import type { IssueList } from './issue-list.ts';
import type { HeaderMatch } from './match-header.ts';
import { matchKey } from './normalize.ts';
import { parseInteger, showRaw } from './parse-cell.ts';
import type { RowValues } from './row-rules.ts';
import { groupHeadLabel, isHeadingRow, isSignatureRow, subtotalLabel } from './row-kinds.ts';

export interface Subtotal {
  row: GridRow;
  label: string;
  /** The data rows it sums: data[first] up to, not including, data[end]. */
  first: number;
  end: number;
}

export interface SheetBody {
  data: GridRow[];
  /** Section subtotals among the data rows (below or, as group heads, above them), never data. */
  subtotals: Subtotal[];
  /** A grand total written above the data rows, checked like the one below them. */
  leadingTotals: GridRow | undefined;
  totals: GridRow | undefined;
  /** Non-blank rows below the totals row or from the signature block on: reported, never counted. */
  after: GridRow[];
  /** What ended the figures: the totals row, or (with none) the signature block. */
  endedBy: 'totals' | 'signature' | undefined;
}

const TOTAL_LABELS = new Set(['tongcong', 'cong', 'tong', 'total', 'totals', 'grandtotal', 'tongso']);

const TOTAL_PREFIX = 'tongcong';
/**
 * Folding drops the marks that tell "Tổng cộng …" (a total) from "Tổng công ty …" (a common kind
 * of employer name), so a cell that only begins like a total must spell "cộng" or plain "cong".
 */
const TOTAL_PREFIX_SPELLED = /^[^\p{L}]*(tổng|tong)\s*(cộng|cong)(?!\s*ty\b)/u;
const LONGEST_LABEL = Math.max(...[...TOTAL_LABELS].map((label) => label.length));
const LABEL_INITIALS = new Set([...TOTAL_LABELS].map((label) => label.charCodeAt(0)));

/** Could a key beginning with `start` still be a total label? */
function mayBeLabel(start: string): boolean {
  if (start.startsWith(TOTAL_PREFIX) || TOTAL_PREFIX.startsWith(start)) return true;
  if (start.length > LONGEST_LABEL) return false;
  for (const label of TOTAL_LABELS) if (label.startsWith(start)) return true;
  return false;
}

/**
 * matchKey(text) is a label, found by folding only as many characters as it takes to rule the
 * cell out: every data cell of a large upload passes here, and folding whole names costs.
 * matchKey folds each character on its own (marks and punctuation dropped), so its key begins
 * with the keys of the text's first characters.
 */
function isTotalLabel(text: string): boolean {
  // Most cells begin with a digit or a letter no label begins with: decided without folding.
  const code = text.charCodeAt(0);
  if (code >= 0x30 && code <= 0x39) return false;
  const lower = code >= 0x41 && code <= 0x5a ? code + 0x20 : code;
  if (lower >= 0x61 && lower <= 0x7a && !LABEL_INITIALS.has(lower)) return false;
  let start = '';
  for (const char of text) {
    const code = char.charCodeAt(0);
    // ASCII folds by hand (letters lowered, digits kept, the rest dropped); other letters by matchKey.
    if (code >= 0x61 && code <= 0x7a) start += char;
    else if (code >= 0x41 && code <= 0x5a) start += char.toLowerCase();
    else if (code >= 0x30 && code <= 0x39) start += char;
    else if (code >= 0x80) start += matchKey(char);
    else continue;
    if (!mayBeLabel(start)) return false;
  }
  const key = matchKey(text);
  if (TOTAL_LABELS.has(key)) return true;
  return key.startsWith(TOTAL_PREFIX) && TOTAL_PREFIX_SPELLED.test(text.normalize('NFC').toLowerCase());
}

/** A row labelled as a total in any of its text cells: "Tổng cộng", "CỘNG:", "Tong cong", "Total". */
export function isTotalsRow(cells: readonly RawCell[]): boolean {
  return cells.some((cell) => typeof cell === 'string' && isTotalLabel(cell));
}

/** "(1) (2) (3)…", "1 2 3…" or "A B 1 2…": the numbering row printed under official headers. */
export function isColumnNumberRow(cells: readonly RawCell[]): boolean {
  const filled = cells.filter((cell) => !isBlank(cell)).map((cell) => showRaw(cell));
  if (filled.length < 2) return false;
  const numbers: number[] = [];
  for (const text of filled) {
    const m = /^\(?(\d{1,2}|[A-Za-z])\)?$/.exec(text);
    if (!m) return false;
    if (/^\d+$/.test(m[1]!)) numbers.push(Number(m[1]));
  }
  return (
    numbers.length >= 2 && numbers[0] === 1 && numbers.every((n, i) => i === 0 || n === numbers[i - 1]! + 1)
  );
}

/** `ids`: positions of the cells that name an employer or a dossier (see groupHeadLabel). */
export function splitBody(rows: readonly GridRow[], ids: readonly number[] = []): SheetBody {
  const start = rows[0] && isColumnNumberRow(rows[0].cells) ? 1 : 0;
  const body: SheetBody = {
    data: [],
    subtotals: [],
    leadingTotals: undefined,
    totals: undefined,
    after: [],
    endedBy: undefined,
  };
  let section = 0;
  // A group's sums written on its heading row, above its rows: its section ends at the next group.
  let head: Subtotal | undefined;
  const closeHead = () => {
    if (head) head.end = body.data.length;
    head = undefined;
  };
  for (let i = start; i < rows.length; i += 1) {
    const row = rows[i]!;
    if (isTotalsRow(row.cells)) {
      // Some forms put "Tổng cộng" first, right under the header, and the rows below it.
      if (body.data.length === 0 && body.subtotals.length === 0 && !body.leadingTotals) {
        body.leadingTotals = row;
        continue;
      }
      body.totals = row;
      body.after = rows.slice(i + 1);
      body.endedBy = 'totals';
      break;
    }
    // A report without a totals row ends where its signatures begin.
    if (isSignatureRow(row.cells)) {
      body.after = rows.slice(i);
      body.endedBy = 'signature';
      break;
    }
    const label = subtotalLabel(row.cells);
    const headLabel = label === undefined ? groupHeadLabel(row.cells, ids) : undefined;
    if (label !== undefined) {
      closeHead();
      body.subtotals.push({ row, label, first: section, end: body.data.length });
      section = body.data.length;
    } else if (headLabel !== undefined) {
      closeHead();
      head = { row, label: headLabel, first: body.data.length, end: body.data.length };
      body.subtotals.push(head);
      section = body.data.length;
    } else if (isHeadingRow(row.cells)) {
      closeHead();
      section = body.data.length;
    } else body.data.push(row);
  }
  closeHead();
  return body;
}

/**
 * Each amount or count the totals row states must equal the sum of the data rows. A column with
 * an invalid cell is not compared: that cell already has its error.
 */
export function checkTotalsRow(
  dataset: DatasetDef,
  sheetName: string | null,
  header: HeaderMatch,
  totals: GridRow,
  rows: ReadonlyArray<{ values: RowValues }>,
  issues: IssueList,
): void {
  for (const c of dataset.columns.filter(isTotal)) {
    const position = header.columns.get(c.key);
    const raw = position === undefined ? null : (totals.cells[position] ?? null);
    if (isBlank(raw) || rows.some((r) => r.values[c.key] === undefined)) continue;
    const sum = rows.reduce(
      (s, r) => s + (typeof r.values[c.key] === 'number' ? Number(r.values[c.key]) : 0),
      0,
    );
    const stated = parseInteger(raw, Number.MIN_SAFE_INTEGER);
    if (stated.ok && stated.value === sum) continue;
    const found = showRaw(raw);
    issues.add(
      'error',
      { sheet: sheetName, row: totals.number, column: c.key },
      'total.mismatch',
      String(sum),
      found,
      () => RULE_MESSAGES['total.mismatch']({ column: c, sum, found }),
    );
  }
}

/**
 * Each subtotal against the data rows of its section, so a section that does not add up is
 * named with its row; the subtotals themselves are never counted in the totals.
 */
export function checkSubtotals(
  dataset: DatasetDef,
  sheetName: string | null,
  header: HeaderMatch,
  body: SheetBody,
  rows: ReadonlyArray<{ number: number; values: RowValues }>,
  issues: IssueList,
): void {
  for (const subtotal of body.subtotals) {
    const section = rows.slice(subtotal.first, subtotal.end);
    for (const c of dataset.columns.filter(isTotal)) {
      const position = header.columns.get(c.key);
      const raw = position === undefined ? null : (subtotal.row.cells[position] ?? null);
      if (isBlank(raw) || section.some((r) => r.values[c.key] === undefined)) continue;
      const sum = section.reduce(
        (s, r) => s + (typeof r.values[c.key] === 'number' ? Number(r.values[c.key]) : 0),
        0,
      );
      const stated = parseInteger(raw, Number.MIN_SAFE_INTEGER);
      if (stated.ok && stated.value === sum) continue;
      const found = showRaw(raw);
      const from = section[0]?.number ?? subtotal.row.number;
      const to = section[section.length - 1]?.number ?? subtotal.row.number;
      issues.add(
        'error',
        { sheet: sheetName, row: subtotal.row.number, column: c.key },
        'subtotal.mismatch',
        String(sum),
        found,
        () => RULE_MESSAGES['subtotal.mismatch']({ label: subtotal.label, column: c, sum, found, from, to }),
      );
    }
  }
}
