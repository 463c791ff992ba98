/**
 * headline.json (and headline-approved.json): the overview's first-screen figures, each a ratio of
 * two sums over the units that hold both, against the national targets reference, with its
 * like-for-like changes and the units that lag most. Written by the refresh from the province rows
 * and the completeness it also writes (core/headline.ts), so every engine gives the same file.
 */
import { z } from 'zod';

const period = z.string().regex(/^\d{4}-\d{2}$/);
const int = z.number().int();

export const HEADLINE_FIGURES = [
  /** Debt over a year of dues (the month's dues × 12), against the units' ceilings. */
  'late_rate',
  /** Collected from January to the month over the year's collection plan. */
  'collection_plan_ytd',
  /** Health-insurance participants over the participants assigned (vss.targets). */
  'hi_target',
  /** Social-insurance participants (compulsory + voluntary) over those assigned. */
  'si_target',
  /** Dossiers resolved on time over dossiers resolved. */
  'on_time',
] as const;
export type HeadlineFigure = (typeof HEADLINE_FIGURES)[number];

/** A unit that lags most on a figure in the month: its own part and whole (and allowed debt). */
export const laggingUnit = z.object({
  province: z.string().regex(/^\d{2}$/),
  part: int,
  whole: int,
  allowed: int.nullable(),
});
export type LaggingUnit = z.infer<typeof laggingUnit>;

/**
 * basis `now`: the figure of `period` over every unit that holds it (`units` of `units_expected`).
 * basis `mom` / `yoy`: the same figure of `period` and of `compare_period` (the month before, the
 * same month a year before), both over only the units that hold it in both months; across the
 * 2025-07 reform both months are restated to today's units.
 */
export const headlineRow = z.object({
  period,
  figure: z.enum(HEADLINE_FIGURES),
  basis: z.enum(['now', 'mom', 'yoy']),
  compare_period: period.nullable(),
  units: int,
  units_expected: int,
  part: int,
  whole: int,
  compare_part: int.nullable(),
  compare_whole: int.nullable(),
  /**
   * late_rate, basis now: the debt the ceilings allow (Σ ceiling × a year's dues, whole VND per
   * unit) and the year's dues it is allowed on, over the `target_units` that have a ceiling; the
   * target rate is allowed / allowed_whole. Null for the other figures and bases.
   */
  allowed: int.nullable(),
  allowed_whole: int.nullable(),
  target_units: int.nullable(),
  /** basis now: the three units that lag most, worst first; empty otherwise. */
  lagging: z.array(laggingUnit),
});
export type HeadlineRow = z.infer<typeof headlineRow>;
