/**
 * The compaction Lambda entry (monthly schedule, or invoked by hand with `{ before, datasets }`):
 * the handler (pipeline/ops/compact-handler.ts) built on the first invocation from the
 * function's environment and kept while the container is warm.
 */
import {
  createCompactHandler,
  type CompactOutcome,
  type TimeBudget,
} from '../pipeline/ops/compact-handler.ts';
import type { Context } from 'aws-lambda';
import type { CompactEvent } from '../pipeline/ops/compact-event.ts';
import { compactTelemetry, withCompactTelemetry } from '../pipeline/observability/compact-telemetry.ts';
import { createS3Client } from '../pipeline/storage/s3-client.ts';
import { duckdbMemoryMb, parseEnvironment } from './environment.ts';

let lambdaHandler: ((event: unknown, budget?: TimeBudget) => Promise<CompactOutcome>) | undefined;

export const handler = withCompactTelemetry(
  async (event: CompactEvent, context?: Context): Promise<CompactOutcome> => {
    if (!lambdaHandler) {
      const env = parseEnvironment('compact');
      lambdaHandler = createCompactHandler({
        s3: createS3Client({ endpoint: env.S3_ENDPOINT, region: env.AWS_REGION }),
        lakeBucket: env.LAKE_BUCKET,
        tmpDir: '/tmp/vss-compact',
        duckdbMemoryMb: duckdbMemoryMb(env),
        onMonth: compactTelemetry.countMonth,
      });
    }
    return lambdaHandler(event, context && { remainingMs: () => context.getRemainingTimeInMillis() });
  },
);
