/**
 * One sheet against one dataset: the header, then every data row cell by cell, uniqueness,
 * the row rules and the in-file location columns.
 */
import { isRequired, type ColumnDef, type DatasetDef } from '../../core/datasets/index.ts';
import type { UploadLocation } from '../../core/contracts/layout.ts';
import { LOCATION_COLUMNS, RULE_MESSAGES, type Bilingual } from '../../core/messages/index.ts';
import { isBlank, type GridRow, type Sheet } from './grid.ts';
import type { IssueList } from './issue-list.ts';
import { periodInCell, provinceInCell } from './check-location.ts';
import type { HeaderMatch } from './match-header.ts';
import { parseCell, showRaw, type CellNote } from './parse-cell.ts';
import { checkSubtotals, checkTotalsRow, splitBody } from './sheet-body.ts';
import { doubtfulDates, type DateOrder } from './date-order.ts';
import { checkRowRules, conditionallyRequired, type RowValues } from './row-rules.ts';

export interface SheetResult {
  /** Parsed rows, keys in the dataset's column order; rows with errors included. */
  rows: Array<{ number: number; values: RowValues }>;
}

function allowedValues(c: ColumnDef): Bilingual {
  if (c.type.kind !== 'category') return { vi: '', en: '' };
  return { vi: c.type.options.map((o) => o.vi).join('; '), en: c.type.options.map((o) => o.code).join(', ') };
}

export function cellMessage(c: ColumnDef, rule: string, found: string, value?: number): Bilingual {
  switch (rule) {
    case 'integer.negative':
      return RULE_MESSAGES['integer.negative']({ column: c, found, value: value ?? 0 });
    case 'number.scientific':
      return RULE_MESSAGES['number.scientific']({ column: c, found });
    case 'integer.min':
      return RULE_MESSAGES['integer.min']({
        column: c,
        min: c.type.kind === 'integer' ? c.type.min : 0,
        found,
      });
    case 'integer.max':
      return RULE_MESSAGES['integer.max']({
        column: c,
        max: Math.min(
          c.type.kind === 'integer' ? (c.type.max ?? Infinity) : Infinity,
          Number.MAX_SAFE_INTEGER,
        ),
        found,
      });
    case 'integer.decimal':
      return RULE_MESSAGES['integer.decimal']({ column: c, found });
    case 'tax_code.format':
      return RULE_MESSAGES['tax_code.format']({ column: c, found });
    case 'category.unknown':
      return RULE_MESSAGES['category.unknown']({ column: c, found, allowed: allowedValues(c) });
    case 'date.format':
      return RULE_MESSAGES['date.format']({ column: c, found });
    default:
      return RULE_MESSAGES['integer.format']({ column: c, found });
  }
}

export function checkHeader(
  dataset: DatasetDef,
  sheet: Sheet,
  header: HeaderMatch | undefined,
  issues: IssueList,
): void {
  const row = header?.headerRow.number ?? null;
  for (const s of header?.scaled ?? []) {
    const c = dataset.columns.find((col) => col.key === s.key)!;
    const message = RULE_MESSAGES['header.scaled_unit']({ column: c, header: s.header, unit: s.unit });
    issues.add(
      'error',
      { sheet: sheet.name, row, column: c.key },
      'header.scaled_unit',
      'đồng',
      s.header,
      message,
    );
  }
  const scaled = new Set(header?.scaled.map((s) => s.key));
  for (const c of dataset.columns) {
    if (!isRequired(c) || header?.columns.has(c.key) || scaled.has(c.key)) continue;
    const message = RULE_MESSAGES['header.missing']({ column: c });
    issues.add('error', { sheet: sheet.name, row, column: c.key }, 'header.missing', c.vi, '', message);
  }
  for (const d of header?.duplicates ?? []) {
    const label =
      dataset.columns.find((c) => c.key === d.key) ??
      LOCATION_COLUMNS[d.key as keyof typeof LOCATION_COLUMNS];
    const message = RULE_MESSAGES['header.duplicate']({ column: label, header: d.header });
    issues.add(
      'error',
      { sheet: sheet.name, row, column: d.key },
      'header.duplicate',
      'once',
      d.header,
      message,
    );
  }
  for (const h of header?.unknown ?? []) {
    issues.add(
      'warning',
      { sheet: sheet.name, row, column: null },
      'header.unknown',
      '',
      h,
      RULE_MESSAGES['header.unknown']({ header: h }),
    );
  }
}

/** What checkRows needs of one template column, worked out once per sheet rather than per cell. */
interface ColumnPlan {
  c: ColumnDef;
  position: number | undefined;
  /** Blank is an error here (required, not left to a row rule, and present in the header). */
  blankIsError: boolean;
  /** First row of each value seen, for a unique column. */
  seen: Map<string, number> | undefined;
  /** Text dates refused for their order (date-order.ts), by index of the data row. */
  doubtful: Map<number, DateOrder> | undefined;
  /** Cells read with a normalisation (cell notes), counted for the summary warning. */
  notes: Map<CellNote, number>;
}

const NOTE_RULES = {
  dash_zero: { cell: 'integer.dash_zero', summary: 'normalized.dash_zero' },
  leading_zero: { cell: 'tax_code.leading_zero', summary: 'normalized.leading_zero' },
} as const;

export function checkRows(
  dataset: DatasetDef,
  sheet: Sheet,
  header: HeaderMatch,
  location: UploadLocation,
  issues: IssueList,
): SheetResult {
  const governed = conditionallyRequired(dataset);
  const ids = dataset.columns
    .filter((c) => c.unique || c.type.kind === 'tax_code')
    .flatMap((c) => header.columns.get(c.key) ?? []);
  const body = splitBody(sheet.rows.slice(header.rowIndex + header.rowCount), ids);
  const plans: ColumnPlan[] = dataset.columns.map((c) => {
    const position = header.columns.get(c.key);
    const cells = () =>
      body.data.map((row) => (position === undefined ? null : (row.cells[position] ?? null)));
    return {
      c,
      position,
      blankIsError: isRequired(c) && !governed.has(c.key) && position !== undefined,
      seen: c.unique ? new Map<string, number>() : undefined,
      doubtful: c.type.kind === 'date' ? doubtfulDates(cells()) : undefined,
      notes: new Map(),
    };
  });
  const hasLocationColumns = header.location.size > 0;
  const result: SheetResult = { rows: [] };
  for (const [index, row] of body.data.entries()) {
    const at = (column: string | null) => ({ sheet: sheet.name, row: row.number, column });
    const values: RowValues = {};
    for (const { c, position, blankIsError, seen, doubtful, notes } of plans) {
      const raw = position === undefined ? null : (row.cells[position] ?? null);
      if (isBlank(raw)) {
        values[c.key] = null;
        if (blankIsError) {
          values[c.key] = undefined;
          issues.add('error', at(c.key), 'cell.required', 'a value', '', () =>
            RULE_MESSAGES['cell.required']({ column: c }),
          );
        }
        continue;
      }
      const order = doubtful?.get(index);
      if (order) {
        values[c.key] = undefined;
        const found = showRaw(raw);
        const rule = order === 'month_first' ? 'date.month_first' : 'date.ambiguous';
        issues.add('error', at(c.key), rule, 'dd/mm/yyyy', found, () =>
          RULE_MESSAGES[rule]({ column: c, found }),
        );
        continue;
      }
      const outcome = parseCell(c.type, raw);
      if (!outcome.ok) {
        values[c.key] = undefined;
        const found = showRaw(raw);
        issues.add('error', at(c.key), outcome.rule, outcome.expected, found, () =>
          cellMessage(c, outcome.rule, found, outcome.value),
        );
        continue;
      }
      values[c.key] = outcome.value;
      if (outcome.note) {
        const note = outcome.note;
        notes.set(note, (notes.get(note) ?? 0) + 1);
        const found = showRaw(raw);
        const value = String(outcome.value);
        issues.add('warning', at(c.key), NOTE_RULES[note].cell, value, found, () =>
          RULE_MESSAGES[NOTE_RULES[note].cell]({ column: c, found, value }),
        );
      }
      if (!seen) continue;
      const found = String(outcome.value);
      const firstRow = seen.get(found);
      if (firstRow === undefined) seen.set(found, row.number);
      else
        issues.add('error', at(c.key), 'unique', 'once', found, () =>
          RULE_MESSAGES.unique({ column: c, found, firstRow }),
        );
    }
    if (dataset.rowRules.length > 0)
      for (const breach of checkRowRules(dataset, values))
        issues.add(
          breach.severity,
          at(breach.column),
          breach.rule,
          breach.expected,
          breach.found,
          breach.message,
        );
    if (hasLocationColumns)
      checkLocationCells(row, header, location, (key, expected, found) => {
        const message = () =>
          RULE_MESSAGES['location.mismatch']({ column: LOCATION_COLUMNS[key], expected, found });
        issues.add('error', at(key), 'location.mismatch', expected, found, message);
      });
    result.rows.push({ number: row.number, values });
  }
  checkSubtotals(dataset, sheet.name, header, body, result.rows, issues);
  for (const totals of [body.leadingTotals, body.totals])
    if (totals) checkTotalsRow(dataset, sheet.name, header, totals, result.rows, issues);
  for (const { c, notes } of plans)
    for (const [note, count] of notes)
      issues.add(
        'warning',
        { sheet: sheet.name, row: null, column: c.key },
        NOTE_RULES[note].summary,
        '',
        String(count),
        RULE_MESSAGES[NOTE_RULES[note].summary]({ column: c, count }),
      );
  const afterRule = body.endedBy === 'signature' ? 'rows.signature' : 'rows.after_total';
  for (const row of body.after)
    issues.add(
      'warning',
      { sheet: sheet.name, row: row.number, column: null },
      afterRule,
      '',
      row.cells.map(showRaw).filter(Boolean).join(' ').slice(0, 200),
      RULE_MESSAGES[afterRule](),
    );
  return result;
}

function checkLocationCells(
  row: GridRow,
  header: HeaderMatch,
  location: UploadLocation,
  report: (key: keyof typeof LOCATION_COLUMNS, expected: string, found: string) => void,
): void {
  const provinceAt = header.location.get('ma_tinh');
  const provinceRaw = provinceAt === undefined ? null : (row.cells[provinceAt] ?? null);
  if (!isBlank(provinceRaw) && provinceInCell(provinceRaw, location.period) !== location.province)
    report('ma_tinh', location.province, showRaw(provinceRaw));
  const periodAt = header.location.get('ky_bao_cao');
  const periodRaw = periodAt === undefined ? null : (row.cells[periodAt] ?? null);
  if (!isBlank(periodRaw) && periodInCell(periodRaw) !== location.period)
    report('ky_bao_cao', location.period, showRaw(periodRaw));
}
