/** `vss doctor` on a laptop: the local S3 started without notifications, checked, stopped. */
import { startLocalS3 } from '../local/local-s3.ts';
import { checkConsistency, type ConsistencyReport } from './check-consistency.ts';
import { repairSummaries, type SummaryRepair } from './repair-summaries.ts';

export async function doctorLocal(opts: {
  dataDir: string;
  /** Recompute summaries that do not match the upload in force. */
  repair?: boolean;
  /** With `repair`: say what would change, change nothing. */
  dryRun?: boolean;
}): Promise<ConsistencyReport & { repairs: SummaryRepair[] }> {
  const s3 = await startLocalS3({ dataDir: opts.dataDir });
  try {
    const o = { s3: s3.client, uploadsBucket: s3.uploadsBucket, lakeBucket: s3.lakeBucket };
    const report = await checkConsistency(o);
    if (!opts.repair) return { ...report, repairs: [] };
    const repairs = await repairSummaries({ ...o, ...report, dryRun: opts.dryRun });
    if (opts.dryRun || repairs.length === 0) return { ...report, repairs };
    return { ...(await checkConsistency(o)), repairs };
  } finally {
    await s3.close();
  }
}
