/**
 * The national targets reference: what each unit is assigned for a year — participants per
 * scheme, the late-payment-rate ceiling and the collection plan — with the decision that set
 * them. Targets are assigned nationally, so a province's own `chi_tieu_giao` is checked against
 * this table and the figures use the table, never the province's number.
 */
import { z } from 'zod';
import { FUNDS, SCHEMES } from '../measures.ts';

/** The coverage schemes a target is assigned for: every scheme of coverage.loai_hinh. */
export const TARGET_SCHEMES = SCHEMES;
export type TargetScheme = (typeof TARGET_SCHEMES)[number];

const count = z.number().int().min(0);

export const targetRow = z.object({
  year: z.number().int().min(2015).max(2099),
  /** 63 for the units in force until 2025-06, 34 from 2025-07; 2025 has both. */
  generation: z.enum(['63', '34']),
  province: z.string().regex(/^\d{2}$/),
  participants: z.object(Object.fromEntries(SCHEMES.map((s) => [s, count])) as Record<TargetScheme, typeof count>),
  /** Ceiling of debt over a year's dues, in hundredths of a percent (259 = 2.59 %). */
  late_rate_target_bp: z.number().int().min(0).max(10_000),
  /** The year's collection plan (kế hoạch thu năm), whole VND, per fund. */
  collection_plan: z.object(Object.fromEntries(FUNDS.map((f) => [f, count])) as Record<(typeof FUNDS)[number], typeof count>),
  /** Number and date (yyyy-mm-dd) of the decision assigning the targets. */
  decision_no: z.string().min(1),
  decision_date: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
});
export type TargetRow = z.infer<typeof targetRow>;

export const targetsTable = z.array(targetRow);

/**
 * The targets of one unit for one year, looked up by the unit's generation and code. Every
 * decision is kept (history); a unit-year's targets in force are those of its latest decision by
 * decision_date, so a later decision supersedes an earlier one for the figures. Two rows for one
 * unit-year in one decision, or two decisions of the same date for it, are refused: which one
 * counts could not be told.
 */
export class Targets {
  private readonly current = new Map<string, TargetRow>();
  private readonly all: TargetRow[] = [];

  constructor(rows: readonly TargetRow[]) {
    const seen = new Set<string>();
    for (const row of targetsTable.parse(rows)) {
      const key = Targets.key(row.year, row.generation, row.province);
      const own = `${key}/${row.decision_no}`;
      if (seen.has(own)) throw new Error(`targets: two rows for ${key} in ${row.decision_no}`);
      seen.add(own);
      this.all.push(row);
      const held = this.current.get(key);
      if (held && held.decision_date === row.decision_date)
        throw new Error(`targets: ${held.decision_no} and ${row.decision_no} both of ${row.decision_date} for ${key}`);
      if (!held || row.decision_date > held.decision_date) this.current.set(key, row);
    }
  }

  private static key(year: number, generation: string, province: string): string {
    return `${year}/${generation}/${province}`;
  }

  /** The unit-year's targets in force: those of its latest decision. */
  of(year: number, generation: '63' | '34', province: string): TargetRow | undefined {
    return this.current.get(Targets.key(year, generation, province));
  }

  /** The targets in force, one row per unit-year (vss.targets). */
  rows(): TargetRow[] {
    return [...this.current.values()];
  }

  /** Every decision's rows, in the order given (vss.targets_history). */
  history(): TargetRow[] {
    return [...this.all];
  }

  /** These targets and a later decision's rows, which supersede them where they overlap. */
  with(decision: readonly TargetRow[]): Targets {
    return new Targets([...this.all, ...decision]);
  }
}
