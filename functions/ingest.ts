/**
 * The ingest Lambda entry: the handler (pipeline/ingest/ingest-handler.ts) built on the first
 * event from the function's environment and kept while the container is warm.
 */
import type { S3Event } from 'aws-lambda';
import { ConfigError } from '../core/errors.ts';
import { createIngestHandler } from '../pipeline/ingest/ingest-handler.ts';
import { ingestTelemetry, withIngestTelemetry } from '../pipeline/observability/ingest-telemetry.ts';
import { createS3Client } from '../pipeline/storage/s3-client.ts';

let lambdaHandler: ((event: S3Event) => Promise<void>) | undefined;

/** The Lambda entry; built on the first event and kept while the container is warm. */
export const handler = withIngestTelemetry(async (event: S3Event): Promise<void> => {
  lambdaHandler ??= createIngestHandler({
    s3: createS3Client({ endpoint: process.env.S3_ENDPOINT || undefined }),
    uploadsBucket: requiredEnv('UPLOADS_BUCKET'),
    lakeBucket: requiredEnv('LAKE_BUCKET'),
    onOutcome: ingestTelemetry.countOutcome,
  });
  return lambdaHandler(event);
});

function requiredEnv(name: string): string {
  const value = process.env[name];
  if (!value) throw new ConfigError(`environment variable ${name} is not set`);
  return value;
}
