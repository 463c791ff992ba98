/**
 * The dataset's row rules (DatasetDef.rowRules), applied generically: no dataset has code of its
 * own here. A rule is judged only when every cell it reads was valid, so one wrong cell gives
 * one error, not a cascade.
 */
import { column, type DatasetDef, type RowRule } from '../../core/datasets/index.ts';
import { type Bilingual, RULE_MESSAGES } from '../../core/messages/index.ts';
import type { CellValue } from './parse-cell.ts';

/** A row's parsed values; `undefined` marks a cell that broke its column's rule. */
export type RowValues = Record<string, CellValue | undefined>;

export interface RuleBreach {
  rule:
    'rule.sum_equals' | 'rule.not_greater' | 'rule.required_unless' | 'rule.paid_off' | 'rule.all_or_none';
  severity: 'error' | 'warning';
  column: string;
  expected: string;
  found: string;
  message: () => Bilingual;
}

/** Columns a required_unless rule governs: their emptiness is the rule's to judge. */
export function conditionallyRequired(dataset: DatasetDef): Set<string> {
  return new Set(dataset.rowRules.flatMap((r) => (r.kind === 'required_unless' ? [r.column] : [])));
}

const num = (v: CellValue | undefined): number | undefined => (typeof v === 'number' ? v : undefined);

function check(dataset: DatasetDef, rule: RowRule, row: RowValues): RuleBreach | undefined {
  const label = (key: string) => column(dataset, key);
  switch (rule.kind) {
    case 'sum_equals': {
      const parts = rule.parts.map((p) => num(row[p]));
      const total = num(row[rule.total]);
      if (total === undefined || parts.some((p) => p === undefined)) return undefined;
      const sum = parts.reduce<number>((a, b) => a + (b ?? 0), 0);
      if (sum === total) return undefined;
      const message = () =>
        RULE_MESSAGES['rule.sum_equals']({
          parts: rule.parts.map(label),
          total: label(rule.total),
          sum,
          found: total,
        });
      return {
        rule: 'rule.sum_equals',
        severity: rule.severity,
        column: rule.total,
        expected: String(sum),
        found: String(total),
        message,
      };
    }
    case 'not_greater': {
      const left = num(row[rule.left]);
      const right = num(row[rule.right]);
      if (left === undefined || right === undefined || left <= right) return undefined;
      const message = () =>
        RULE_MESSAGES['rule.not_greater']({
          left: label(rule.left),
          right: label(rule.right),
          leftValue: left,
          rightValue: right,
        });
      return {
        rule: 'rule.not_greater',
        severity: rule.severity,
        column: rule.left,
        expected: `<= ${right}`,
        found: String(left),
        message,
      };
    }
    case 'required_unless': {
      const when = row[rule.when];
      if (
        row[rule.column] !== null ||
        when === undefined ||
        (when !== null && rule.values.includes(String(when)))
      )
        return undefined;
      const message = () =>
        RULE_MESSAGES['rule.required_unless']({
          column: label(rule.column),
          when: label(rule.when),
          values: [...rule.values],
        });
      return {
        rule: 'rule.required_unless',
        severity: rule.severity,
        column: rule.column,
        expected: 'a value',
        found: '',
        message,
      };
    }
    case 'paid_off':
      return paidOff(dataset, rule, row);
    case 'all_or_none':
      return allOrNone(dataset, rule, row);
  }
}

/** Some of the columns filled and some empty; a cell that broke its own rule is that error alone. */
function allOrNone(
  dataset: DatasetDef,
  rule: Extract<RowRule, { kind: 'all_or_none' }>,
  row: RowValues,
): RuleBreach | undefined {
  if (rule.columns.some((c) => row[c] === undefined)) return undefined;
  const filled = rule.columns.filter((c) => row[c] !== null);
  const missing = rule.columns.filter((c) => row[c] === null);
  const first = missing[0];
  if (filled.length === 0 || first === undefined) return undefined;
  const label = (key: string) => column(dataset, key);
  return {
    rule: 'rule.all_or_none',
    severity: rule.severity,
    column: first,
    expected: `all or none of ${rule.columns.join(', ')}`,
    found: `filled ${filled.join(', ')}; missing ${missing.join(', ')}`,
    message: () =>
      RULE_MESSAGES['rule.all_or_none']({ filled: filled.map(label), missing: missing.map(label) }),
  };
}

/** A row that owes nothing must be a paid-off employer: recovered > 0 (else), months overdue 0. */
function paidOff(
  dataset: DatasetDef,
  rule: Extract<RowRule, { kind: 'paid_off' }>,
  row: RowValues,
): RuleBreach | undefined {
  const owed = rule.owed.map((p) => num(row[p]));
  const recovered = num(row[rule.recovered]);
  const months = num(row[rule.months]);
  if (owed.some((o) => o !== 0) || recovered === undefined || months === undefined) return undefined;
  if (recovered > 0 && months === 0) return undefined;
  const label = (key: string) => column(dataset, key);
  const message = () =>
    RULE_MESSAGES['rule.paid_off']({
      owed: rule.owed.map(label),
      recovered: label(rule.recovered),
      months: label(rule.months),
      recoveredValue: recovered,
      monthsValue: months,
    });
  const onRecovered = recovered <= 0;
  return {
    rule: 'rule.paid_off',
    severity: rule.severity,
    column: onRecovered ? rule.recovered : rule.months,
    expected: onRecovered ? '> 0' : '0',
    found: String(onRecovered ? recovered : months),
    message,
  };
}

export function checkRowRules(dataset: DatasetDef, row: RowValues): RuleBreach[] {
  return dataset.rowRules.flatMap((rule) => check(dataset, rule, row) ?? []);
}
