/**
 * What Athena refuses that shows in the statement's structure, read with node-sql-parser's Trino
 * grammar: text the grammar rejects, a `?` anywhere but a WHERE clause (Athena's parameterized
 * queries take them nowhere else: not in a select list, not in a CTE's select list, not in ON),
 * and a comparison of text with a number, which Trino refuses where DuckDB casts silently.
 */
import nodeSqlParser from 'node-sql-parser';
import { catalogColumnTypes, type TypeFamily } from './column-types.ts';

const parser = new nodeSqlParser.Parser();

type Node = Record<string, unknown>;

const isNode = (value: unknown): value is Node => typeof value === 'object' && value !== null;

const COMPARISONS = new Set([
  '=',
  '!=',
  '<>',
  '<',
  '>',
  '<=',
  '>=',
  'IN',
  'NOT IN',
  'BETWEEN',
  'NOT BETWEEN',
]);
const TEXT_FUNCTIONS = new Set([
  'substr',
  'substring',
  'lpad',
  'rpad',
  'lower',
  'upper',
  'trim',
  'replace',
  'concat',
]);
const NUMBER_TYPES = /^(bigint|int|integer|smallint|tinyint|double|real|float|decimal)/i;

/** The type family of a parameter as its literal shows it: quoted text, or a bare number. */
export function parameterFamily(literal: string | undefined): TypeFamily | undefined {
  if (literal === undefined) return undefined;
  return literal.startsWith("'") ? 'text' : /^-?\d/.test(literal) ? 'number' : 'other';
}

function functionName(node: Node): string {
  const name = node.name;
  if (typeof name === 'string') return name.toLowerCase();
  const parts = isNode(name) && Array.isArray(name.name) ? (name.name as Node[]) : [];
  return String(parts.at(-1)?.value ?? '').toLowerCase();
}

function columnName(node: Node): string | undefined {
  const column = node.column;
  if (typeof column === 'string') return column.toLowerCase();
  if (isNode(column) && isNode(column.expr)) return String(column.expr.value).toLowerCase();
  return undefined;
}

class Walk {
  readonly refusals: string[] = [];
  private placeholder = 0;

  constructor(private readonly parameters: readonly string[]) {}

  private familyOf(node: unknown): TypeFamily | undefined {
    if (!isNode(node)) return undefined;
    switch (node.type) {
      case 'number':
        return 'number';
      case 'single_quote_string':
        return 'text';
      case 'origin':
        return node.value === '?' ? parameterFamily(this.parameters[this.placeholder]) : undefined;
      case 'column_ref': {
        const name = columnName(node);
        return name === undefined ? undefined : catalogColumnTypes().get(name);
      }
      case 'cast': {
        const target = Array.isArray(node.target) ? (node.target[0] as Node | undefined) : undefined;
        const type = String(target?.dataType ?? '');
        return /char/i.test(type) ? 'text' : NUMBER_TYPES.test(type) ? 'number' : 'other';
      }
      case 'function':
        return TEXT_FUNCTIONS.has(functionName(node)) ? 'text' : undefined;
      case 'aggr_func':
        return functionName(node) === 'count' ? 'number' : undefined;
      case 'binary_expr':
        if (node.operator === '||') return 'text';
        return ['+', '-', '*', '/', '%'].includes(String(node.operator)) ? 'number' : undefined;
      default:
        return undefined;
    }
  }

  private compare(node: Node): void {
    const left = this.familyOf(node.left);
    const right = node.right;
    const others =
      isNode(right) && right.type === 'expr_list' && Array.isArray(right.value) ? right.value : [right];
    for (const other of others) {
      const family = this.familyOf(other);
      const mixed = (left === 'text' && family === 'number') || (left === 'number' && family === 'text');
      if (mixed) {
        const [a, b] = left === 'text' ? ['varchar', 'integer'] : ['integer', 'varchar'];
        this.refusals.push(`TYPE_MISMATCH: Cannot apply operator: ${a} ${String(node.operator)} ${b}`);
      }
    }
  }

  visit(value: unknown, inWhere: boolean): void {
    if (Array.isArray(value)) {
      for (const item of value) this.visit(item, inWhere);
      return;
    }
    if (!isNode(value)) return;
    const where = value.type === 'select' ? false : inWhere;
    if (value.type === 'binary_expr' && COMPARISONS.has(String(value.operator).toUpperCase()))
      this.compare(value);
    if (value.type === 'origin' && value.value === '?') {
      this.placeholder += 1;
      if (!where) {
        this.refusals.push(
          `NOT_SUPPORTED: parameter ${this.placeholder} is outside a WHERE clause; Athena takes ? parameters only in WHERE`,
        );
      }
      return;
    }
    for (const [key, child] of Object.entries(value)) this.visit(child, key === 'where' ? true : where);
  }
}

interface GrammarError {
  message?: string;
  found?: string | null;
  location?: { start: { line: number; column: number } };
}

/** Trino's words for a statement its grammar rejects: where, what was found, and the line. */
function syntaxReason(sql: string, error: unknown): string {
  const e = (isNode(error) ? error : {}) as GrammarError;
  const at = e.location?.start;
  if (!at) return `SYNTAX_ERROR: ${String(e.message ?? error).split('\n')[0]}`;
  const line = sql.split('\n')[at.line - 1]?.trim() ?? '';
  const found = e.found === null || e.found === undefined ? '<EOF>' : e.found;
  return `SYNTAX_ERROR: line ${at.line}:${at.column}: mismatched input '${found}' near: ${line}`;
}

/** Athena's reason for refusing the statement, or undefined if its structure shows none. */
export function structureRefusal(sql: string, parameters: readonly string[]): string | undefined {
  let ast: unknown;
  try {
    ast = parser.astify(sql, { database: 'trino' });
  } catch (error) {
    return syntaxReason(sql, error);
  }
  const walk = new Walk(parameters);
  walk.visit(ast, false);
  return walk.refusals[0];
}

/** Every refusal the structure shows, for tests that count them. */
export function structureRefusals(sql: string, parameters: readonly string[]): string[] {
  const walk = new Walk(parameters);
  walk.visit(parser.astify(sql, { database: 'trino' }), false);
  return walk.refusals;
}
