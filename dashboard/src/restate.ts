import type { ProvinceRow, UnitRow } from '../../core/contracts/site-data.ts';
import { FIRST_PERIOD_OF_34 } from '../../core/unit-names.ts';

/** How province figures are drawn: in the units of their own month, or restated to today's 34. */
export type Geography = 'as_reported' | 'current';

type Targeted = 'late_rate_target_bp' | 'collection_plan' | 'hi_target_assigned' | 'si_target_assigned';
type Summed = Exclude<keyof ProvinceRow, 'period' | 'province' | 'debt_rank' | Targeted>;
// Every figure of a row is a sum over units; listing them as a record makes a new field a compile
// error here rather than a figure silently dropped from merged provinces.
const SUMMED_FIELDS: Record<Summed, true> = {
  debt_total: true,
  debt_3m_plus: true,
  employers_owing: true,
  arrears_recovered: true,
  hi_participants: true,
  hi_population: true,
  si_participants: true,
  si_labour_force: true,
  procedures_received: true,
  procedures_on_time: true,
  procedures_late: true,
  collection_due: true,
  collection_collected: true,
};
const SUMMED = Object.keys(SUMMED_FIELDS) as Summed[];
// Assigned targets add up too, but a merged unit whose old units do not all have one has none:
// null stays null rather than becoming the part of the target that was found.
const TARGETS: Record<Exclude<Targeted, 'late_rate_target_bp'>, true> = {
  collection_plan: true,
  hi_target_assigned: true,
  si_target_assigned: true,
};
const TARGETED = Object.keys(TARGETS) as Exclude<Targeted, 'late_rate_target_bp'>[];

const addTarget = (a: number | null, b: number | null) => (a === null || b === null ? null : a + b);

/** The ceiling of a merged unit: its old units' ceilings weighted by their dues (the debt they allow). */
function mergedCeiling(into: ProvinceRow, row: ProvinceRow): number | null {
  if (into.late_rate_target_bp === null || row.late_rate_target_bp === null) return null;
  const due = into.collection_due + row.collection_due;
  if (due === 0) return Math.max(into.late_rate_target_bp, row.late_rate_target_bp);
  const allowed =
    into.late_rate_target_bp * into.collection_due + row.late_rate_target_bp * row.collection_due;
  return Math.round(allowed / due);
}

/**
 * Province rows restated to the 34 current units through the crosswalk in units.json: the old
 * units of a merged province are summed (only those that reported), then ranked again per month.
 * Months from July 2025 are already in the 34 units and pass through unchanged.
 */
export function restateToCurrent(rows: readonly ProvinceRow[], units: readonly UnitRow[]): ProvinceRow[] {
  const currentOf = new Map(units.filter((u) => u.generation === '63').map((u) => [u.code, u.current_code]));
  const merged = new Map<string, ProvinceRow>();
  for (const row of rows) {
    const province =
      row.period < FIRST_PERIOD_OF_34 ? (currentOf.get(row.province) ?? row.province) : row.province;
    const key = `${row.period}|${province}`;
    const into = merged.get(key);
    if (!into) {
      merged.set(key, { ...row, province });
      continue;
    }
    into.late_rate_target_bp = mergedCeiling(into, row); // before the dues are summed
    for (const field of SUMMED) into[field] += row[field];
    for (const field of TARGETED) into[field] = addTarget(into[field], row[field]);
  }
  const byPeriod = new Map<string, ProvinceRow[]>();
  for (const row of merged.values()) byPeriod.set(row.period, [...(byPeriod.get(row.period) ?? []), row]);
  return [...byPeriod.values()].flatMap((month) =>
    month
      .sort((a, b) => b.debt_total - a.debt_total || a.province.localeCompare(b.province))
      .map((r, i) => ({ ...r, debt_rank: i + 1 })),
  );
}
