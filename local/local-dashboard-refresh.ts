/**
 * `vss start` keeps the dashboard current while the portal is used: after uploads the portal's
 * ingest handled (a burst of them counts once), the lake is mirrored again from the running
 * local S3 and the site data refreshed in place, as the refresh Lambda does in AWS after its
 * trigger's batching window. A failed refresh is logged and leaves the previous data served.
 */
import { join } from 'node:path';
import { syncMirror } from '../pipeline/mirror/mirror.ts';
import { localPaths } from '../core/contracts/layout.ts';
import { MIRRORED_PREFIXES } from './local-mirror.ts';
import type { LocalS3 } from './local-s3.ts';
import { refreshSite } from '../pipeline/refresh/refresh.ts';
import { debouncedRun, type DebouncedRun } from './debounced-run.ts';

/** Locally a few seconds: long enough to gather a burst, short enough to see one's upload. */
export const LOCAL_REFRESH_WINDOW_MS = 2_000;

export interface LocalDashboardRefreshOptions {
  dataDir: string;
  /** The portal's running local S3: the mirror reads it while uploads keep arriving. */
  s3: () => LocalS3;
  log: (line: string) => void;
  windowMs?: number;
}

export function localDashboardRefresh(opts: LocalDashboardRefreshOptions): DebouncedRun {
  const paths = localPaths(opts.dataDir);
  return debouncedRun(
    async () => {
      const s3 = opts.s3();
      await syncMirror({
        s3: s3.client,
        bucket: s3.lakeBucket,
        dir: paths.mirror,
        prefixes: [...MIRRORED_PREFIXES],
      });
      await refreshSite({ mirrorDir: paths.mirror, outDir: join(paths.site, 'data') });
      opts.log('refreshed the dashboard data after portal uploads');
    },
    {
      windowMs: opts.windowMs ?? LOCAL_REFRESH_WINDOW_MS,
      onError: (error) => opts.log(`dashboard refresh after portal uploads failed: ${String(error)}`),
    },
  );
}
