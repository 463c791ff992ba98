/**
 * When and how a province sends one report: the file format, and the moment it arrives — most
 * between the 1st and the 10th of the following month in office hours, some late, a few never.
 */
import { addMonths, type Period } from '../../core/period.ts';
import { Rng } from './random.ts';

export type FileFormat = 'csv' | 'xlsx';

export interface Submission {
  format: FileFormat;
  /** ISO UTC; undefined when the province never sends this report. */
  submittedAt: string | undefined;
}

export const SHARES = { missing: 0.01, late: 0.05, xlsx: 0.2 } as const;

/** Vietnam is UTC+7: office hours 08:00-17:00 local are 01:00-10:00 UTC. */
function officeHoursUtc(rng: Rng, period: Period, day: number): string {
  const [y, m] = period.split('-').map(Number) as [number, number];
  const minute = rng.int(60, 600);
  return new Date(Date.UTC(y, m - 1, day, 0, minute, rng.int(0, 59))).toISOString();
}

export function submissionOf(seed: number, dataset: string, period: Period, province: string): Submission {
  const rng = new Rng(seed, 'submission', dataset, period, province);
  const format: FileFormat = rng.chance(SHARES.xlsx) ? 'xlsx' : 'csv';
  const roll = rng.next();
  const next = addMonths(period, 1);
  if (roll < SHARES.missing) return { format, submittedAt: undefined };
  if (roll < SHARES.missing + SHARES.late)
    return { format, submittedAt: officeHoursUtc(rng, next, rng.int(11, 28)) };
  return { format, submittedAt: officeHoursUtc(rng, next, rng.int(1, 10)) };
}
