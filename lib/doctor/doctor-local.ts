/** `vss doctor` on a laptop: the local S3 started without notifications, checked, stopped. */
import { startLocalS3 } from '../local/local-s3.ts';
import { checkConsistency, type ConsistencyReport } from './check-consistency.ts';

export async function doctorLocal(opts: {
  dataDir: string;
  onProgress?: (done: number, total: number) => void;
}): Promise<ConsistencyReport> {
  const s3 = await startLocalS3({ dataDir: opts.dataDir });
  try {
    return await checkConsistency({
      s3: s3.client,
      uploadsBucket: s3.uploadsBucket,
      lakeBucket: s3.lakeBucket,
      onProgress: opts.onProgress,
    });
  } finally {
    await s3.close();
  }
}
