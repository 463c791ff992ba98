/**
 * The data dictionary's section on the national targets (docs/data-dictionary.md), rendered from
 * their one definition (targets-dataset.ts) like the provincial datasets' sections are.
 */
import { isRequired } from '../datasets/types.ts';
import { typeText } from '../datasets/dictionary-types.ts';
import { storedType } from './national-dataset.ts';
import { TARGETS_HISTORY_TABLE, TARGETS_TABLE } from './reference-tables.ts';
import { targetsDataset } from './targets-dataset.ts';

const STORED = { text: 'VARCHAR / string', bigint: 'BIGINT / bigint', double: 'DOUBLE / double' } as const;

export function targetsSection(): string {
  const d = targetsDataset;
  const key = d.key.map((k) => `\`${k}\``).join(', ');
  return [
    `## \`${d.name}\` — ${d.titleVi} (${d.titleEn}), a national reference`,
    '',
    `One row: ${d.grainEn} (${d.grainVi}). The national office loads a decision's file with ` +
      '`vss targets load` (template: `vss template targets`); provinces do not upload it.',
    '',
    `Within one decision each ${key} appears once. A later \`${d.decision.date}\` supersedes an ` +
      'earlier decision for the same unit and year: analysts query the targets in force as ' +
      `\`vss.${TARGETS_TABLE.name}\` and every decision, superseded ones included, as ` +
      `\`vss.${TARGETS_HISTORY_TABLE.name}\`. A coverage upload's own \`chi_tieu_giao\` is checked ` +
      'against the targets in force (a warning when it differs) and the figures use the assigned one.',
    '',
    '| key | Vietnamese header | meaning | type and rule | presence | stored (DuckDB / Glue) |',
    '|---|---|---|---|---|---|',
    ...d.columns.map(
      (c) =>
        `| \`${c.key}\` | ${c.vi} | ${c.en} | ${typeText(c.type)} | ${isRequired(c) ? 'required' : 'optional'} | ${STORED[storedType(c)]} |`,
    ),
    '',
  ].join('\n');
}
