/**
 * Where the country's formal employment is: each old (63) unit's share of the compulsory-SI
 * insured, which its dues, its debtor register and its SI and UI participation follow. Units with
 * a published share are pinned to it (NATIONAL.formalShareAnchors, CALIBRATION.md); the rest share
 * what is left in proportion to population times their random formal-sector factor
 * (unit-profile.ts), so the 63 shares sum to 1 for a seed.
 */
import { provinces, type Unit } from '../reference/provinces.ts';
import { NATIONAL, populationShare } from './calibration.ts';
import { unitProfile } from './unit-profile.ts';

const weight = (seed: number, u: Unit) => populationShare(u) * unitProfile(seed, u).formalFactor;

const oldUnits = () => provinces().units.filter((u) => u.generation === '63');

function sharesFor(seed: number): Map<string, number> {
  const anchors: readonly { units: readonly string[]; share: number }[] = NATIONAL.formalShareAnchors;
  const anchored = new Set(anchors.flatMap((a) => a.units));
  const shares = new Map<string, number>();
  const spread = (units: Unit[], share: number) => {
    const total = units.reduce((s, u) => s + weight(seed, u), 0);
    for (const u of units) shares.set(u.code, (share * weight(seed, u)) / total);
  };
  const units = oldUnits();
  for (const a of anchors)
    spread(
      units.filter((u) => a.units.includes(u.code)),
      a.share,
    );
  spread(
    units.filter((u) => !anchored.has(u.code)),
    1 - anchors.reduce((s, a) => s + a.share, 0),
  );
  return shares;
}

const bySeed = new Map<number, Map<string, number>>();

/** The unit's share of the country's formal employment (the 63 units sum to 1 for a seed). */
export function formalShare(seed: number, unit: Unit): number {
  let shares = bySeed.get(seed);
  if (!shares) bySeed.set(seed, (shares = sharesFor(seed)));
  const share = shares.get(unit.code);
  if (share === undefined) throw new RangeError(`unit ${unit.code} is not one of the 63 old units`);
  return share;
}

/** How many times the national rate of SI and UI participation the unit's labour force reaches. */
export function formalFactor(seed: number, unit: Unit): number {
  return formalShare(seed, unit) / populationShare(unit);
}
