/**
 * The month's flows of one old unit: inspections and sanctions (enforcement) and
 * administrative-procedure dossiers (procedures). Both scale with the unit's population share.
 */
import { codesOf, type CodeOf } from '../../core/datasets/index.ts';
import { procedures } from '../../core/datasets/procedures.ts';
import type { Period } from '../../core/period.ts';
import type { Unit } from '../reference/provinces.ts';
import { NATIONAL, populationShare } from './calibration.ts';
import { enforcementResults } from './enforcement-results.ts';
import { Rng } from './random.ts';
import type { Row } from './rows.ts';
import { unitProfile } from './unit-profile.ts';

/** Little happens around Tết (Jan/Feb); inspection plans bunch up in the second half. */
const INSPECTION_SEASON = [0.5, 0.6, 1, 1, 1.1, 1.1, 1, 1.1, 1.2, 1.2, 1.2, 1] as const;

function month(period: Period): number {
  return Number(period.slice(5, 7));
}

export function enforcementRows(seed: number, unit: Unit, period: Period): Row[] {
  const rng = new Rng(seed, 'enforcement', unit.code, period);
  const profile = unitProfile(seed, unit);
  const share = populationShare(unit) * profile.enforcementFactor;
  const season = INSPECTION_SEASON[month(period) - 1] ?? 1;
  const inspections = rng.poisson((NATIONAL.inspectionsPerYear / 12) * share * season);
  const inspected =
    inspections === 0 ? 0 : inspections + rng.poisson(inspections * (NATIONAL.employersPerInspection - 1));
  const violating = Math.min(inspected, rng.poisson(inspected * NATIONAL.violatingShare));
  const decisions = Math.round(violating * rng.uniform(0.8, 1));
  const finePerDecision =
    NATIONAL.finesPerYear /
    (NATIONAL.inspectionsPerYear * NATIONAL.employersPerInspection * NATIONAL.violatingShare * 0.9);
  const fines = Math.round((decisions * rng.logNormal(finePerDecision, 0.4)) / 1000) * 1000;
  return [
    {
      so_cuoc_thanh_tra: inspections,
      so_don_vi_duoc_thanh_tra: inspected,
      so_don_vi_vi_pham: violating,
      so_quyet_dinh_xu_phat: decisions,
      tien_phat: fines,
      // Collection lags the decision; in the month only part is in.
      tien_phat_da_thu: Math.round((fines * rng.uniform(0.55, 1)) / 1000) * 1000,
      ...enforcementResults(seed, unit, period, share, inspections, inspected),
    },
  ];
}

/** Each procedure group's share of the dossiers: one for every code of procedures.nhom_thu_tuc. */
const GROUP_SHARES: Record<CodeOf<typeof procedures, 'nhom_thu_tuc'>, number> = {
  collection: 0.45,
  short_term: 0.22,
  long_term: 0.04,
  lump_sum: 0.07,
  hi_claims: 0.22,
};
const PROCEDURE_GROUPS = codesOf(procedures, 'nhom_thu_tuc').map((code) => ({
  code,
  share: GROUP_SHARES[code],
}));

export function procedureRows(seed: number, unit: Unit, period: Period): Row[] {
  const rng = new Rng(seed, 'procedures', unit.code, period);
  const profile = unitProfile(seed, unit);
  const volume = NATIONAL.proceduresPerMonth * populationShare(unit);
  return PROCEDURE_GROUPS.map(({ code, share }) => {
    const received = Math.max(1, Math.round(volume * share * rng.uniform(0.85, 1.15)));
    const pending = Math.round(received * rng.uniform(0.04, 0.08));
    const late = Math.round(
      (received - pending) * Math.min(0.2, 0.028 * profile.slownessFactor * rng.uniform(0.6, 1.4)),
    );
    const overdue = Math.min(
      pending,
      Math.round(pending * Math.min(0.9, 0.4 * profile.slownessFactor * rng.uniform(0.6, 1.4))),
    );
    return {
      nhom_thu_tuc: code,
      tiep_nhan: received,
      dung_han: received - pending - late,
      tre_han: late,
      dang_giai_quyet: pending,
      qua_han: overdue,
    };
  });
}
