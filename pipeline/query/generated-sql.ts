/**
 * The parts of queries/*.sql that list what the dataset definitions, the site data contract or
 * core/measures.ts already say: column renames, the national sums, the Art. 216 thresholds. The
 * files stay plain SQL that DuckDB and Athena run as they are (and analysts read); these lines sit
 * between `-- begin generated: <part>` and `-- end generated` and are written by
 * `npm run queries` (tools/write-queries.ts). A test fails when a committed file is stale, so a
 * figure added to a definition cannot be missing from the SQL it feeds.
 */
import { coverage } from '../../core/datasets/coverage.ts';
import { enforcement } from '../../core/datasets/enforcement.ts';
import { breakdownColumn, summedColumns, type DatasetDef } from '../../core/datasets/index.ts';
import { procedures } from '../../core/datasets/procedures.ts';
import { NATIONAL_SUMS } from '../../core/contracts/site-data.ts';
import { ART216 } from '../../core/measures.ts';

const quote = (text: string) => `'${text.replaceAll("'", "''")}'`;

/** A section page's select list: period, province, the breakdown column, one SUM per figure. */
function pageSelect(dataset: DatasetDef): string[] {
  const breakdown = breakdownColumn(dataset);
  return [
    'period',
    'province',
    ...(breakdown ? [`${breakdown.column.key} AS ${breakdown.output.name}`] : []),
    ...summedColumns(dataset).map((s) => `SUM(${s.column.key}) AS ${s.output.name}`),
  ];
}

/** SUM over vss.summaries of the measures each national figure adds up. */
const nationalSums = (): string[] =>
  Object.entries(NATIONAL_SUMS).map(([key, measures]) => {
    const test =
      measures.length === 1
        ? `measure = ${quote(measures[0] ?? '')}`
        : `measure IN (${measures.map(quote).join(', ')})`;
    return `SUM(CASE WHEN ${test} THEN value ELSE 0 END) AS ${key}`;
  });

/** Each part as its lines (without indentation) and whether a comma follows the last. */
const PARTS: Record<string, () => { lines: string[]; more: boolean }> = {
  coverage_select: () => ({ lines: pageSelect(coverage), more: false }),
  enforcement_select: () => ({ lines: pageSelect(enforcement), more: false }),
  procedures_select: () => ({ lines: pageSelect(procedures), more: false }),
  national_sums: () => ({ lines: nationalSums(), more: false }),
  national_coalesce: () => ({
    lines: Object.keys(NATIONAL_SUMS).map((k) => `COALESCE(t.${k}, 0) AS ${k}`),
    more: true,
  }),
  art216: () => ({
    lines: [
      `CASE WHEN x.so_thang_no >= ${ART216.months} AND (x.debt_total >= ${ART216.amountVnd} OR x.so_lao_dong >= ${ART216.employees}) THEN 1 ELSE 0 END AS art216`,
    ],
    more: false,
  }),
};

const BEGIN = /^(\s*)-- begin generated: ([a-z0-9_]+)$/;
const END = /^\s*-- end generated$/;

/** The text of a query file with every generated part written afresh from its source. */
export function withGeneratedParts(sql: string): string {
  const out: string[] = [];
  const lines = sql.split('\n');
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i] ?? '';
    out.push(line);
    const begin = BEGIN.exec(line);
    if (!begin) continue;
    const [, indent = '', name = ''] = begin;
    const part = PARTS[name];
    if (!part) throw new Error(`no generated part named ${name}`);
    const end = lines.findIndex((l, j) => j > i && END.test(l));
    if (end < 0) throw new Error(`generated part ${name} has no end line`);
    const { lines: body, more } = part();
    body.forEach((b, k) => out.push(`${indent}${b}${k < body.length - 1 || more ? ',' : ''}`));
    out.push(lines[end] ?? '');
    i = end;
  }
  return out.join('\n');
}

/** The names of the generated parts, for the test that each is used. */
export const GENERATED_PARTS: readonly string[] = Object.keys(PARTS);
