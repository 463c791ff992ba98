/**
 * Which months compaction may fold into one object per dataset. A month is closed once it is
 * CLOSED_AFTER_MONTHS months behind the current one: provinces report a month during the next
 * one and correct it in the month after (the sign-off and its reopening fall in that window too),
 * so a month three behind is rarely written again. Closing is about cost, not correctness: a
 * re-upload of a closed month still replaces exactly its province (the per-province object wins
 * over the compacted rows, compact-month.ts), it only makes that province's rows a small object
 * again until the next compaction. Signed-off months were not taken as the rule: a sign-off can
 * be reopened at any time, and months from before sign-offs existed would never close.
 */
import { addMonths, periodOf, type Period } from '../../core/period.ts';

export const CLOSED_AFTER_MONTHS = 3;

/** The first month that is not closed at `now` (in Vietnam's calendar, as uploads are dated). */
export function firstOpenMonth(now: Date): Period {
  return addMonths(periodOf(now), 1 - CLOSED_AFTER_MONTHS);
}

/** Whether `period` is closed: before `before` when given (an operator's choice), else at `now`. */
export function isClosedMonth(period: Period, at: { now: Date; before?: Period }): boolean {
  const limit = at.before ?? firstOpenMonth(at.now);
  // An operator may compact later than the rule, never sooner: an open month stays per province.
  return period < limit && period < firstOpenMonth(at.now);
}

/**
 * The closed months among `periods`, first to last. The rule is applied to each month on its own:
 * a lake with a gap (a month nobody reported) closes its later months all the same.
 */
export function closedMonthsOf(periods: Iterable<Period>, at: { now: Date; before?: Period }): Period[] {
  return [...new Set(periods)].filter((p) => isClosedMonth(p, at)).sort();
}
