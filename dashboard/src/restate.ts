import type { ProvinceRow, UnitRow } from '../../core/contracts/site-data.ts';
import { FIRST_PERIOD_OF_34 } from './units.ts';

/** How province figures are drawn: in the units of their own month, or restated to today's 34. */
export type Geography = 'as_reported' | 'current';

type Summed = Exclude<keyof ProvinceRow, 'period' | 'province' | 'debt_rank'>;
// Every figure of a row is a sum over units; listing them as a record makes a new field a compile
// error here rather than a figure silently dropped from merged provinces.
const SUMMED_FIELDS: Record<Summed, true> = {
  debt_total: true,
  debt_3m_plus: true,
  employers_owing: true,
  hi_participants: true,
  hi_population: true,
  si_participants: true,
  si_labour_force: true,
  procedures_received: true,
  procedures_on_time: true,
  collection_due: true,
  collection_collected: true,
};
const SUMMED = Object.keys(SUMMED_FIELDS) as Summed[];

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
    for (const field of SUMMED) into[field] += row[field];
  }
  const byPeriod = new Map<string, ProvinceRow[]>();
  for (const row of merged.values()) byPeriod.set(row.period, [...(byPeriod.get(row.period) ?? []), row]);
  return [...byPeriod.values()].flatMap((month) =>
    month
      .sort((a, b) => b.debt_total - a.debt_total || a.province.localeCompare(b.province))
      .map((r, i) => ({ ...r, debt_rank: i + 1 })),
  );
}
