/**
 * The ingest Lambda entry: the handler (pipeline/ingest/ingest-handler.ts) built on the first
 * event from the function's environment and kept while the container is warm.
 */
import type { S3Event } from 'aws-lambda';
import { createIngestHandler } from '../pipeline/ingest/ingest-handler.ts';
import { limitLakeDuckDB } from '../pipeline/lake/duckdb-instance.ts';
import { ingestTelemetry, withIngestTelemetry } from '../pipeline/observability/ingest-telemetry.ts';
import { createS3Client } from '../pipeline/storage/s3-client.ts';
import { validateUpload } from '../pipeline/validate/index.ts';
import { limitsOf } from '../pipeline/validate/limits.ts';
import { duckdbMemoryMb, parseEnvironment } from './environment.ts';

let lambdaHandler: ((event: S3Event) => Promise<void>) | undefined;

export const handler = withIngestTelemetry(async (event: S3Event): Promise<void> => {
  if (!lambdaHandler) {
    const env = parseEnvironment('ingest');
    // A large upload spills to /tmp (the working directory is read-only in Lambda).
    await limitLakeDuckDB({ tempDirectory: '/tmp/vss-ingest-spill', memoryLimitMb: duckdbMemoryMb(env) });
    const limits = limitsOf(env);
    lambdaHandler = createIngestHandler({
      s3: createS3Client({ endpoint: env.S3_ENDPOINT, region: env.AWS_REGION }),
      uploadsBucket: env.UPLOADS_BUCKET,
      lakeBucket: env.LAKE_BUCKET,
      maxBytes: limits.maxBytes,
      validate: (input) => validateUpload({ ...input, limits }),
      onOutcome: ingestTelemetry.countOutcome,
    });
  }
  return lambdaHandler(event);
});
