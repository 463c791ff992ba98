/**
 * The provinces that lag most on the late-payment rate in a month: the highest debt over a year of
 * dues among the units that sent both reports, named in the month's own geography.
 */
import type { ProvinceRow, UnitRow } from '../../core/contracts/site-data.ts';
import { formatFineShare } from './format.ts';
import { UnitNames } from './units.ts';

export interface Lagging {
  province: string;
  name: string;
  rate: number;
  shown: string;
}

export function laggingOnLateRate(
  provinces: readonly ProvinceRow[],
  units: readonly UnitRow[],
  period: string,
  top = 3,
): Lagging[] {
  const names = new UnitNames(units);
  return provinces
    .filter((r) => r.period === period && r.collection_due > 0 && r.debt_total > 0)
    .map((r) => ({
      province: r.province,
      name: names.nameOf(r.province, period),
      rate: r.debt_total / (12 * r.collection_due),
      shown: formatFineShare(r.debt_total, 12 * r.collection_due),
    }))
    .sort((a, b) => b.rate - a.rate || a.province.localeCompare(b.province))
    .slice(0, top);
}
