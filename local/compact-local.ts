/**
 * `vss compact` on a laptop (the local S3 started without notifications, its closed months
 * compacted, the mirror brought up to date, stopped) or, given the lake bucket's name, on the
 * deployed bucket through the S3 API with the account's credentials.
 */
import { startLocalS3 } from './local-s3.ts';
import { syncLocalMirror } from './local-mirror.ts';
import { createS3Client } from '../pipeline/storage/s3-client.ts';
import {
  compactLake,
  type CompactedDatasetMonth,
  type CompactLakeOptions,
} from '../pipeline/ops/compact-lake.ts';

export type CompactRun = Omit<CompactLakeOptions, 's3' | 'lakeBucket'>;

export async function compactLocal(opts: { dataDir: string } & CompactRun): Promise<CompactedDatasetMonth[]> {
  const s3 = await startLocalS3({ dataDir: opts.dataDir });
  let done: CompactedDatasetMonth[];
  try {
    done = await compactLake({ ...opts, s3: s3.client, lakeBucket: s3.lakeBucket });
  } finally {
    await s3.close();
  }
  // The mirror follows at once, so `vss query` and `vss refresh` read the compacted months.
  if (done.length > 0) await syncLocalMirror(opts.dataDir);
  return done;
}

export async function compactDeployed(
  opts: { lakeBucket: string } & CompactRun,
): Promise<CompactedDatasetMonth[]> {
  const s3 = createS3Client();
  try {
    return await compactLake({ ...opts, s3, lakeBucket: opts.lakeBucket });
  } finally {
    s3.destroy();
  }
}
