/**
 * Telemetry of the ingest Lambda: IngestLatency and IngestFailures per invocation, and one
 * UploadsAccepted / UploadsRejected / UploadsDuplicate count per upload handled.
 */
import type { Context } from 'aws-lambda';
import { MetricUnit } from '@aws-lambda-powertools/metrics';
import { createTelemetry, instrument, type Telemetry } from './telemetry.ts';

export const INGEST_METRICS = {
  latency: 'IngestLatency',
  failures: 'IngestFailures',
  accepted: 'UploadsAccepted',
  rejected: 'UploadsRejected',
  duplicate: 'UploadsDuplicate',
} as const;

type Status = 'accepted' | 'rejected' | 'duplicate';

export interface IngestTelemetry extends Telemetry {
  /** Pass as the ingest handler's onOutcome: counts the upload under its status. */
  countOutcome: (outcome: { status: Status }) => void;
}

export function createIngestTelemetry(base: Telemetry = createTelemetry('ingest')): IngestTelemetry {
  return {
    ...base,
    countOutcome: (outcome) => base.metrics.addMetric(INGEST_METRICS[outcome.status], MetricUnit.Count, 1),
  };
}

/** The process-wide telemetry of the ingest function. */
export const ingestTelemetry = createIngestTelemetry();

/** `export const handler = withIngestTelemetry(async (event) => ...)`. */
export function withIngestTelemetry<E, R>(
  inner: (event: E, context?: Context) => Promise<R>,
  telemetry: Telemetry = ingestTelemetry,
): (event: E, context?: Context) => Promise<R> {
  return instrument(telemetry, { name: 'Ingest' }, inner);
}
