import type { UnitRow } from '../../lib/site-data.ts';

/**
 * First month reported by the 34 units (Resolution 202/2025/QH15). The page cannot import the
 * reference registry (it reads files from disk), so the value is repeated here and a unit test
 * holds it equal to REFORM_FIRST_PERIOD in lib/reference/provinces.ts.
 */
export const FIRST_PERIOD_OF_34 = '2025-07';

export type Generation = UnitRow['generation'];

export function generationOf(period: string): Generation {
  return period >= FIRST_PERIOD_OF_34 ? '34' : '63';
}

/** Looks up unit names in the geography of a month: one code can name different units in 63 and 34. */
export class UnitNames {
  private readonly byKey = new Map<string, UnitRow>();

  constructor(units: readonly UnitRow[]) {
    for (const unit of units) this.byKey.set(`${unit.generation}:${unit.code}`, unit);
  }

  /** The unit's name in the month's own geography, or among today's 34 when `current` is asked. */
  nameOf(code: string, period: string, geography: 'as_reported' | 'current' = 'as_reported'): string {
    const generation = geography === 'current' ? '34' : generationOf(period);
    return this.byKey.get(`${generation}:${code}`)?.name_vi ?? `Mã ${code}`;
  }
}
