import type { S3Event } from 'aws-lambda';
import { createIngestHandler, type IngestDeps } from '../pipeline/ingest/ingest-handler.ts';
import type { LocalS3 } from './local-s3.ts';

/** Whether local runs take received_at from the sample's metadata. */
export const LOCAL_TRUSTS_SUBMITTED_AT = true;

/**
 * The ingest handler as every local verb runs it (ingest, upload, replay): against the local S3,
 * trusting the sample files' submission time, quiet. One place, so replay and the live path agree.
 */
export function localIngestHandler(
  s3: Pick<LocalS3, 'client' | 'uploadsBucket' | 'lakeBucket'>,
  extra: Partial<Omit<IngestDeps, 's3' | 'uploadsBucket' | 'lakeBucket'>> = {},
): (event: S3Event) => Promise<void> {
  return createIngestHandler({
    s3: s3.client,
    uploadsBucket: s3.uploadsBucket,
    lakeBucket: s3.lakeBucket,
    trustSubmittedAt: LOCAL_TRUSTS_SUBMITTED_AT,
    log: () => undefined,
    ...extra,
  });
}
