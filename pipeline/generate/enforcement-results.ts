/**
 * What one old unit's inspections of a month found and recovered, and what police coordination
 * recovered: the columns the enforcement template gained in 2025. Before a unit adopts that
 * template its rows carry none of them (the file has no such columns; the lake holds NULL).
 */
import { addMonths, type Period } from '../../core/period.ts';
import type { Unit } from '../reference/provinces.ts';
import { NATIONAL } from './calibration.ts';
import { Rng } from './random.ts';
import type { Row } from './rows.ts';

const RESULTS = NATIONAL.enforcementResults;

/**
 * The month a unit first reports with the new template: within the first half of 2025, so every
 * old unit has it before the July 2025 merger and a merged unit's sums are whole.
 */
export function resultsSince(seed: number, unit: Unit): Period {
  const rng = new Rng(seed, 'enforcement-template', unit.code);
  return addMonths(RESULTS.templateFrom, rng.int(0, RESULTS.adoptionMonths - 1));
}

/** Whole thousands of đồng, as the amounts are typed. */
const thousands = (vnd: number) => Math.round(vnd / 1000) * 1000;

/**
 * The new columns for a month of `inspections` inspections at `inspected` employers; {} before
 * the unit adopts the template.
 */
export function enforcementResults(
  seed: number,
  unit: Unit,
  period: Period,
  share: number,
  inspections: number,
  inspected: number,
): Row {
  if (period < resultsSince(seed, unit)) return {};
  const rng = new Rng(seed, 'enforcement-results', unit.code, period);
  const unscheduled = Math.min(inspections, rng.poisson(inspections * RESULTS.typeShare.unscheduled));
  const specialised = Math.min(
    inspections - unscheduled,
    rng.poisson(inspections * RESULTS.typeShare.specialised),
  );
  const found = thousands(inspected * rng.logNormal(RESULTS.underpaidPerEmployer, 0.6));
  const police = rng.poisson((RESULTS.policeEmployersPerYear / 12) * share);
  return {
    so_cuoc_theo_ke_hoach: inspections - unscheduled - specialised,
    so_cuoc_dot_xuat: unscheduled,
    so_cuoc_chuyen_nganh: specialised,
    so_lao_dong_chua_tham_gia: rng.poisson(inspected * RESULTS.workersNotEnrolledPerEmployer),
    so_tien_dong_thieu: found,
    // Part of what was found is paid in the month; the rest follows in later months.
    so_tien_da_truy_thu: thousands(found * rng.uniform(...RESULTS.recoveredInMonth)),
    so_don_vi_thu_hoi_cong_an: police,
    so_tien_thu_hoi_cong_an:
      police === 0 ? 0 : thousands(police * rng.logNormal(RESULTS.policeAmountPerEmployer, 0.7)),
  };
}
