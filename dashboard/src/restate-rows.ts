import type { UnitRow } from '../../core/contracts/site-data.ts';
import { FIRST_PERIOD_OF_34 } from '../../core/unit-names.ts';

interface Located {
  period: string;
  province: string;
}

/**
 * Rows of a section page restated to the 34 current units: rows of old units that merged are
 * summed over `summed`, keeping apart rows that differ in any other text field (scheme, stage…).
 * Months from July 2025 are already in the 34 units and pass through unchanged.
 */
export function restateRows<T extends Located>(
  rows: readonly T[],
  units: readonly UnitRow[],
  summed: readonly (keyof T)[],
): T[] {
  const currentOf = new Map(units.filter((u) => u.generation === '63').map((u) => [u.code, u.current_code]));
  const merged = new Map<string, T>();
  for (const row of rows) {
    const province =
      row.period < FIRST_PERIOD_OF_34 ? (currentOf.get(row.province) ?? row.province) : row.province;
    const moved: T = { ...row, province };
    const key = Object.values(moved)
      .filter((v) => typeof v === 'string')
      .join('|');
    const into = merged.get(key);
    if (!into) {
      merged.set(key, moved);
      continue;
    }
    for (const field of summed) {
      // a figure missing from one old unit (a target not assigned) leaves the merged one missing
      const total =
        into[field] === null || row[field] === null ? null : Number(into[field]) + Number(row[field]);
      Object.assign(into, { [field]: total });
    }
  }
  return [...merged.values()];
}
