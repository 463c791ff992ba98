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

  nameOf(code: string, period: string): string {
    return this.byKey.get(`${generationOf(period)}:${code}`)?.name_vi ?? `Mã ${code}`;
  }
}
