/**
 * The refresh Lambda (monthly schedule and after uploads): copy the lake into /tmp, run the
 * dashboard queries with DuckDB (or Athena, copying only the sign-off records), and publish the site data files under data/ in the site bucket
 * (only those whose bytes changed: pipeline/refresh/publish-site-data.ts).
 * Locally `vss refresh` runs the same refreshSite on the data directory instead.
 */
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Engine } from '../pipeline/query/engine.ts';
import { syncMirror } from '../pipeline/mirror/mirror.ts';
import { ConfigError } from '../core/errors.ts';
import { APPROVALS_PREFIX } from '../core/contracts/layout.ts';
import { publishSiteData, SITE_DATA_PREFIX } from '../pipeline/refresh/publish-site-data.ts';
import { refreshMirrorPrefixes, refreshSite } from '../pipeline/refresh/refresh.ts';
import { debtMonthPrefix, latestDebtPeriod } from '../pipeline/refresh/refresh-bundles.ts';
import { createS3Client } from '../pipeline/storage/s3-client.ts';
import { withRefreshTelemetry } from '../pipeline/observability/refresh-telemetry.ts';
import { openAthenaSiteEngine } from '../pipeline/refresh/athena-site-engine.ts';

export interface RefreshDeps {
  s3: S3Client;
  lakeBucket: string;
  siteBucket: string;
  /** Kept between warm invocations, so the mirror only fetches what changed. */
  tmpDir: string;
  now?: () => Date;
  log?: (entry: Record<string, unknown>) => void;
  /** Athena (VSS_REFRESH_ENGINE=athena): the queries read the lake in place; only approvals/ is mirrored. */
  openEngine?: () => Promise<Engine>;
}

export interface RefreshOutcome {
  /** Every site data key; `sent` those whose bytes changed, the only ones PUT. */
  keys: string[];
  sent: string[];
  downloaded: number;
  deleted: number;
  unchanged: number;
}

export { SITE_DATA_PREFIX };

const jsonLog = (entry: Record<string, unknown>) => console.log(JSON.stringify(entry));

export function createRefreshHandler(deps: RefreshDeps): () => Promise<RefreshOutcome> {
  const log = deps.log ?? jsonLog;
  return async function refresh(): Promise<RefreshOutcome> {
    const mirrorDir = join(deps.tmpDir, 'mirror');
    // On Athena the queries read the lake in place; only the sign-off records (a handful per
    // unit-month, no table of their own) are copied, for the approval states.
    const synced = await syncMirror({
      s3: deps.s3,
      bucket: deps.lakeBucket,
      dir: mirrorDir,
      // summaries/ and the detail the dashboard reads; never the employer-level debt rows
      prefixes: deps.openEngine ? [APPROVALS_PREFIX] : refreshMirrorPrefixes(),
    });
    // The police-coordination lists read employer-level debt: of the latest month only.
    const latest = deps.openEngine ? undefined : latestDebtPeriod(mirrorDir);
    if (latest) {
      await syncMirror({
        s3: deps.s3,
        bucket: deps.lakeBucket,
        dir: mirrorDir,
        prefixes: [debtMonthPrefix(latest)],
      });
    }
    const outDir = join(deps.tmpDir, 'site-data');
    const { files } = await refreshSite({
      mirrorDir,
      outDir,
      backfillSummaries: false,
      now: deps.now,
      openEngine: deps.openEngine,
    });
    const { keys, sent } = await publishSiteData(deps.s3, deps.siteBucket, outDir, files);
    const outcome = { keys, sent, ...synced };
    log({ level: 'INFO', message: 'site data refreshed', ...outcome, keys: keys.length, sent: sent.length });
    return outcome;
  };
}

/** VSS_REFRESH_ENGINE (set by the stack): duckdb (default) or athena with its workgroup and database. */
export function engineFromEnvironment(env: NodeJS.ProcessEnv): (() => Promise<Engine>) | undefined {
  const engine = env.VSS_REFRESH_ENGINE ?? 'duckdb';
  if (engine === 'duckdb') return undefined;
  const workGroup = env.VSS_ATHENA_WORKGROUP;
  if (engine !== 'athena' || !workGroup) {
    throw new ConfigError('VSS_REFRESH_ENGINE must be duckdb, or athena with VSS_ATHENA_WORKGROUP set');
  }
  return () => openAthenaSiteEngine({ workGroup, database: env.VSS_ATHENA_DATABASE ?? 'vss' });
}

let lambdaHandler: (() => Promise<RefreshOutcome>) | undefined;

/** The Lambda entry; the mirror in /tmp survives while the container is warm. */
export const handler = withRefreshTelemetry(async (): Promise<RefreshOutcome> => {
  const lakeBucket = process.env.LAKE_BUCKET;
  const siteBucket = process.env.SITE_BUCKET;
  if (!lakeBucket || !siteBucket) throw new ConfigError('LAKE_BUCKET and SITE_BUCKET must be set');
  lambdaHandler ??= createRefreshHandler({
    s3: createS3Client({ endpoint: process.env.S3_ENDPOINT }),
    lakeBucket,
    siteBucket,
    tmpDir: '/tmp/vss-refresh',
    openEngine: engineFromEnvironment(process.env),
  });
  return lambdaHandler();
});
