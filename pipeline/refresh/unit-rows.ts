/**
 * units.json: every unit of both generations (63 until 2025-06, 34 from 2025-07) with its names,
 * region and the current unit it belongs to, as the site data contract reads them.
 */
import { unitRow, type UnitRow } from '../../core/contracts/site-data.ts';
import { provinces, type ProvinceRegistry } from '../reference/provinces.ts';

export function unitRows(registry: ProvinceRegistry = provinces()): UnitRow[] {
  return registry.units.map((u) =>
    unitRow.parse({
      code: u.code,
      name_vi: u.nameVi,
      name_ascii: u.nameAscii,
      generation: u.generation,
      region_vi: u.regionVi,
      current_code: u.currentCode,
    }),
  );
}
