import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { join } from 'node:path';
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import { FIRST_PERIOD, REFORM_FIRST_PERIOD, REFORM_LAST_OLD_PERIOD, type Period } from '../../core/period.ts';


export type Generation = '63' | '34';

/** A provincial unit in one generation. Unchanged provinces appear once per generation, same code. */
export interface Unit {
  code: string;
  nameVi: string;
  nameAscii: string;
  generation: Generation;
  /** First and last period the unit reports for; `validTo` null means still in force. */
  validFrom: Period;
  validTo: Period | null;
  /** The unit of the 34 that this unit is (or became part of). */
  currentCode: string;
  regionVi: string;
  regionEn: string;
  /** Average population 2020 in thousands (for the 34: the sum of the old units, comparable). */
  population2020: number;
}

/** Where the reference files live. In a Lambda bundle they sit beside the code (VSS_REFERENCE_DIR). */
export function referenceDir(): string {
  return process.env.VSS_REFERENCE_DIR ?? fileURLToPath(new URL('../../reference/', import.meta.url));
}

const row63 = z.object({
  gso_code: z.string().regex(/^\d{2}$/),
  name_vi: z.string().min(1),
  name_ascii: z.string().min(1),
  region_vi: z.string().min(1),
  region_en_gso: z.string().min(1),
  population_2020_thousand: z.coerce.number().positive(),
});
const row34 = z.object({
  new_code: z.string().regex(/^\d{2}$/),
  name_vi: z.string().min(1),
  name_ascii: z.string().min(1),
  population_2020_gso_thousand_sum_of_old: z.coerce.number().positive(),
});
const rowMerge = z.object({ old_gso_code: z.string().regex(/^\d{2}$/), new_code: z.string().regex(/^\d{2}$/) });

function readCsv<T>(dir: string, file: string, schema: z.ZodType<T>): T[] {
  const records: unknown[] = parse(readFileSync(join(dir, file)), { columns: true, bom: true });
  return records.map((r) => schema.parse(r));
}

export interface ProvinceRegistry {
  readonly units: readonly Unit[];
  /** The units that must report for `period` (63 before 2025-07, 34 from then). */
  validIn(period: Period): Unit[];
  /** The unit a code names in `period`, if that code is valid then. */
  find(code: string, period: Period): Unit | undefined;
  /** What a code of any generation is today: the code of the 34-unit it belongs to. */
  currentCodeOf(code: string): string | undefined;
  /** The old (63) units that make up a current unit. */
  predecessorsOf(currentCode: string): Unit[];
}

export function loadProvinces(dir: string = referenceDir()): ProvinceRegistry {
  const old = readCsv(dir, 'provinces63.csv', row63);
  const merge = new Map(readCsv(dir, 'merge_2025.csv', rowMerge).map((m) => [m.old_gso_code, m.new_code]));
  const oldByCode = new Map(old.map((o) => [o.gso_code, o]));
  const units: Unit[] = old.map((o) => {
    const currentCode = merge.get(o.gso_code);
    if (!currentCode) throw new Error(`merge_2025.csv has no row for ${o.gso_code}`);
    return {
      code: o.gso_code,
      nameVi: o.name_vi,
      nameAscii: o.name_ascii,
      generation: '63',
      validFrom: FIRST_PERIOD,
      validTo: REFORM_LAST_OLD_PERIOD,
      currentCode,
      regionVi: o.region_vi,
      regionEn: o.region_en_gso,
      population2020: o.population_2020_thousand,
    };
  });
  for (const n of readCsv(dir, 'provinces34.csv', row34)) {
    // A new unit's code is the old code of the province hosting its centre: its region is that one's.
    const host = oldByCode.get(n.new_code);
    if (!host) throw new Error(`provinces34.csv code ${n.new_code} is not an old GSO code`);
    units.push({
      code: n.new_code,
      nameVi: n.name_vi,
      nameAscii: n.name_ascii,
      generation: '34',
      validFrom: REFORM_FIRST_PERIOD,
      validTo: null,
      currentCode: n.new_code,
      regionVi: host.region_vi,
      regionEn: host.region_en_gso,
      population2020: n.population_2020_gso_thousand_sum_of_old,
    });
  }
  const generationOf = (period: Period): Generation => (period >= REFORM_FIRST_PERIOD ? '34' : '63');
  return {
    units,
    validIn: (period) => units.filter((u) => u.generation === generationOf(period)),
    find: (code, period) => units.find((u) => u.code === code && u.generation === generationOf(period)),
    currentCodeOf: (code) => merge.get(code) ?? units.find((u) => u.generation === '34' && u.code === code)?.code,
    predecessorsOf: (currentCode) => units.filter((u) => u.generation === '63' && u.currentCode === currentCode),
  };
}

let cached: ProvinceRegistry | undefined;
/** The registry read once per process from the project's reference files. */
export function provinces(): ProvinceRegistry {
  cached ??= loadProvinces();
  return cached;
}
