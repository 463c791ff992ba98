/** A query result as an aligned text table for the terminal; numbers right-aligned. */
import type { QueryResult } from './engine.ts';

const text = (value: unknown): string =>
  value === null || value === undefined ? '' : typeof value === 'string' ? value : JSON.stringify(value);

export function toTable(result: QueryResult): string {
  const names = result.columns.map((c) => c.name);
  const cells = result.rows.map((row) => names.map((n) => text(row[n])));
  const numeric = names.map(
    (n) => result.rows.length > 0 && result.rows.every((r) => typeof r[n] === 'number' || r[n] === null),
  );
  const widths = names.map((n, i) => Math.max(n.length, ...cells.map((c) => (c[i] ?? '').length)));
  const line = (values: string[]) =>
    values
      .map((v, i) => (numeric[i] ? v.padStart(widths[i] ?? 0) : v.padEnd(widths[i] ?? 0)))
      .join('  ')
      .trimEnd();
  const rule = widths.map((w) => '-'.repeat(w)).join('  ');
  const count = `(${result.rows.length} ${result.rows.length === 1 ? 'row' : 'rows'})`;
  return [line(names), rule, ...cells.map(line), count].join('\n') + '\n';
}
