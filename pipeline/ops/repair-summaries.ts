/**
 * `vss doctor --repair` for summaries: a province-month whose summary is missing or stamped with
 * another upload than the ledger's winner gets its summary recomputed from the lake object, and
 * only when that object itself holds the winner (doctor's lake check agrees); otherwise the lake
 * needs `vss replay` first and the summary is left alone. Writing a summary replaces nothing that
 * cannot be recomputed, so the repair needs no undo.
 */
import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { readLakeStamp } from '../lake/write-partition.ts';
import { lakeKey } from '../../core/contracts/layout.ts';
import { parseProvinceMonthName } from '../../core/contracts/layout-parse.ts';
import { readObject } from '../storage/object-bytes.ts';
import { readLakeRows } from '../summary/backfill.ts';
import { writeSummary } from '../summary/write-summary.ts';
import type { Problem } from './check-consistency.ts';

export interface SummaryRepair {
  key: string;
  uploadId: string;
  action: 'rewritten' | 'would-rewrite' | 'lake-not-settled';
}

export async function repairSummaries(o: {
  s3: S3Client;
  lakeBucket: string;
  problems: readonly Problem[];
  /** The winner's upload id of each province-month ("dataset/period/province"). */
  winners: ReadonlyMap<string, string>;
  dryRun?: boolean;
  tmpDir?: string;
}): Promise<SummaryRepair[]> {
  const repairs: SummaryRepair[] = [];
  for (const problem of o.problems) {
    if (problem.kind !== 'summary-missing' && problem.kind !== 'summary-stale') continue;
    const pm = parseProvinceMonthName(problem.key);
    const uploadId = o.winners.get(problem.key);
    if (!uploadId || !pm) continue;
    const { dataset, period, province } = pm;
    const stamp = await readLakeStamp(o.s3, o.lakeBucket, dataset, period, province);
    if (stamp?.uploadId !== uploadId) {
      repairs.push({ key: problem.key, uploadId, action: 'lake-not-settled' });
      continue;
    }
    if (o.dryRun) {
      repairs.push({ key: problem.key, uploadId, action: 'would-rewrite' });
      continue;
    }
    const file = join(o.tmpDir ?? tmpdir(), `vss-doctor-${randomUUID()}.parquet`);
    try {
      await writeFile(file, (await readObject(o.s3, o.lakeBucket, lakeKey(dataset, period, province))).bytes);
      const rows = await readLakeRows(file);
      await writeSummary({
        s3: o.s3,
        bucket: o.lakeBucket,
        dataset,
        period,
        province,
        rows,
        uploadId,
        tmpDir: o.tmpDir,
      });
    } finally {
      await rm(file, { force: true });
    }
    repairs.push({ key: problem.key, uploadId, action: 'rewritten' });
  }
  return repairs;
}
