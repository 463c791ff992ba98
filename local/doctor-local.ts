/**
 * `vss doctor` on a laptop (the local S3 started without notifications, checked, stopped) or,
 * given the bucket names, on the deployed buckets through the S3 API with the account's
 * credentials. Its only repair rewrites summaries, which are recomputed, never lost.
 */
import type { S3Client } from '@aws-sdk/client-s3';
import { startLocalS3 } from './local-s3.ts';
import { createS3Client } from '../pipeline/storage/s3-client.ts';
import { checkConsistency, type ConsistencyReport } from '../pipeline/ops/check-consistency.ts';
import { repairSummaries, type SummaryRepair } from '../pipeline/ops/repair-summaries.ts';

export interface DoctorRun {
  /** Recompute summaries that do not match the upload in force. */
  repair?: boolean;
  /** With `repair`: say what would change, change nothing. */
  dryRun?: boolean;
  /** Called as uploads are read, for a progress display. */
  onProgress?: (done: number, total: number) => void;
}

export type DoctorReport = ConsistencyReport & { repairs: SummaryRepair[] };

export async function doctorBuckets(
  o: { s3: S3Client; uploadsBucket: string; lakeBucket: string },
  run: DoctorRun,
): Promise<DoctorReport> {
  const report = await checkConsistency({ ...o, onProgress: run.onProgress });
  if (!run.repair) return { ...report, repairs: [] };
  const repairs = await repairSummaries({ ...o, ...report, dryRun: run.dryRun });
  if (run.dryRun || repairs.length === 0) return { ...report, repairs };
  return { ...(await checkConsistency(o)), repairs };
}

export async function doctorLocal(opts: { dataDir: string } & DoctorRun): Promise<DoctorReport> {
  const s3 = await startLocalS3({ dataDir: opts.dataDir });
  try {
    return await doctorBuckets(
      { s3: s3.client, uploadsBucket: s3.uploadsBucket, lakeBucket: s3.lakeBucket },
      opts,
    );
  } finally {
    await s3.close();
  }
}

export async function doctorDeployed(
  opts: { uploadsBucket: string; lakeBucket: string } & DoctorRun,
): Promise<DoctorReport> {
  const s3 = createS3Client();
  try {
    return await doctorBuckets({ s3, uploadsBucket: opts.uploadsBucket, lakeBucket: opts.lakeBucket }, opts);
  } finally {
    s3.destroy();
  }
}
