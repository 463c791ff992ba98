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
import { columnNames, TARGETS_TABLE, type TargetTableRow } from '../../core/reference/reference-tables.ts';
import { referenceDir } from './provinces.ts';

export const TARGETS_FILE = 'targets.csv';
/** The seed as the Parquet object the deploy writes first into the lake (infra/constructs/targets-seed.ts). */
export const TARGETS_SEED_PARQUET = 'targets.parquet';

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

/** The file's columns are vss.targets' (core/reference/reference-tables.ts), in its order. */
const TARGET_COLUMNS = columnNames(TARGETS_TABLE);

const csvCell = (v: string | number) => (typeof v === 'number' ? String(v) : `"${v.replaceAll('"', '""')}"`);

export function targetsCsv(rows: readonly TargetRow[]): string {
  const lines = rows.map((r) => {
    const flat = tableRow(r);
    return TARGET_COLUMNS.map((c) => csvCell(flat[c])).join(',');
  });
  return [TARGET_COLUMNS.join(','), ...lines].join('\n').concat('\n');
}

const whole = z.coerce.number().int().min(0);
/** A row of the file: the definition's columns, counts whole and never negative, year and generation checked. */
const fileRow = z.object({
  ...Object.fromEntries(TARGETS_TABLE.columns.map((c) => [c.name, c.type === 'text' ? z.string() : whole])),
  year: z.coerce.number().int(),
  generation: z.enum(['63', '34']),
});
type FileRow = Omit<TargetTableRow, 'year' | 'generation'> & { year: number; generation: '63' | '34' };

/** A flat row of the table's columns (the file, a validated upload) as a TargetRow. */
export function targetRowOf(record: unknown): TargetRow {
  // The schema is built from the definition, so its output has the definition's row shape.
  const r = fileRow.parse(record) as FileRow;
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
}

/** The file's every row: each decision it holds, the latest in force per unit-year. */
export function parseTargetsCsv(text: string | Buffer): Targets {
  const records: unknown[] = parse(text, { columns: true, bom: true });
  return new Targets(records.map(targetRowOf));
}

let cached: Targets | undefined;
/** The targets read once per process from the reference folder. */
export function nationalTargets(): Targets {
  cached ??= parseTargetsCsv(readFileSync(join(referenceDir(), TARGETS_FILE)));
  return cached;
}
