import { describe, expect, it, vi } from 'vitest';
import { COMPACT_METRICS, createCompactTelemetry } from '../../pipeline/observability/compact-telemetry.ts';
import { createIngestTelemetry, INGEST_METRICS } from '../../pipeline/observability/ingest-telemetry.ts';
import { createTelemetry, instrument, METRICS_NAMESPACE } from '../../pipeline/observability/telemetry.ts';

function recordingTelemetry() {
  const telemetry = createTelemetry('test');
  const added: [string, string, number][] = [];
  vi.spyOn(telemetry.metrics, 'addMetric').mockImplementation((name, unit, value) => {
    added.push([name, unit, value]);
    return telemetry.metrics;
  });
  const published = vi
    .spyOn(telemetry.metrics, 'publishStoredMetrics')
    .mockImplementation(() => telemetry.metrics);
  vi.spyOn(telemetry.metrics, 'captureColdStartMetric').mockImplementation(() => undefined);
  vi.spyOn(telemetry.logger, 'error').mockImplementation(() => undefined);
  return { telemetry, added, published };
}

describe('handler telemetry', () => {
  it('records the latency of a successful invocation and publishes once', async () => {
    const { telemetry, added, published } = recordingTelemetry();
    const clock = [100, 1350];
    const handler = instrument(
      telemetry,
      { name: 'Ingest', now: () => clock.shift() ?? NaN },
      async (n: number) => n * 2,
    );
    expect(await handler(21)).toBe(42);
    expect(added).toEqual([['IngestLatency', 'Milliseconds', 1250]]);
    expect(published).toHaveBeenCalledTimes(1);
  });

  it('counts a failure, still records latency and rethrows so the platform retries', async () => {
    const { telemetry, added, published } = recordingTelemetry();
    const clock = [0, 40];
    const boom = new Error('lake unavailable');
    const handler = instrument(telemetry, { name: 'Refresh', now: () => clock.shift() ?? NaN }, async () => {
      throw boom;
    });
    await expect(handler(undefined)).rejects.toBe(boom);
    expect(added).toEqual([
      ['RefreshFailures', 'Count', 1],
      ['RefreshLatency', 'Milliseconds', 40],
    ]);
    expect(published).toHaveBeenCalledTimes(1);
    expect(telemetry.logger.error).toHaveBeenCalledWith('Refresh failed', boom);
  });

  it('counts each upload outcome under its status', () => {
    const { telemetry, added } = recordingTelemetry();
    const ingest = createIngestTelemetry(telemetry);
    for (const status of ['accepted', 'accepted', 'rejected', 'duplicate'] as const)
      ingest.countOutcome({ status });
    expect(added.map(([name, , value]) => [name, value])).toEqual([
      [INGEST_METRICS.accepted, 1],
      [INGEST_METRICS.accepted, 1],
      [INGEST_METRICS.rejected, 1],
      [INGEST_METRICS.duplicate, 1],
    ]);
  });

  it('logs each compacted month and counts it with the objects folded in and removed', () => {
    const { telemetry, added } = recordingTelemetry();
    const info = vi.spyOn(telemetry.logger, 'info').mockImplementation(() => undefined);
    const kind = (folded: number, removed: number) => ({ provinces: 34, folded, removed, bytes: 1000 });
    createCompactTelemetry(telemetry).countMonth({
      dataset: 'debt',
      period: '2025-08',
      lake: kind(34, 33),
      summaries: kind(34, 34),
    });
    expect(added.map(([name, , value]) => [name, value])).toEqual([
      [COMPACT_METRICS.months, 1],
      [COMPACT_METRICS.folded, 68],
      [COMPACT_METRICS.removed, 67],
    ]);
    expect(info).toHaveBeenCalledWith(
      'month compacted',
      expect.objectContaining({ dataset: 'debt', period: '2025-08' }),
    );
  });

  it('publishes Embedded Metric Format under the VSS namespace', () => {
    const { metrics } = createTelemetry('emf');
    metrics.addMetric('UploadsAccepted', 'Count', 3);
    const emf = metrics.serializeMetrics() as { _aws: { CloudWatchMetrics: { Namespace: string }[] } };
    expect(emf._aws.CloudWatchMetrics[0]?.Namespace).toBe(METRICS_NAMESPACE);
    expect(emf).toMatchObject({ UploadsAccepted: 3, service: 'emf' });
    metrics.clearMetrics();
  });
});
