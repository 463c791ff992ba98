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
import { breakdownColumn, categoryCodes, summedColumns, type DatasetDef } from '../../core/datasets/index.ts';
import { procedures } from '../../core/datasets/procedures.ts';
import { prosecution } from '../../core/datasets/prosecution.ts';
import {
  ASSIGNED_TARGETS,
  COMPARED_MEASURES,
  NATIONAL_SUMS,
  type AssignedTarget,
  type NationalSum,
} from '../../core/contracts/site-data.ts';
import { TARGET_SCHEMES } from '../../core/reference/targets.ts';
import { ART216, DEBT_BREAKDOWN_MEASURES } from '../../core/measures.ts';
import { MEASURE_BREAKS } from '../../core/measure-breaks.ts';
import { debtColumnsSelect, debtVersionSelect } from './debt-versions-sql.ts';

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

/** SUM over vss.summaries of the measures each figure adds up (NATIONAL_SUMS). */
const sums = (keys: readonly NationalSum[]): string[] =>
  keys.map((key) => {
    const measures: readonly string[] = NATIONAL_SUMS[key];
    const test =
      measures.length === 1
        ? `measure = ${quote(measures[0] ?? '')}`
        : `measure IN (${measures.map(quote).join(', ')})`;
    return `SUM(CASE WHEN ${test} THEN value ELSE 0 END) AS ${key}`;
  });
const NATIONAL = Object.keys(NATIONAL_SUMS) as NationalSum[];
/** provinceRow's figures: the compared measures. */
const PROVINCE = Object.keys(COMPARED_MEASURES) as (keyof typeof COMPARED_MEASURES)[];

/**
 * The funnel's stages in the schema's order: each with its place and its step on the ladder
 * sent -> accepted -> prosecuted -> tried (0 for an exit).
 */
function stageRows(): string[] {
  const column = prosecution.columns.find((c) => c.key === 'trang_thai');
  const options = column?.type.kind === 'category' ? column.type.options : [];
  let ladder = 0;
  return options.map((o, i) => {
    const step = 'exit' in o && o.exit ? 0 : ++ladder;
    return i === 0
      ? `SELECT ${quote(o.code)} AS stage, ${i + 1} AS stage_order, ${step} AS ladder`
      : `UNION ALL SELECT ${quote(o.code)}, ${i + 1}, ${step}`;
  });
}

/** The participants of only the units the reference assigns a target (national_figures). */
const TARGETED = 'targeted';

/**
 * national_figures' coverage rates: per scheme, its participants (the first summed column) over
 * each other summed column (target, base), as `<scheme>_pct_of_<name>`. Against the target the
 * participants are those of the units that have one (`<scheme>_<people>_targeted`), like for like.
 */
function coverageRatios(): string[] {
  const [people, ...over] = summedColumns(coverage).map((s) => s.output.name);
  const rows = categoryCodes(coverage, 'loai_hinh').flatMap((code) =>
    over.map((name) =>
      [
        `${code}_pct_of_${name}`,
        name === 'target' ? `${code}_${people}_${TARGETED}` : `${code}_${people}`,
        `${code}_${name}`,
      ].map(quote),
    ),
  );
  return rows.map(([measure, numerator, denominator], i) =>
    i === 0
      ? `SELECT ${measure} AS measure, ${numerator} AS numerator, ${denominator} AS denominator`
      : `UNION ALL SELECT ${measure}, ${numerator}, ${denominator}`,
  );
}

const ASSIGNED = Object.keys(ASSIGNED_TARGETS) as AssignedTarget[];
/** Each national target as the sum of its reference columns on one row of vss.targets `t`. */
const assignedOf = (key: AssignedTarget): string =>
  (ASSIGNED_TARGETS[key] as readonly string[]).map((c) => `t.${c}`).join(' + ');

/** A coverage scheme's target measure in the summaries, and its column in vss.targets. */
const schemeTargets = TARGET_SCHEMES.map((s) => ({ measure: `${s}_target`, column: `target_${s}` }));

/**
 * national_figures' targets per scheme from the reference, one row per slot and month, summed
 * over the units of the coverage_targets CTE that have one (SUM leaves a missing one out).
 */
function assignedMeasures(): string[] {
  const rows = [
    ...schemeTargets.map((t) => `${quote(t.measure)} AS measure, CAST(SUM(${t.column}) AS DOUBLE) AS value`),
    `'target_units' AS measure, CAST(COUNT(${schemeTargets[0]?.column ?? ''}) AS DOUBLE) AS value`,
  ].map((r) => `SELECT slot, period, ${r} FROM coverage_targets GROUP BY slot, period`);
  const people = summedColumns(coverage)[0]?.output.name ?? '';
  const targeted = TARGET_SCHEMES.map(
    (s) =>
      `SELECT s.slot, s.period, '${s}_${people}_${TARGETED}' AS measure, CAST(SUM(s.value) AS DOUBLE) AS value ` +
      `FROM slots s JOIN coverage_targets c ON c.slot = s.slot AND c.province = s.province ` +
      `WHERE s.dataset = 'coverage' AND s.measure = '${s}_${people}' GROUP BY s.slot, s.period`,
  );
  return [...rows, ...targeted].map((r, i) => `${i === 0 ? '' : 'UNION ALL '}${r}`);
}

/**
 * national_figures' breaks (core/measure-breaks.ts): per measure whose meaning a template version
 * changed, the reason and that version's first month; an empty relation when there is none.
 */
function measureBreaks(): string[] {
  if (MEASURE_BREAKS.length === 0)
    return [
      'SELECT CAST(NULL AS VARCHAR) AS measure, CAST(NULL AS VARCHAR) AS reason, CAST(NULL AS VARCHAR) AS break_from WHERE 1 = 0',
    ];
  return MEASURE_BREAKS.map((b, i) =>
    i === 0
      ? `SELECT ${quote(b.measure)} AS measure, ${quote(b.reason)} AS reason, ${quote(b.from)} AS break_from`
      : `UNION ALL SELECT ${quote(b.measure)}, ${quote(b.reason)}, ${quote(b.from)}`,
  );
}

/**
 * Each part as its lines (without indentation) and whether a comma follows the last; `rows`
 * parts are lines of their own, with no comma between them.
 */
const PARTS: Record<string, () => { lines: string[]; more: boolean; rows?: true }> = {
  prosecution_stages: () => ({ lines: stageRows(), more: false, rows: true }),
  coverage_ratios: () => ({ lines: coverageRatios(), more: false, rows: true }),
  measure_breaks: () => ({ lines: measureBreaks(), more: false, rows: true }),
  coverage_select: () => ({ lines: pageSelect(coverage), more: false }),
  enforcement_select: () => ({ lines: pageSelect(enforcement), more: false }),
  procedures_select: () => ({ lines: pageSelect(procedures), more: false }),
  national_sums: () => ({ lines: sums(NATIONAL), more: false }),
  national_coalesce: () => ({ lines: NATIONAL.map((k) => `COALESCE(t.${k}, 0) AS ${k}`), more: true }),
  assigned_sums: () => ({ lines: ASSIGNED.map((k) => `SUM(${assignedOf(k)}) AS ${k}`), more: false }),
  assigned_columns: () => ({ lines: ASSIGNED.map((k) => `a.${k} AS ${k}`), more: true }),
  assigned_parts: () => ({
    lines: ASSIGNED.map((k) => `CASE WHEN p.dataset = 'coverage' THEN ${assignedOf(k)} END AS ${k}`),
    more: true,
  }),
  assigned_measures: () => ({ lines: assignedMeasures(), more: false, rows: true }),
  upload_targets: () => ({ lines: [schemeTargets.map((t) => quote(t.measure)).join(', ')], more: false }),
  province_sums: () => ({ lines: sums(PROVINCE), more: false }),
  province_coalesce: () => ({ lines: PROVINCE.map((k) => `COALESCE(f.${k}, 0) AS ${k}`), more: true }),
  province_columns: () => ({ lines: [...PROVINCE], more: true }),
  debt_columns: () => ({ lines: debtColumnsSelect(), more: false }),
  debt_version: () => ({ lines: debtVersionSelect(), more: true }),
  // the status as version 1 showed it, then the nature and the action apart (either may be NULL)
  debt_status: () => ({
    lines: [' AS tinh_trang', ' AS tinh_chat', ' AS bien_phap'].map(
      (as) => debtColumnsSelect().find((l) => l.endsWith(as)) ?? '',
    ),
    more: false,
  }),
  // NULL, not 0, where a unit-month's summary has no such measure (see debtBreakdownRow)
  debt_breakdown: () => ({
    lines: DEBT_BREAKDOWN_MEASURES.map((m) => `SUM(CASE WHEN measure = ${quote(m)} THEN value END) AS ${m}`),
    more: false,
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
    const { lines: body, more, rows } = part();
    const comma = (k: number) => !rows && (k < body.length - 1 || more);
    body.forEach((b, k) => out.push(`${indent}${b}${comma(k) ? ',' : ''}`));
    out.push(lines[end] ?? '');
    i = end;
  }
  return out.join('\n');
}

/** The names of the generated parts, for the test that each is used. */
export const GENERATED_PARTS: readonly string[] = Object.keys(PARTS);
