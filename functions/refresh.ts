/**
 * The refresh Lambda entry (monthly schedule and after uploads): the handler
 * (pipeline/refresh/refresh-handler.ts) built on the first invocation from the function's
 * environment; the mirror in /tmp survives while the container is warm.
 */
import {
  createRefreshHandler,
  engineFromEnvironment,
  type RefreshOutcome,
} from '../pipeline/refresh/refresh-handler.ts';
import { limitLakeDuckDB } from '../pipeline/lake/duckdb-instance.ts';
import { withRefreshTelemetry } from '../pipeline/observability/refresh-telemetry.ts';
import { createS3Client } from '../pipeline/storage/s3-client.ts';
import { duckdbMemoryMb, parseEnvironment } from './environment.ts';

let lambdaHandler: (() => Promise<RefreshOutcome>) | undefined;

export const handler = withRefreshTelemetry(async (): Promise<RefreshOutcome> => {
  if (!lambdaHandler) {
    const env = parseEnvironment('refresh');
    // Six years of history materialised can outgrow memory: it spills to /tmp, not to the
    // read-only working directory.
    await limitLakeDuckDB({ tempDirectory: '/tmp/vss-refresh-spill', memoryLimitMb: duckdbMemoryMb(env) });
    lambdaHandler = createRefreshHandler({
      s3: createS3Client({ endpoint: env.S3_ENDPOINT, region: env.AWS_REGION }),
      lakeBucket: env.LAKE_BUCKET,
      siteBucket: env.SITE_BUCKET,
      tmpDir: '/tmp/vss-refresh',
      openEngine: engineFromEnvironment(env),
    });
  }
  return lambdaHandler();
});
