/**
 * The whole pipeline on one machine, as `npm start` runs it:
 *
 *   generate samples (once) ─> upload to local S3 ─ObjectCreated─> ingest handler ─> lake, ledger, receipts
 *        ─> mirror the lake bucket ─> refresh (DuckDB queries) ─> build the page ─> serve on 127.0.0.1
 *        + the upload portal: local S3 and ingest stay up, /api/* answers as the upload Lambda does
 *          and each burst of portal uploads mirrors and refreshes the dashboard data again
 *
 * Every step reuses what the data directory already holds: samples are generated once, files
 * already stored with the same bytes are not uploaded again, so a second run counts nothing twice.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { syncLocalMirror } from './local-mirror.ts';
import { generateSamples } from '../pipeline/generate/index.ts';
import { StorageError } from '../core/errors.ts';
import { localPaths } from '../core/contracts/layout.ts';
import { inOneLine, LOCAL_RUN_MESSAGES, PROGRESS_MESSAGES } from '../core/messages/index.ts';
import { inStage, lineStages, type Stages } from '../pipeline/progress/index.ts';
import { ingestFiles, type IngestSummary } from './ingest-files.ts';
import { filesFromManifest, MANIFEST_FILE } from './upload-files.ts';
import type { LocalS3 } from './local-s3.ts';
import type { Period } from '../core/period.ts';
import type { Scope } from '../core/contracts/api-types.ts';
import { startLocalPortal } from './local-portal.ts';
import { buildSite } from '../pipeline/site/build.ts';
import { refreshSite } from '../pipeline/refresh/refresh.ts';
import { serveSite, type SiteServer } from './site-server.ts';
import { localDashboardRefresh } from './local-dashboard-refresh.ts';

export interface RunLocalOptions {
  dataDir: string;
  port: number;
  from: Period;
  to: Period;
  seed: number;
  /** Worker threads for the ingest handler (default 0: on the main thread). */
  ingestThreads?: number;
  /** Local only: the province the portal acts as until the page's selector chooses another. */
  asProvince?: Scope;
  /** Lines for the operator; never the dashboard line. */
  log: (line: string) => void;
  /** Where each stage reports (a bar on a terminal); by default one line per stage through `log`. */
  stages?: Stages;
  /** How long portal uploads are gathered before the dashboard data is refreshed (default 2 s). */
  refreshWindowMs?: number;
}

export interface RunLocalResult {
  server: SiteServer;
  ingest: IngestSummary;
  /** Resolves once the refresh after the portal uploads so far has run (tests). */
  refreshed: () => Promise<void>;
}

export async function runLocalPipeline(opts: RunLocalOptions): Promise<RunLocalResult> {
  const paths = localPaths(opts.dataDir);
  const { log } = opts;
  const stages = opts.stages ?? lineStages({ write: (text) => log(text.trimEnd()) });
  if (!existsSync(join(paths.samples, MANIFEST_FILE))) {
    const { files } = await inStage(stages, PROGRESS_MESSAGES.generate, () =>
      generateSamples({ out: paths.samples, from: opts.from, to: opts.to, seed: opts.seed }),
    );
    log(`  ${inOneLine(LOCAL_RUN_MESSAGES.samplesWritten(files, paths.samples))}`);
  } else {
    log(inOneLine(LOCAL_RUN_MESSAGES.samplesReused(paths.samples)));
  }
  const files = await filesFromManifest(paths.samples);
  const ingest = await inStage(
    stages,
    PROGRESS_MESSAGES.ingest,
    (stage) =>
      ingestFiles({
        dataDir: opts.dataDir,
        files,
        threads: opts.ingestThreads,
        onProgress: (done, total) => stage.update(done, total),
      }),
    files.length,
  );
  log(`  ${inOneLine(LOCAL_RUN_MESSAGES.ingested(ingest))}`);
  await inStage(stages, PROGRESS_MESSAGES.mirror, () => syncLocalMirror(opts.dataDir));
  await inStage(stages, PROGRESS_MESSAGES.refresh, () =>
    refreshSite({ mirrorDir: paths.mirror, outDir: join(paths.site, 'data') }),
  );
  await inStage(stages, PROGRESS_MESSAGES.build, () => buildSite({ outDir: paths.site }));
  // The refresh reads the portal's own local S3, which exists only once the portal runs.
  const running: { s3?: LocalS3 } = {};
  const refresh = localDashboardRefresh({
    dataDir: opts.dataDir,
    s3: () => {
      if (!running.s3) throw new StorageError('the local S3 of the portal is not running');
      return running.s3;
    },
    log,
    windowMs: opts.refreshWindowMs,
  });
  const portal = await startLocalPortal({
    dataDir: opts.dataDir,
    asProvince: opts.asProvince,
    log,
    // A duplicate changes nothing; accepted uploads change the lake, rejected ones the reporting page.
    onOutcome: (outcome) => {
      if (outcome.status !== 'duplicate') refresh.schedule();
    },
  });
  running.s3 = portal.s3;
  const site = await serveSite({ dir: paths.site, port: opts.port, api: portal.handle }).catch(
    async (error: unknown) => {
      await portal.close();
      throw error;
    },
  );
  log(
    `upload portal: ${site.url}portal.html (local only: acting as ${opts.asProvince ?? 'the province chosen on the page'})`,
  );
  const server: SiteServer = {
    url: site.url,
    close: async () => {
      await site.close();
      await refresh.close();
      await portal.close();
    },
  };
  return {
    server,
    ingest,
    refreshed: async () => {
      await portal.idle();
      await refresh.idle();
    },
  };
}
