/**
 * Structured logs and CloudWatch metrics for the Lambda handlers (AWS Lambda Powertools).
 * Metrics leave as Embedded Metric Format lines on stdout, so no API call and no permission
 * is needed; the namespace is the one the stack's alarms watch.
 */
import { Logger } from '@aws-lambda-powertools/logger';
import { Metrics, MetricUnit } from '@aws-lambda-powertools/metrics';
import type { Context } from 'aws-lambda';

export const METRICS_NAMESPACE = 'VSS';

export interface Telemetry {
  logger: Logger;
  metrics: Metrics;
}

export function createTelemetry(service: string): Telemetry {
  return {
    logger: new Logger({ serviceName: service }),
    metrics: new Metrics({ namespace: METRICS_NAMESPACE, serviceName: service }),
  };
}

export interface InstrumentOptions {
  /** Metric name prefix: `<name>Latency` (ms) and `<name>Failures` (count). */
  name: string;
  /** Milliseconds since some origin; injected so tests need no clock. Default: performance.now. */
  now?: () => number;
}

/**
 * Wraps a handler: Lambda context on every log line, a cold-start metric, the invocation's
 * latency, a failure count when it throws (the error is rethrown, so retries and the
 * dead-letter queue still see it), and the metrics flushed before the invocation ends.
 */
export function instrument<E, R>(
  telemetry: Telemetry,
  options: InstrumentOptions,
  inner: (event: E, context?: Context) => Promise<R>,
): (event: E, context?: Context) => Promise<R> {
  const now = options.now ?? (() => performance.now());
  const { logger, metrics } = telemetry;
  return async (event, context) => {
    if (context) logger.addContext(context);
    metrics.captureColdStartMetric(context?.functionName);
    const started = now();
    try {
      return await inner(event, context);
    } catch (error) {
      metrics.addMetric(`${options.name}Failures`, MetricUnit.Count, 1);
      logger.error(`${options.name} failed`, error as Error);
      throw error;
    } finally {
      metrics.addMetric(`${options.name}Latency`, MetricUnit.Milliseconds, now() - started);
      metrics.publishStoredMetrics();
    }
  };
}
