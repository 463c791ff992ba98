/**
 * What Athena (engine 3, Trino) refuses that can be seen in the text itself, before any grammar:
 * DuckDB-only syntax and functions the Trino grammar of node-sql-parser lets through, `?` inside
 * quotes, and `concat`, whose NULL handling differs between the engines (Trino returns NULL on a
 * NULL argument, DuckDB skips it), so a query must use `||` (NULL on both) with COALESCE instead.
 */

/** The text with string literals, quoted names and comments blanked, positions kept. */
const TOKENS = /'(?:[^']|'')*'|"(?:[^"]|"")*"|--[^\n]*|\/\*[\s\S]*?\*\//g;

export function codeOnly(sql: string): string {
  return sql.replace(TOKENS, (m) => m.replace(/[^\n]/g, ' '));
}

function lineColumn(sql: string, index: number): string {
  const before = sql.slice(0, index).split('\n');
  return `line ${before.length}:${(before.at(-1)?.length ?? 0) + 1}`;
}

const DUCKDB_SYNTAX: readonly [RegExp, string][] = [
  [/::/, "'::' casts (use CAST(x AS type))"],
  [/\bCOLUMNS\s*\(/i, 'COLUMNS(...) expressions'],
  [/\bGROUP\s+BY\s+ALL\b/i, 'GROUP BY ALL'],
  [/\bORDER\s+BY\s+ALL\b/i, 'ORDER BY ALL'],
  [/\bQUALIFY\b/i, 'QUALIFY'],
  [/\bEXCLUDE\s*\(/i, 'SELECT * EXCLUDE'],
  [/\*\s*REPLACE\s*\(/i, 'SELECT * REPLACE'],
  [/\bILIKE\b/i, 'ILIKE'],
  [/\b(?:ANTI|SEMI|ASOF|POSITIONAL)\s+JOIN\b/i, 'DuckDB join kinds'],
  [/\bUSING\s+SAMPLE\b/i, 'USING SAMPLE'],
  [/\bPIVOT\b|\bUNPIVOT\b/i, 'PIVOT'],
];

/** Functions DuckDB has and Trino does not register (Trino's own name in the message). */
const DUCKDB_FUNCTIONS: Readonly<Record<string, string>> = {
  strftime: 'date_format',
  strptime: 'date_parse',
  ifnull: 'coalesce',
  nvl: 'coalesce',
  string_agg: 'listagg / array_join(array_agg(...))',
  group_concat: 'listagg',
  list: 'array_agg',
  list_value: 'ARRAY[...]',
  list_extract: 'element_at',
  list_aggregate: 'reduce',
  struct_pack: 'CAST(ROW(...) AS ROW(...))',
  epoch_ms: 'from_unixtime',
  regexp_matches: 'regexp_like',
  read_parquet: 'a catalog table',
  read_csv: 'a catalog table',
  read_csv_auto: 'a catalog table',
  read_json: 'a catalog table',
  read_json_auto: 'a catalog table',
  generate_series: 'sequence',
  range: 'sequence',
  median: 'approx_percentile',
  arg_max: 'max_by',
  arg_min: 'min_by',
  datediff: 'date_diff',
  printf: 'format',
  list_sort: 'array_sort',
  len: 'length',
  strlen: 'length',
  array_length: 'cardinality',
};

/** Athena's reason for refusing the text's syntax, or undefined if it shows nothing it refuses. */
export function syntaxRefusal(sql: string, hasParameters: boolean): string | undefined {
  const code = codeOnly(sql);
  for (const [pattern, what] of DUCKDB_SYNTAX) {
    const found = pattern.exec(code);
    if (found) return `SYNTAX_ERROR: ${lineColumn(sql, found.index)}: ${what} is DuckDB syntax, not Trino's`;
  }
  const file = /\bFROM\s+'/i.exec(sql.replace(/--[^\n]*/g, (m) => ' '.repeat(m.length)));
  if (file)
    return `SYNTAX_ERROR: ${lineColumn(sql, file.index)}: FROM 'file' is DuckDB syntax (read a table of the catalog)`;
  const list = /(?:^|[\s(,=])\[/.exec(code);
  if (list)
    return `SYNTAX_ERROR: ${lineColumn(sql, list.index)}: list literals [...] are DuckDB syntax (Trino: ARRAY[...])`;
  if (hasParameters) {
    const quoted = [...sql.matchAll(TOKENS)].find(
      (m) => !m[0].startsWith('-') && !m[0].startsWith('/') && m[0].includes('?'),
    );
    if (quoted)
      return `GENERIC_USER_ERROR: ${lineColumn(sql, quoted.index)}: a ? inside quotes is text, not a parameter: ${quoted[0]}`;
  }
  return undefined;
}

/** Athena's reason for refusing a function the text calls (or the stand-in's, for concat). */
export function functionRefusal(sql: string): string | undefined {
  const code = codeOnly(sql);
  for (const call of code.matchAll(/\b([a-z_][a-z0-9_]*)\s*\(/gi)) {
    const name = (call[1] ?? '').toLowerCase();
    const trino = DUCKDB_FUNCTIONS[name];
    if (trino) {
      return `FUNCTION_NOT_FOUND: ${lineColumn(sql, call.index)}: Function '${name}' not registered (Trino: ${trino})`;
    }
    if (name === 'concat') {
      return `NOT_SUPPORTED: ${lineColumn(sql, call.index)}: concat returns NULL on a NULL argument in Athena but skips it in DuckDB; use || with COALESCE`;
    }
  }
  return undefined;
}
