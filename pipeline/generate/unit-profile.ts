/**
 * What makes one old (63) unit differ from the national average, fixed for the whole range:
 * industrial provinces insure more of their labour force, some offices are slower.
 */
import type { Unit } from '../reference/provinces.ts';
import { Rng } from './random.ts';

export interface UnitProfile {
  /** Added to the national HI rate (share points). */
  hiOffset: number;
  /** Weights the unit's share of formal employment where none is published (formal-employment.ts). */
  formalFactor: number;
  /** Multiplies the national share of inspections and fines. */
  enforcementFactor: number;
  /** Share of procedure dossiers the office resolves late or leaves overdue, relative to average. */
  slownessFactor: number;
}

export function unitProfile(seed: number, unit: Unit): UnitProfile {
  const rng = new Rng(seed, 'profile', unit.code);
  return {
    hiOffset: rng.uniform(-0.035, 0.035),
    formalFactor: Math.exp(0.25 * rng.normal()),
    enforcementFactor: rng.uniform(0.6, 1.4),
    slownessFactor: rng.uniform(0.5, 1.6),
  };
}
