/**
 * `vss replay --uploads-bucket … --lake-bucket …`: replay on the deployed buckets through the S3
 * API with the account's credentials, every upload version through the same ingest handler the
 * Lambda runs. The lake bucket must be versioned (replay-uploads.ts), so the clear is undoable.
 */
import { createIngestHandler } from '../ingest/ingest-handler.ts';
import { createS3Client } from '../storage/s3-client.ts';
import { replayUploads, type ReplaySummary } from './replay-uploads.ts';

export async function replayDeployed(opts: {
  uploadsBucket: string;
  lakeBucket: string;
  concurrency?: number;
  dryRun?: boolean;
  onProgress?: (done: number, total: number) => void;
}): Promise<ReplaySummary> {
  const s3 = createS3Client();
  try {
    const handle = createIngestHandler({
      s3,
      uploadsBucket: opts.uploadsBucket,
      lakeBucket: opts.lakeBucket,
      log: () => undefined,
    });
    return await replayUploads({
      s3,
      uploadsBucket: opts.uploadsBucket,
      lakeBucket: opts.lakeBucket,
      handle,
      trustSubmittedAt: false,
      concurrency: opts.concurrency,
      dryRun: opts.dryRun,
      onProgress: opts.onProgress,
    });
  } finally {
    s3.destroy();
  }
}
