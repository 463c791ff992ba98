/**
 * The refresh Lambda's work (monthly schedule and after uploads; entry point functions/refresh.ts):
 * copy the lake into /tmp, run the dashboard queries with DuckDB (or Athena, copying only the
 * sign-off records), and publish the site data files under data/ in the site bucket (only those
 * whose bytes changed: publish-site-data.ts). Locally `vss refresh` runs the same refreshSite on
 * the data directory instead.
 */
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Engine } from '../query/engine.ts';
import { syncMirror } from '../mirror/mirror.ts';
import { ConfigError } from '../../core/errors.ts';
import { APPROVALS_PREFIX } from '../../core/contracts/layout.ts';
import { publishSiteData } from './publish-site-data.ts';
import { refreshMirrorPrefixes, refreshSite } from './refresh.ts';
import { debtMonthPrefix, latestDebtPeriod } from './refresh-bundles.ts';
import { openAthenaSiteEngine } from './athena-site-engine.ts';

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

/** The variables that choose the engine; the refresh Lambda's schema (functions/environment.ts) holds them. */
export interface EngineSettings {
  VSS_REFRESH_ENGINE?: string;
  VSS_ATHENA_WORKGROUP?: string;
  VSS_ATHENA_DATABASE?: string;
}

/** VSS_REFRESH_ENGINE (set by the stack): duckdb (default) or athena with its workgroup and database. */
export function engineFromEnvironment(env: EngineSettings): (() => Promise<Engine>) | undefined {
  const engine = env.VSS_REFRESH_ENGINE ?? 'duckdb';
  if (engine === 'duckdb') return undefined;
  const workGroup = env.VSS_ATHENA_WORKGROUP;
  if (engine !== 'athena' || !workGroup) {
    throw new ConfigError('VSS_REFRESH_ENGINE must be duckdb, or athena with VSS_ATHENA_WORKGROUP set');
  }
  return () => openAthenaSiteEngine({ workGroup, database: env.VSS_ATHENA_DATABASE ?? 'vss' });
}
