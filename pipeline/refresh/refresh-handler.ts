/**
 * The refresh Lambda's work (monthly schedule and after uploads; entry point functions/refresh.ts):
 * on DuckDB, recompute the months changed since the state kept in the lake bucket
 * (refresh-routes.ts: only those months' objects and the spliced site files fetched, so a new
 * container does not copy six years of the lake), or, when that state cannot vouch for the
 * result, copy the lake into /tmp and refresh in full; on Athena the queries read the lake in
 * place and only the sign-off records are copied. Then publish the site data files under data/
 * in the site bucket (only those whose bytes changed: publish-site-data.ts) and, last, keep the
 * state for the next run. Locally `vss refresh` runs the same refreshSite on the data directory.
 */
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import type { Engine } from '../query/engine.ts';
import { syncMirror, type MirrorReport } from '../mirror/mirror.ts';
import { ConfigError } from '../../core/errors.ts';
import { APPROVALS_PREFIX } from '../../core/contracts/layout.ts';
import { publishSiteData } from './publish-site-data.ts';
import { keepPublishedRecord, takePublishedRecord } from './published-record.ts';
import { refreshSite, refreshVersionOf } from './refresh.ts';
import { s3TargetsObject, targetsOf } from '../reference/targets-object.ts';
import { byMonthRoute, fullRoute, type Routed } from './refresh-routes.ts';
import { readState } from './refresh-state.ts';
import { writeStoredState } from './stored-state.ts';
import { openAthenaSiteEngine } from './athena-site-engine.ts';

export interface RefreshDeps {
  s3: S3Client;
  lakeBucket: string;
  siteBucket: string;
  /** Kept between warm invocations: the site folder, and the mirror of a full refresh. */
  tmpDir: string;
  now?: () => Date;
  log?: (entry: Record<string, unknown>) => void;
  /** Athena (VSS_REFRESH_ENGINE=athena): the queries read the lake in place; only approvals/ is mirrored. */
  openEngine?: () => Promise<Engine>;
}

export interface RefreshOutcome extends MirrorReport {
  /** Every site data key; `sent` those whose bytes changed, the only ones PUT. */
  keys: string[];
  sent: string[];
  /** By month from the stored state, or in full (and why not by month). */
  route: 'by-month' | 'full' | 'athena';
  reason?: string;
  /** Site files fetched from the site bucket to splice. */
  siteFetched: number;
}

const jsonLog = (entry: Record<string, unknown>) => console.log(JSON.stringify(entry));

export function createRefreshHandler(deps: RefreshDeps): () => Promise<RefreshOutcome> {
  const log = deps.log ?? jsonLog;
  return async function refresh(): Promise<RefreshOutcome> {
    const outDir = join(deps.tmpDir, 'site-data');
    // Taken before any file is written: put back only once the folder is published again.
    const record = await takePublishedRecord(deps.tmpDir);
    const routed = deps.openEngine ? await athenaRoute(deps, outDir, deps.openEngine) : undefined;
    // The targets are part of the state's version (a decision loaded means a full refresh), read
    // from the bucket here because a new container has no mirror yet.
    const version = routed
      ? ''
      : await refreshVersionOf(await targetsOf(s3TargetsObject(deps.s3, deps.lakeBucket)));
    const routeDeps = { ...deps, outDir, version };
    const byMonth = routed ? undefined : await byMonthRoute(routeDeps, record);
    const run = routed ?? (byMonth?.ok ? byMonth.routed : await fullRoute(routeDeps));
    const reason = byMonth && !byMonth.ok ? byMonth.reason : undefined;
    const { files, written } = run.result;
    const published = await publishSiteData(deps.s3, deps.siteBucket, outDir, files, {
      written,
      baseline: run.baseline,
      resend: byMonth && !byMonth.ok ? byMonth.resend : [],
    });
    await keepPublishedRecord(deps.tmpDir, published.manifest);
    const state = deps.openEngine ? undefined : readState(run.mirrorDir, outDir, version);
    if (state && run.inputs && published.manifest) {
      try {
        await writeStoredState(deps.s3, deps.lakeBucket, {
          version,
          manifest: published.manifest,
          inputs: run.inputs,
          state,
        });
      } catch (error) {
        // The site is published; the next run, finding the older state, refreshes in full.
        log({ level: 'WARN', message: 'refresh state not kept', error: String(error) });
      }
    }
    const { downloaded, deleted, unchanged, siteFetched } = run;
    const outcome: RefreshOutcome = {
      keys: published.keys,
      sent: published.sent,
      downloaded,
      deleted,
      unchanged,
      route: run.route === 'full' && deps.openEngine ? 'athena' : run.route,
      ...(reason === undefined ? {} : { reason }),
      siteFetched,
    };
    const recomputed = run.result.recomputed;
    log({
      level: 'INFO',
      message: 'site data refreshed',
      ...outcome,
      keys: outcome.keys.length,
      sent: outcome.sent.length,
      recomputed: recomputed === 'all' ? 'all' : recomputed.length,
    });
    return outcome;
  };
}

/** On Athena the queries read the lake in place; only the sign-off records (no table) are copied. */
async function athenaRoute(
  deps: RefreshDeps,
  outDir: string,
  openEngine: () => Promise<Engine>,
): Promise<Routed> {
  const mirrorDir = join(deps.tmpDir, 'mirror');
  const synced = await syncMirror({
    s3: deps.s3,
    bucket: deps.lakeBucket,
    dir: mirrorDir,
    prefixes: [APPROVALS_PREFIX],
  });
  const result = await refreshSite({
    mirrorDir,
    outDir,
    backfillSummaries: false,
    now: deps.now,
    openEngine,
  });
  return { route: 'full', result, mirrorDir, inputs: undefined, siteFetched: 0, ...synced };
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
