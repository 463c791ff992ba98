/**
 * Telemetry of the compaction Lambda: CompactLatency and CompactFailures per run, and per
 * dataset-month compacted one MonthsCompacted count with the per-province objects it folded in
 * and removed, so a month whose objects stay (a re-upload landed meanwhile) shows as folded > removed.
 */
import type { Context } from 'aws-lambda';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import type { CompactedMonth } from '../lake/compact-month.ts';
import { createTelemetry, instrument, type Telemetry } from './telemetry.ts';

export const COMPACT_METRICS = {
  latency: 'CompactLatency',
  failures: 'CompactFailures',
  months: 'MonthsCompacted',
  folded: 'ObjectsFolded',
  removed: 'ObjectsRemoved',
} as const;

export interface CompactTelemetry extends Telemetry {
  /** Pass as compactLake's onMonth: one log line and the counts of one dataset-month. */
  countMonth: (month: CompactedMonth) => void;
}

export function createCompactTelemetry(base: Telemetry = createTelemetry('compact')): CompactTelemetry {
  return {
    ...base,
    countMonth: (month) => {
      const folded = month.lake.folded + month.summaries.folded;
      const removed = month.lake.removed + month.summaries.removed;
      base.logger.info('month compacted', {
        dataset: month.dataset,
        period: month.period,
        lake: month.lake,
        summaries: month.summaries,
      });
      base.metrics.addMetric(COMPACT_METRICS.months, MetricUnit.Count, 1);
      base.metrics.addMetric(COMPACT_METRICS.folded, MetricUnit.Count, folded);
      base.metrics.addMetric(COMPACT_METRICS.removed, MetricUnit.Count, removed);
    },
  };
}

/** The process-wide telemetry of the compaction function. */
export const compactTelemetry = createCompactTelemetry();

/** `export const handler = withCompactTelemetry(async (event) => ...)`. */
export function withCompactTelemetry<E, R>(
  inner: (event: E, context?: Context) => Promise<R>,
  telemetry: Telemetry = compactTelemetry,
): (event: E, context?: Context) => Promise<R> {
  return instrument(telemetry, { name: 'Compact' }, inner);
}
