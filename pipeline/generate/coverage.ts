/** Coverage rows of one old unit for one month: participants per scheme against population. */
import { SCHEMES } from '../../core/measures.ts';
import type { Period } from '../../core/period.ts';
import type { Unit } from '../reference/provinces.ts';
import { laborForceIn, NATIONAL, populationIn, yearsFromAnchor } from './calibration.ts';
import { Rng } from './random.ts';
import type { Row } from './rows.ts';
import { formalFactor } from './formal-employment.ts';
import { unitProfile } from './unit-profile.ts';

type Scheme = (typeof SCHEMES)[number];

/** Expected (noise-free) participants and the base the rate is taken on. */
function expected(
  seed: number,
  unit: Unit,
  period: Period,
  scheme: Scheme,
): { people: number; base: number } {
  const profile = unitProfile(seed, unit);
  const years = yearsFromAnchor(period);
  const population = populationIn(unit.population2020, period);
  const labor = laborForceIn(unit.population2020, period);
  const formal = formalFactor(seed, unit);
  const si = Math.min(0.9, (NATIONAL.siRate + NATIONAL.siRateRisePerYear * years) * formal);
  switch (scheme) {
    case 'hi': {
      const rate = Math.min(0.995, NATIONAL.hiRate + NATIONAL.hiRateRisePerYear * years + profile.hiOffset);
      return { people: population * rate, base: population };
    }
    case 'si_compulsory':
      return { people: labor * si * (1 - NATIONAL.voluntaryShareOfSi), base: labor };
    case 'si_voluntary':
      return { people: labor * si * NATIONAL.voluntaryShareOfSi, base: labor };
    case 'ui': {
      const ui = Math.min(0.85, (NATIONAL.uiRate + NATIONAL.uiRateRisePerYear * years) * formal);
      return { people: labor * ui, base: labor };
    }
  }
}

/** The year's target: what the unit should reach by December, plus a few percent. */
export function yearTarget(seed: number, unit: Unit, period: Period, scheme: Scheme): number {
  const december = `${period.slice(0, 4)}-12`;
  const margin = new Rng(seed, 'target', unit.code, december, scheme).uniform(...NATIONAL.targetMargin);
  return Math.round(expected(seed, unit, december, scheme).people * (1 + margin));
}

export function coverageRows(seed: number, unit: Unit, period: Period): Row[] {
  const rng = new Rng(seed, 'coverage', unit.code, period);
  return SCHEMES.map((scheme) => {
    const { people, base } = expected(seed, unit, period, scheme);
    // Month-to-month noise is small: participants are a stock, not a flow.
    const noisy = people * (1 + 0.002 * rng.normal());
    return {
      loai_hinh: scheme,
      so_nguoi_tham_gia: Math.max(0, Math.round(noisy)),
      chi_tieu_giao: yearTarget(seed, unit, period, scheme),
      dan_so_co_so: base,
    };
  });
}
