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
import { Targets, type TargetRow } from '../../core/reference/targets.ts';
import { referenceDir } from './provinces.ts';

export const TARGETS_FILE = 'targets.csv';

/** The flat row: vss.targets' columns, in order, as both engines type them. */
export interface TargetTableRow {
  year: string;
  generation: '63' | '34';
  province: string;
  target_si_compulsory: number;
  target_si_voluntary: number;
  target_ui: number;
  target_hi: number;
  late_rate_target_bp: number;
  plan_bhxh: number;
  plan_bhyt: number;
  plan_bhtn: number;
  decision_no: string;
  decision_date: string;
}

export const TARGET_TABLE_COLUMNS = [
  'year',
  'generation',
  'province',
  'target_si_compulsory',
  'target_si_voluntary',
  'target_ui',
  'target_hi',
  'late_rate_target_bp',
  'plan_bhxh',
  'plan_bhyt',
  'plan_bhtn',
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
    target_si_compulsory: r.participants.si_compulsory,
    target_si_voluntary: r.participants.si_voluntary,
    target_ui: r.participants.ui,
    target_hi: r.participants.hi,
    late_rate_target_bp: r.late_rate_target_bp,
    plan_bhxh: r.collection_plan.bhxh,
    plan_bhyt: r.collection_plan.bhyt,
    plan_bhtn: r.collection_plan.bhtn,
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
  target_si_compulsory: whole,
  target_si_voluntary: whole,
  target_ui: whole,
  target_hi: whole,
  late_rate_target_bp: whole,
  plan_bhxh: whole,
  plan_bhyt: whole,
  plan_bhtn: whole,
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
        participants: {
          si_compulsory: r.target_si_compulsory,
          si_voluntary: r.target_si_voluntary,
          ui: r.target_ui,
          hi: r.target_hi,
        },
        late_rate_target_bp: r.late_rate_target_bp,
        collection_plan: { bhxh: r.plan_bhxh, bhyt: r.plan_bhyt, bhtn: r.plan_bhtn },
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
