/** `vss replay` on a laptop: the local S3 started without notifications, replay, stop. */
import { localIngestHandler, LOCAL_TRUSTS_SUBMITTED_AT } from './local-ingest-handler.ts';
import { startLocalS3 } from './local-s3.ts';
import { replayUploads, type ReplaySummary } from '../pipeline/ops/replay-uploads.ts';

export async function replayLocal(opts: {
  dataDir: string;
  concurrency?: number;
  onProgress?: (done: number, total: number) => void;
  dryRun?: boolean;
}): Promise<ReplaySummary> {
  const s3 = await startLocalS3({ dataDir: opts.dataDir });
  try {
    return await replayUploads({
      s3: s3.client,
      uploadsBucket: s3.uploadsBucket,
      lakeBucket: s3.lakeBucket,
      handle: localIngestHandler(s3),
      trustSubmittedAt: LOCAL_TRUSTS_SUBMITTED_AT,
      concurrency: opts.concurrency,
      onProgress: opts.onProgress,
      dryRun: opts.dryRun,
      // The local S3 has no versioning; its uploads folder is the only source, and it is kept.
      allowUnversionedLake: true,
    });
  } finally {
    await s3.close();
  }
}
