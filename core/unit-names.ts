import type { UnitRow } from './contracts/site-data.ts';
import { REFORM_FIRST_PERIOD } from './period.ts';

/** First month reported by the 34 units (Resolution 202/2025/QH15). */
export const FIRST_PERIOD_OF_34 = REFORM_FIRST_PERIOD;

export type Generation = UnitRow['generation'];

export function generationOf(period: string): Generation {
  return period >= FIRST_PERIOD_OF_34 ? '34' : '63';
}

/** Looks up units in the geography of a month: one code can name different units in 63 and 34. */
export class UnitNames {
  private readonly byKey = new Map<string, UnitRow>();

  constructor(private readonly units: readonly UnitRow[]) {
    for (const unit of units) this.byKey.set(`${unit.generation}:${unit.code}`, unit);
  }

  private unit(code: string, period: string, geography: 'as_reported' | 'current'): UnitRow | undefined {
    const generation = geography === 'current' ? '34' : generationOf(period);
    return this.byKey.get(`${generation}:${code}`);
  }

  /** The unit's name in the month's own geography, or among today's 34 when `current` is asked. */
  nameOf(code: string, period: string, geography: 'as_reported' | 'current' = 'as_reported'): string {
    return this.unit(code, period, geography)?.name_vi ?? `Mã ${code}`;
  }

  /** The unit of a generation with this code, if any. */
  find(code: string, generation: Generation): UnitRow | undefined {
    return this.byKey.get(`${generation}:${code}`);
  }

  regionOf(code: string, period: string, geography: 'as_reported' | 'current' = 'as_reported'): string {
    return this.unit(code, period, geography)?.region_vi ?? '';
  }

  /** The units of a month's geography (or the 34), sorted by name for a picker. */
  unitsOf(period: string, geography: 'as_reported' | 'current'): UnitRow[] {
    const generation = geography === 'current' ? '34' : generationOf(period);
    return this.units
      .filter((u) => u.generation === generation)
      .sort((a, b) => a.name_vi.localeCompare(b.name_vi, 'vi'));
  }

  regions(): string[] {
    return [...new Set(this.units.map((u) => u.region_vi))].sort((a, b) => a.localeCompare(b, 'vi'));
  }
}
