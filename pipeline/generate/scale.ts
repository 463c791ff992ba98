/**
 * Named sizes of generated data. `sample` is what `vss start` and the tests feed on; `full` is
 * the national register at its real size over the whole history the platform must carry, for
 * the benchmarks: about 150,000 debtor rows a month, 2021-01 to 2026-10 (about 10 million rows).
 */
import { UsageError } from '../../core/errors.ts';
import { FLAG_ERRORS } from '../../core/messages/index.ts';
import type { Period } from '../../core/period.ts';
import { NATIONAL } from './calibration.ts';

export interface Scale {
  from: Period;
  to: Period;
  debtorsPerMonth: number;
}

export const SCALES = {
  sample: { from: '2024-01', to: '2026-10', debtorsPerMonth: NATIONAL.debtorsPerMonth },
  full: { from: '2021-01', to: '2026-10', debtorsPerMonth: NATIONAL.registerSize },
} as const satisfies Record<string, Scale>;

export type ScaleName = keyof typeof SCALES;

export function scaleNamed(name: string): Scale {
  if (!Object.hasOwn(SCALES, name))
    throw new UsageError(FLAG_ERRORS.unknownScale(name, Object.keys(SCALES).join(', ')));
  return SCALES[name as ScaleName];
}
