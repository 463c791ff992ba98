/**
 * The data dictionary (docs/data-dictionary.md), rendered from the dataset definitions so the
 * documentation cannot drift from what validation, the lake and Glue actually use.
 * `npm run docs` writes it; a golden-file test fails when the committed copy is stale.
 */
import { DATASETS, duckdbType, glueType, isRequired, PARTITION_COLUMNS } from './index.ts';
import { breakdownColumn, summaryMeasures, summedColumns } from './outputs.ts';
import type { ColumnDef, DatasetDef, RowRule } from './types.ts';
import { typeText } from './dictionary-types.ts';
import { targetsSection } from '../reference/targets-dictionary.ts';

function ruleText(rule: RowRule): string {
  switch (rule.kind) {
    case 'sum_equals':
      return `${rule.parts.map((p) => `\`${p}\``).join(' + ')} = \`${rule.total}\``;
    case 'not_greater':
      return `\`${rule.left}\` ≤ \`${rule.right}\``;
    case 'required_unless':
      return `\`${rule.column}\` may be empty only when \`${rule.when}\` is ${rule.values.join(' or ')}`;
    case 'all_or_none':
      return `${rule.columns.map((p) => `\`${p}\``).join(', ')} filled all together or not at all`;
    case 'paid_off':
      return `a row with ${rule.owed.map((p) => `\`${p}\``).join(' + ')} = 0 (paid off this month) has \`${rule.recovered}\` > 0 and \`${rule.months}\` = 0`;
  }
}

function columnRow(c: ColumnDef): string {
  const flags = [isRequired(c) ? 'required' : 'optional', c.unique ? 'unique in the file' : '']
    .filter(Boolean)
    .join(', ');
  return `| \`${c.key}\` | ${c.vi} | ${c.en} | ${typeText(c.type)} | ${flags} | ${duckdbType(c.type)} / ${glueType(c.type)} |`;
}

/** What the dataset's columns become on the output side: the section page's columns and the summary measures. */
function outputLines(d: DatasetDef): string[] {
  const summed = summedColumns(d);
  if (summed.length === 0) return [];
  const breakdown = breakdownColumn(d);
  const measures = summaryMeasures(d);
  const measuresOf = (key: string) =>
    measures
      .filter((m) => m.column === key)
      .map((m) => `\`${m.name}\``)
      .join(', ') || '—';
  return [
    `Figures: the dashboard's \`${d.name}.json\` rows${breakdown ? ` (one per \`${breakdown.output.name}\`, from \`${breakdown.column.key}\`)` : ''} and the summary measures (\`vss.summaries\`).`,
    '',
    '| column | site data | meaning | summary measures |',
    '|---|---|---|---|',
    ...summed.map(
      (s) => `| \`${s.column.key}\` | \`${s.output.name}\` | ${s.output.en} | ${measuresOf(s.column.key)} |`,
    ),
    '',
    ...(summed.some((s) => !isRequired(s.column))
      ? [
          'An optional column is no summary measure (a summary would add a missing cell as 0): its site data is null where a report did not carry it, and analysts sum it from the lake table, where it is NULL.',
          '',
        ]
      : []),
  ];
}

function datasetSection(d: DatasetDef): string {
  const rules = d.rowRules.map((r) => `- ${ruleText(r)} (${r.severity})`);
  return [
    `## \`${d.name}\` — ${d.titleVi} (${d.titleEn})`,
    '',
    `One row: ${d.grainEn} (${d.grainVi}). Analysts query it as \`vss.${d.name}\`.`,
    '',
    '| key | Vietnamese header | meaning | type and rule | presence | Parquet / Glue |',
    '|---|---|---|---|---|---|',
    ...d.columns.map(columnRow),
    ...PARTITION_COLUMNS.map(
      (p) =>
        `| \`${p}\` | — | ${p === 'period' ? 'reporting month YYYY-MM' : 'GSO code of the unit'} | from the upload's location | always | partition / string |`,
    ),
    '',
    ...(rules.length ? ['Rules across cells of a row:', '', ...rules, ''] : []),
    ...versionLines(d),
    ...outputLines(d),
  ].join('\n');
}

/** A later template version: from which period, what it drops and adds, how older rows read. */
function versionLines(d: DatasetDef): string[] {
  return (d.versions ?? []).flatMap((v) => {
    const reads = Object.entries(v.reads).flatMap(([dropped, codes]) =>
      Object.entries(codes).map(
        ([code, values]) =>
          `- \`${dropped}\` = \`${code}\` reads as ${Object.entries(values)
            .map(([k, value]) => `\`${k}\` = ${value === null ? 'NULL (not known)' : `\`${value}\``}`)
            .join(', ')}`,
      ),
    );
    const added = v.adds.flatMap((a) => a.columns);
    return [
      `### Template version ${v.version}, for periods from ${v.from}`,
      '',
      `Uploads for ${v.from} and later are checked against this version (earlier ones against the one before); a file of another version is refused with \`file.wrong_version\`. It drops ${v.drops.map((k) => `\`${k}\``).join(', ')} and adds:`,
      '',
      '| key | Vietnamese header | meaning | type and rule | presence | Parquet / Glue |',
      '|---|---|---|---|---|---|',
      ...added.map(columnRow),
      '',
      ...(v.rowRules.length
        ? [
            'Its rules across cells of a row:',
            '',
            ...v.rowRules.map((r) => `- ${ruleText(r)} (${r.severity})`),
            '',
          ]
        : []),
      `\`vss.${d.name}\` has the columns of every version; a column a row's version lacks is NULL. Read over both versions (\`queries/${d.name}_rows.sql\`), an older row's dropped column reads as:`,
      '',
      ...reads,
      '',
      `and a row of version ${v.version} reads back as the older code its values match.`,
      '',
    ];
  });
}

export function renderDataDictionary(): string {
  return [
    '# Data dictionary',
    '',
    'Generated from `core/datasets/` by `npm run docs`; do not edit by hand.',
    '',
    'Headers are matched without regard to case, diacritics, spacing or punctuation; the column key',
    'itself is accepted as a header too. Amounts are whole VND: "1.234.567", "1,234,567" and',
    '"1234567" are the same amount; a decimal part is an error. Category cells accept the',
    'Vietnamese label (with or without diacritics) or the English code, which is what is stored.',
    '',
    ...Object.values(DATASETS).map(datasetSection),
    targetsSection(),
  ].join('\n');
}
