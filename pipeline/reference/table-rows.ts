/**
 * The rows of the reference tables (core/reference/reference-tables.ts), built once from the
 * province registry, the dataset definitions and the targets: DuckDB loads these very rows
 * (pipeline/query/reference-tables.ts) and the deploy writes them for Athena (infra/reference-rows.ts).
 */
import { DATASETS } from '../../core/datasets/index.ts';
import type { DatasetTableRow, ProvinceTableRow, TargetTableRow } from '../../core/reference/reference-tables.ts';
import type { Targets } from '../../core/reference/targets.ts';
import type { ProvinceRegistry } from './provinces.ts';
import { tableRow } from './targets.ts';

export function provinceRows(registry: ProvinceRegistry): ProvinceTableRow[] {
  return registry.units.map((u) => ({
    code: u.code,
    name_vi: u.nameVi,
    name_ascii: u.nameAscii,
    generation: u.generation,
    valid_from: u.validFrom,
    valid_to: u.validTo,
    current_code: u.currentCode,
    region_vi: u.regionVi,
    region_en: u.regionEn,
    population_2020: u.population2020,
  }));
}

export function datasetRows(): DatasetTableRow[] {
  return Object.values(DATASETS).map((d) => ({ name: d.name, title_vi: d.titleVi, title_en: d.titleEn }));
}

/** The targets in force (vss.targets), or every decision's (vss.targets_history). */
export function targetRows(targets: Targets, which: 'current' | 'history' = 'current'): TargetTableRow[] {
  return (which === 'current' ? targets.rows() : targets.history()).map(tableRow);
}
