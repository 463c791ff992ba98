/**
 * The months a named query compares a month with, computed here, once, for every engine: Athena
 * takes `?` parameters only in a WHERE clause, so a query cannot derive them from `period` in a
 * select list, and a plain `period IN (?, ?)` is what lets partition projection prune. A named
 * query lists them in its `-- params:` line like any other parameter; the caller never gives them.
 */
import { UsageError } from './errors.ts';
import { QUERY_ERRORS } from './messages/index.ts';
import { addMonths, isPeriod, type Period } from './period.ts';

export const COMPARISON_PARAMS = ['previous_month', 'previous_year'] as const;
export type ComparisonParam = (typeof COMPARISON_PARAMS)[number];

export function isComparisonParam(name: string): name is ComparisonParam {
  return (COMPARISON_PARAMS as readonly string[]).includes(name);
}

export function comparisonMonths(period: Period): Record<ComparisonParam, Period> {
  return { previous_month: addMonths(period, -1), previous_year: addMonths(period, -12) };
}

/** The comparison months of the `period` a query was given, for a query that takes them. */
export function comparisonValues(
  query: string,
  period: string | number | undefined,
): Record<ComparisonParam, Period> {
  const text = String(period ?? '');
  if (!isPeriod(text)) {
    throw new UsageError(QUERY_ERRORS.needsPeriod(query, JSON.stringify(period)));
  }
  return comparisonMonths(text);
}
