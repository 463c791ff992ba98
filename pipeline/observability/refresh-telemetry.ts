/** Telemetry of the refresh Lambda: RefreshLatency and RefreshFailures per run. */
import type { Context } from 'aws-lambda';
import { createTelemetry, instrument, type Telemetry } from './telemetry.ts';

export const REFRESH_METRICS = { latency: 'RefreshLatency', failures: 'RefreshFailures' } as const;

export const refreshTelemetry = createTelemetry('refresh');

/** `export const handler = withRefreshTelemetry(async () => ...)`. */
export function withRefreshTelemetry<E, R>(
  inner: (event: E, context?: Context) => Promise<R>,
  telemetry: Telemetry = refreshTelemetry,
): (event: E, context?: Context) => Promise<R> {
  return instrument(telemetry, { name: 'Refresh' }, inner);
}
