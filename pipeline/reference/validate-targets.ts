/**
 * Checks a national targets file (CSV or XLSX, the template of core/reference/targets-dataset.ts)
 * before it is loaded: headers matched as a province's upload's are (case, diacritics, spacing),
 * each cell by its column's type (whole numbers never negative, dates, the generation), and the
 * rules of a decision: a unit-year at most once in it, a unit of the generation in force in the
 * year, one date per decision, and a decision not loaded before. Every issue names the file,
 * sheet, row, column, rule, expected and found, in Vietnamese and English.
 */
import { RULE_MESSAGES } from '../../core/messages/index.ts';
import type { ReceiptIssue } from '../../core/contracts/receipt.ts';
import { targetsDataset } from '../../core/reference/targets-dataset.ts';
import type { TargetRow, Targets } from '../../core/reference/targets.ts';
import { isBlank, type Sheet } from '../validate/grid.ts';
import { IssueList, type IssueAt } from '../validate/issue-list.ts';
import { DEFAULT_LIMITS } from '../validate/limits.ts';
import { matchKey } from '../validate/normalize.ts';
import { parseCell, showRaw, type CellValue } from '../validate/parse-cell.ts';
import { readCsv } from '../validate/read-csv.ts';
import { isZip, readXlsx } from '../validate/read-xlsx.ts';
import { cellMessage } from '../validate/validate-sheet.ts';
import type { ProvinceRegistry } from './provinces.ts';
import { targetRowOf } from './targets.ts';

export interface TargetsFileResult {
  file: string;
  accepted: boolean;
  errors: ReceiptIssue[];
  warnings: ReceiptIssue[];
  /** The decision's rows, when accepted. */
  rows: TargetRow[];
}

const COLUMNS = targetsDataset.columns;
const aliases = new Map(COLUMNS.flatMap((c) => [c.key, c.vi, c.en].map((a) => [matchKey(a), c] as const)));

/** Which template column each cell of a row names, by position. */
function headerOf(sheet: Sheet): Map<number, (typeof COLUMNS)[number]> {
  const header = new Map<number, (typeof COLUMNS)[number]>();
  sheet.rows[0]?.cells.forEach((cell, i) => {
    const column = aliases.get(matchKey(showRaw(cell)));
    if (column) header.set(i, column);
  });
  return header;
}

async function sheetOf(bytes: Uint8Array): Promise<Sheet | undefined> {
  const score = (sheet: Sheet) => headerOf(sheet).size;
  if (!isZip(bytes)) return readCsv(bytes, score, DEFAULT_LIMITS.maxRows, DEFAULT_LIMITS);
  const sheets = await readXlsx(bytes, DEFAULT_LIMITS);
  return sheets.sort((a, b) => score(b) - score(a))[0];
}

export async function validateTargetsFile(
  file: string,
  bytes: Uint8Array,
  registry: ProvinceRegistry,
  loaded?: Targets,
): Promise<TargetsFileResult> {
  const issues = new IssueList();
  const sheet = await sheetOf(bytes);
  const header = sheet ? headerOf(sheet) : new Map();
  const at = (row: number | null, column: string | null) => ({ sheet: sheet?.name ?? null, row, column });
  const found = new Set([...header.values()].map((c) => c.key));
  for (const c of COLUMNS.filter((c) => !found.has(c.key)))
    issues.add('error', at(1, c.key), 'header.missing', c.vi, '', RULE_MESSAGES['header.missing']({ column: c }));
  if (!sheet || issues.errorCount > 0) return result(file, issues, []);

  const parsed: Array<{ number: number; values: Record<string, CellValue> }> = [];
  for (const row of sheet.rows.slice(1)) {
    const values: Record<string, CellValue> = {};
    for (const [position, c] of header) {
      const raw = row.cells[position] ?? null;
      if (isBlank(raw)) {
        issues.add('error', at(row.number, c.key), 'cell.required', 'a value', '', () =>
          RULE_MESSAGES['cell.required']({ column: c }),
        );
        continue;
      }
      const outcome = parseCell(c.type, raw);
      // A code typed as a number loses its leading 0 (Hà Nội's 01 becomes 1).
      if (outcome.ok) values[c.key] = c.key === 'province' ? String(outcome.value).padStart(2, '0') : outcome.value;
      else {
        const text = showRaw(raw);
        issues.add('error', at(row.number, c.key), outcome.rule, outcome.expected, text, () =>
          cellMessage(c, outcome.rule, text, outcome.value),
        );
      }
    }
    if (COLUMNS.every((c) => c.key in values)) parsed.push({ number: row.number, values });
  }
  checkDecision(parsed, registry, loaded, issues, at);
  const rows = issues.errorCount === 0 ? parsed.map((r) => targetRowOf(r.values)) : [];
  return result(file, issues, rows);
}

/** The rules that read more than one row, or the registry and the targets already loaded. */
function checkDecision(
  rows: ReadonlyArray<{ number: number; values: Record<string, CellValue> }>,
  registry: ProvinceRegistry,
  loaded: Targets | undefined,
  issues: IssueList,
  at: (row: number, column: string) => IssueAt,
): void {
  const firstOf = new Map<string, number>();
  const dateOf = new Map<string, { date: string; row: number }>();
  const loadedDecisions = new Set(loaded?.history().map((r) => r.decision_no));
  for (const { number, values } of rows) {
    const year = Number(values.year);
    const generation = String(values.generation);
    const province = String(values.province);
    const decision = String(values.decision_no);
    const date = String(values.decision_date);
    const unitYear = `${year}/${generation}/${province}`;
    const key = `${decision}/${unitYear}`;
    const firstRow = firstOf.get(key);
    if (firstRow !== undefined) {
      const message = RULE_MESSAGES['targets.duplicate']({ year, generation, province, decision, firstRow });
      issues.add('error', at(number, 'province'), 'targets.duplicate', 'once', unitYear, message);
    } else firstOf.set(key, number);
    const inForce = registry.units.some(
      (u) =>
        u.code === province &&
        u.generation === generation &&
        u.validFrom <= `${year}-12` &&
        (u.validTo === null || u.validTo >= `${year}-01`),
    );
    if (!inForce) {
      const message = RULE_MESSAGES['targets.province']({ year, generation, province });
      const expected = 'a province code valid in the period';
      issues.add('error', at(number, 'province'), 'targets.province', expected, province, message);
    }
    const first = dateOf.get(decision);
    if (!first) dateOf.set(decision, { date, row: number });
    else if (first.date !== date) {
      const message = RULE_MESSAGES['targets.decision_date']({
        decision,
        date,
        firstDate: first.date,
        firstRow: first.row,
      });
      issues.add('error', at(number, 'decision_date'), 'targets.decision_date', first.date, date, message);
    }
    if (loadedDecisions.has(decision) && !first) {
      const message = RULE_MESSAGES['targets.loaded']({ decision });
      issues.add('error', at(number, 'decision_no'), 'targets.loaded', 'a new decision', decision, message);
    }
  }
}

function result(file: string, issues: IssueList, rows: TargetRow[]): TargetsFileResult {
  // In file order: a row's cell errors and its cross-row ones together.
  const byRow = (list: ReceiptIssue[]) => [...list].sort((a, b) => (a.row ?? 0) - (b.row ?? 0));
  const { errors, warnings } = issues.listed();
  return { file, accepted: issues.errorCount === 0, errors: byRow(errors), warnings: byRow(warnings), rows };
}
