/**
 * The national targets reference as a file beside the province registry (reference/targets.csv):
 * one row per year and unit, flat, the columns the vss.targets table carries on both engines.
 * The decision that set a year's targets is named on each row; the file in the repository is the
 * sample's (tools/write-targets.ts), to be replaced by the decisions' figures.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { FUNDS } from '../../core/measures.ts';
import {
  TARGET_SCHEMES,
  Targets,
  type TargetRow,
  type TargetScheme,
} from '../../core/reference/targets.ts';
import { referenceDir } from './provinces.ts';

export const TARGETS_FILE = 'targets.csv';

type Fund = (typeof FUNDS)[number];
const targetColumn = (s: TargetScheme) => `target_${s}` as const;
const planColumn = (f: Fund) => `plan_${f}` as const;

/** The flat row: vss.targets' columns, in order, as both engines type them: a target per scheme, a plan per fund. */
export type TargetTableRow = {
  year: string;
  generation: '63' | '34';
  province: string;
  late_rate_target_bp: number;
  decision_no: string;
  decision_date: string;
} & Record<ReturnType<typeof targetColumn>, number> &
  Record<ReturnType<typeof planColumn>, number>;

export const TARGET_TABLE_COLUMNS = [
  'year',
  'generation',
  'province',
  ...TARGET_SCHEMES.map(targetColumn),
  'late_rate_target_bp',
  ...FUNDS.map(planColumn),
  'decision_no',
  'decision_date',
] as const satisfies readonly (keyof TargetTableRow)[];

export const TEXT_TARGET_COLUMNS: ReadonlySet<string> = new Set([
  'year',
  'generation',
  'province',
  'decision_no',
  'decision_date',
]);

export function tableRow(r: TargetRow): TargetTableRow {
  return {
    year: String(r.year),
    generation: r.generation,
    province: r.province,
    ...(Object.fromEntries(TARGET_SCHEMES.map((s) => [targetColumn(s), r.participants[s]])) as Record<
      ReturnType<typeof targetColumn>,
      number
    >),
    late_rate_target_bp: r.late_rate_target_bp,
    ...(Object.fromEntries(FUNDS.map((f) => [planColumn(f), r.collection_plan[f]])) as Record<
      ReturnType<typeof planColumn>,
      number
    >),
    decision_no: r.decision_no,
    decision_date: r.decision_date,
  };
}

const csvCell = (v: string | number) => (typeof v === 'number' ? String(v) : `"${v.replaceAll('"', '""')}"`);

export function targetsCsv(rows: readonly TargetRow[]): string {
  const lines = rows.map((r) => {
    const flat = tableRow(r);
    return TARGET_TABLE_COLUMNS.map((c) => csvCell(flat[c])).join(',');
  });
  return [TARGET_TABLE_COLUMNS.join(','), ...lines].join('\n').concat('\n');
}

const whole = z.coerce.number().int().min(0);
const fileRow = z.object({
  year: z.coerce.number().int(),
  generation: z.enum(['63', '34']),
  province: z.string(),
  ...(Object.fromEntries(TARGET_SCHEMES.map((t) => [targetColumn(t), whole])) as Record<
    ReturnType<typeof targetColumn>,
    typeof whole
  >),
  late_rate_target_bp: whole,
  ...(Object.fromEntries(FUNDS.map((f) => [planColumn(f), whole])) as Record<
    ReturnType<typeof planColumn>,
    typeof whole
  >),
  decision_no: z.string(),
  decision_date: z.string(),
});

export function parseTargetsCsv(text: string | Buffer): Targets {
  const records: unknown[] = parse(text, { columns: true, bom: true });
  return new Targets(
    records.map((record) => {
      const r = fileRow.parse(record);
      return {
        year: r.year,
        generation: r.generation,
        province: r.province,
        participants: Object.fromEntries(TARGET_SCHEMES.map((t) => [t, r[targetColumn(t)]])) as Record<
          TargetScheme,
          number
        >,
        late_rate_target_bp: r.late_rate_target_bp,
        collection_plan: Object.fromEntries(FUNDS.map((f) => [f, r[planColumn(f)]])) as Record<Fund, number>,
        decision_no: r.decision_no,
        decision_date: r.decision_date,
      };
    }),
  );
}

let cached: Targets | undefined;
/** The targets read once per process from the reference folder. */
export function nationalTargets(): Targets {
  cached ??= parseTargetsCsv(readFileSync(join(referenceDir(), TARGETS_FILE)));
  return cached;
}
