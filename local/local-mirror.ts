/**
 * Brings the mirror of a local data directory up to date with its local S3, when there is one:
 * `vss query` and `vss refresh` then see the latest accepted uploads without a separate step.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import {
  APPROVALS_PREFIX,
  LAKE_PREFIX,
  LEDGER_COMPACTED_PREFIX,
  LEDGER_PREFIX,
  localPaths,
  SUMMARIES_PREFIX,
  TARGETS_PREFIX,
} from '../core/contracts/layout.ts';
import type { MirrorReport } from '../pipeline/mirror/mirror.ts';

/** The lake bucket's prefixes the mirror copies (the sign-off records for the refresh's states, the targets). */
export const MIRRORED_PREFIXES: readonly string[] = [
  LAKE_PREFIX,
  SUMMARIES_PREFIX,
  LEDGER_PREFIX,
  LEDGER_COMPACTED_PREFIX,
  APPROVALS_PREFIX,
  TARGETS_PREFIX,
];

/** Null when the data directory has no local S3 lake yet (the mirror is then read as it is). */
export async function syncLocalMirror(dataDir: string): Promise<MirrorReport | null> {
  const paths = localPaths(dataDir);
  // The S3 server and SDK are loaded only when there is a local S3: a query over a mirror alone
  // would pay their load at every start.
  if (!existsSync(paths.s3)) return null;
  const { LOCAL_LAKE_BUCKET, startLocalS3 } = await import('./local-s3.ts');
  if (!existsSync(join(paths.s3, LOCAL_LAKE_BUCKET))) return null;
  const { syncMirror } = await import('../pipeline/mirror/mirror.ts');
  const local = await startLocalS3({ dataDir });
  try {
    return await syncMirror({
      s3: local.client,
      bucket: local.lakeBucket,
      dir: paths.mirror,
      prefixes: [...MIRRORED_PREFIXES],
    });
  } finally {
    await local.close();
  }
}
