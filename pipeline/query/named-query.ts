/**
 * A named query is a file queries/<name>.sql. Its header comment says what it answers and, on a
 * `-- params: a, b=default` line, the order of its `?` placeholders (a parameter with a default
 * may be left out): positional placeholders are what Athena's execution parameters bind too, so
 * the same text runs on both engines. A name may come back in that line (Athena takes `?` only in
 * WHERE clauses, so a value used in two of them is bound twice), and previous_month and
 * previous_year are derived from period (comparison-months.ts), never given.
 */
import { readdir, readFile } from 'node:fs/promises';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { NotFoundError, UsageError } from '../../core/errors.ts';
import { QUERY_ERRORS } from '../../core/messages/index.ts';
import { comparisonValues, isComparisonParam } from '../../core/comparison-months.ts';

export interface NamedQuery {
  name: string;
  sql: string;
  /** The header's description lines, without the comment marks. */
  description: string;
  /** The parameters a caller gives, each once, in the header's order (derived ones left out). */
  params: string[];
  /** The name bound to each `?`, in the text's order. */
  placeholders: string[];
  /** Values used when a parameter is not given: `-- params: period, geography=reported`. */
  defaults: Readonly<Record<string, string>>;
  /** The positional values for `?`, in the header's order. */
  bind(values: Readonly<Record<string, string | number>>): (string | number)[];
}

const NAME = /^[a-z0-9_]+$/;

/** Where queries/ lives; a Lambda bundle ships it beside the code (VSS_QUERIES_DIR). */
export function queriesDir(): string {
  return process.env.VSS_QUERIES_DIR ?? fileURLToPath(new URL('../../queries/', import.meta.url));
}

/** Counts `?` outside string literals, quoted names and comments (an apostrophe in a comment is prose). */
export function countPlaceholders(sql: string): number {
  const skipped = /'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\/|\?/g;
  return [...sql.matchAll(skipped)].filter((m) => m[0] === '?').length;
}

export function parseNamedQuery(name: string, sql: string): NamedQuery {
  const header: string[] = [];
  for (const line of sql.split('\n')) {
    if (!line.startsWith('--')) break;
    header.push(line.replace(/^--\s?/, ''));
  }
  const paramsLine = header.find((l) => /^params:/i.test(l));
  if (paramsLine === undefined) throw new UsageError(QUERY_ERRORS.noParamsLine(name));
  const listed = paramsLine.replace(/^params:/i, '').trim();
  const entries = listed === '' || listed === 'none' ? [] : listed.split(',').map((p) => p.trim());
  const order = entries.map((e) => e.split('=')[0]?.trim() ?? e);
  const params = [...new Set(order)].filter((p) => !isComparisonParam(p));
  const defaults: Record<string, string> = {};
  for (const entry of entries) {
    const at = entry.indexOf('=');
    if (at > 0) defaults[entry.slice(0, at).trim()] = entry.slice(at + 1).trim();
  }
  const placeholders = countPlaceholders(sql);
  if (placeholders !== order.length) {
    throw new UsageError(QUERY_ERRORS.headerPlaceholders(name, placeholders, order.length));
  }
  return {
    name,
    sql,
    params,
    placeholders: order,
    defaults,
    description: header.filter((l) => l !== paramsLine).join('\n'),
    bind(values) {
      const unknown = Object.keys(values).filter((k) => !params.includes(k));
      if (unknown.length > 0) throw new UsageError(QUERY_ERRORS.noSuchParam(name, unknown.join(', ')));
      const derived = order.some(isComparisonParam) ? comparisonValues(name, values.period) : {};
      const known: Readonly<Record<string, string | number>> = { ...defaults, ...derived, ...values };
      return order.map((p) => {
        const value = known[p];
        if (value === undefined) throw new UsageError(QUERY_ERRORS.needsParam(name, p));
        return value;
      });
    },
  };
}

export async function loadNamedQuery(name: string, dir: string = queriesDir()): Promise<NamedQuery> {
  if (!NAME.test(name)) throw new UsageError(QUERY_ERRORS.notQueryName(name));
  let text: string;
  try {
    text = await readFile(join(dir, `${name}.sql`), 'utf8');
  } catch (error) {
    throw new NotFoundError(QUERY_ERRORS.noSuchQuery(name, dir), { cause: error });
  }
  return parseNamedQuery(name, text);
}

export async function listNamedQueries(dir: string = queriesDir()): Promise<string[]> {
  return (await readdir(dir))
    .filter((f) => f.endsWith('.sql'))
    .map((f) => f.slice(0, -4))
    .sort();
}
