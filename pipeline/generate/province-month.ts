/**
 * The rows one unit reports for one month, for each dataset. Everything is simulated on the old
 * (63) units; a unit of the 34 reports its old units together — registers side by side, flows
 * and stocks summed — which is what keeps a merged province's series continuous.
 */
import type { DatasetName } from '../../core/datasets/index.ts';
import type { Period } from '../../core/period.ts';
import type { ProvinceRegistry, Unit } from '../reference/provinces.ts';
import { enforcementRows, procedureRows } from './activity.ts';
import { collectionRows } from './collection.ts';
import { coverageRows } from './coverage.ts';
import { sumRows, type Row } from './rows.ts';

export interface Registers {
  /** Debtor rows keyed `<period>/<old code>`. */
  debt: ReadonlyMap<string, Row[]>;
  /** Dossier rows keyed `<period>/<old code>`. */
  prosecution: ReadonlyMap<string, Row[]>;
}

export function oldUnitsOf(registry: ProvinceRegistry, unit: Unit): Unit[] {
  return unit.generation === '63' ? [unit] : registry.predecessorsOf(unit.code);
}

export function rowsFor(
  dataset: DatasetName,
  seed: number,
  oldUnits: readonly Unit[],
  period: Period,
  registers: Registers,
): Row[] {
  const fromRegister = (register: ReadonlyMap<string, Row[]>) =>
    oldUnits.flatMap((u) => register.get(`${period}/${u.code}`) ?? []);
  switch (dataset) {
    case 'debt':
      return fromRegister(registers.debt);
    case 'prosecution':
      return fromRegister(registers.prosecution);
    case 'coverage':
      return sumRows(
        oldUnits.map((u) => coverageRows(seed, u, period)),
        'loai_hinh',
      );
    case 'enforcement':
      return sumRows(oldUnits.map((u) => enforcementRows(seed, u, period)));
    case 'procedures':
      return sumRows(
        oldUnits.map((u) => procedureRows(seed, u, period)),
        'nhom_thu_tuc',
      );
    case 'collection':
      return sumRows(
        oldUnits.map((u) => collectionRows(seed, u, period)),
        'loai_bao_hiem',
      );
  }
}
