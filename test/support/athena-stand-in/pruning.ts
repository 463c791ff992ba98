/**
 * Which projected partition locations Athena would read for a statement: each read of a
 * projected table keeps, of its keys' projected values, those its SELECT's WHERE constrains with
 * plain predicates on that key (=, IN, BETWEEN, <, <=, >, >=, against literals or parameters,
 * ANDed at the top of the WHERE). Anything else (a join, a CTE's column, an OR) prunes nothing,
 * as Athena cannot fold it before projecting: every location of the range is then listed.
 */
import nodeSqlParser from 'node-sql-parser';
import { parseLiteral } from './literals.ts';
import type { ProjectedTable } from './projection.ts';

type Node = Record<string, unknown>;
const isNode = (v: unknown): v is Node => typeof v === 'object' && v !== null;
const parser = new nodeSqlParser.Parser();

type Constraint = (value: string) => boolean;

function placeholders(ast: unknown): Map<Node, number> {
  const order = new Map<Node, number>();
  const walk = (v: unknown): void => {
    if (Array.isArray(v)) return v.forEach(walk);
    if (!isNode(v)) return;
    if (v.type === 'origin' && v.value === '?') order.set(v, order.size);
    Object.values(v).forEach(walk);
  };
  walk(ast);
  return order;
}

function conjuncts(where: unknown): Node[] {
  if (!isNode(where)) return [];
  if (where.type === 'binary_expr' && String(where.operator).toUpperCase() === 'AND')
    return [...conjuncts(where.left), ...conjuncts(where.right)];
  return [where];
}

const COMPARE: Record<string, (a: string, b: string) => boolean> = {
  '=': (a, b) => a === b,
  '<': (a, b) => a < b,
  '<=': (a, b) => a <= b,
  '>': (a, b) => a > b,
  '>=': (a, b) => a >= b,
};

export class PruningReader {
  private readonly order: Map<Node, number>;
  readonly read = new Map<string, Set<string>>();

  constructor(
    private readonly tables: readonly ProjectedTable[],
    sql: string,
    private readonly values: readonly (string | number)[],
  ) {
    const ast = parser.astify(sql, { database: 'trino' });
    this.order = placeholders(ast);
    this.visit(ast);
  }

  private literal(node: unknown): string | undefined {
    if (!isNode(node)) return undefined;
    if (node.type === 'origin' && node.value === '?') {
      const value = this.values[this.order.get(node) ?? -1];
      return value === undefined ? undefined : String(value);
    }
    if (node.type === 'single_quote_string' || node.type === 'number') return String(node.value);
    return undefined;
  }

  private column(node: unknown, alias: string, only: boolean): string | undefined {
    if (!isNode(node) || node.type !== 'column_ref') return undefined;
    if (node.table !== null && node.table !== alias && !(node.table === undefined && only)) return undefined;
    if (node.table === null && !only) return undefined;
    const c = node.column;
    return typeof c === 'string' ? c : isNode(c) && isNode(c.expr) ? String(c.expr.value) : undefined;
  }

  private constraints(where: unknown, alias: string, only: boolean): Map<string, Constraint[]> {
    const found = new Map<string, Constraint[]>();
    const add = (key: string, c: Constraint) => found.set(key, [...(found.get(key) ?? []), c]);
    for (const p of conjuncts(where)) {
      if (p.type !== 'binary_expr') continue;
      const key = this.column(p.left, alias, only);
      if (!key) continue;
      const op = String(p.operator).toUpperCase();
      const list = isNode(p.right) && Array.isArray(p.right.value) ? (p.right.value as unknown[]) : [];
      const compare = COMPARE[op];
      if (compare) {
        const v = this.literal(p.right);
        if (v !== undefined) add(key, (x) => compare(x, v));
      } else if (op === 'IN') {
        const vs = list.map((n) => this.literal(n));
        if (vs.every((v) => v !== undefined)) add(key, (x) => vs.includes(x));
      } else if (op === 'BETWEEN') {
        const [lo, hi] = list.map((n) => this.literal(n));
        if (lo !== undefined && hi !== undefined) add(key, (x) => x >= lo && x <= hi);
      }
    }
    return found;
  }

  private readTable(table: ProjectedTable, where: unknown, alias: string, only: boolean): void {
    const constraints = this.constraints(where, alias, only);
    let locations = [table.template];
    for (const key of table.keys) {
      const kept = (table.values[key] ?? []).filter((v) => (constraints.get(key) ?? []).every((c) => c(v)));
      locations = locations.flatMap((l) => kept.map((v) => l.replace(`\${${key}}`, v)));
    }
    const seen = this.read.get(table.name) ?? new Set<string>();
    for (const l of locations) seen.add(l);
    this.read.set(table.name, seen);
  }

  private visit(v: unknown): void {
    if (Array.isArray(v)) return v.forEach((x) => this.visit(x));
    if (!isNode(v)) return;
    if (v.type === 'select' && Array.isArray(v.from)) {
      const from = v.from as Node[];
      const direct = from.filter((f) => f.db === 'vss' && typeof f.table === 'string');
      for (const f of direct) {
        const alias = String(f.as ?? f.table);
        for (const table of this.tables.filter(
          (t) => t.name === f.table || t.views.includes(String(f.table)),
        ))
          this.readTable(table, v.where, alias, direct.length === 1);
      }
    }
    Object.values(v).forEach((x) => this.visit(x));
  }
}

/** Locations read per projected table, for SQL and its values (Athena literals are parsed). */
export function projectedReads(
  tables: readonly ProjectedTable[],
  sql: string,
  values: readonly string[],
): Map<string, Set<string>> {
  return new PruningReader(tables, sql, values.map(parseLiteral)).read;
}
