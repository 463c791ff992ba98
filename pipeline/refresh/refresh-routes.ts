/**
 * The two ways the refresh Lambda reaches its site data on DuckDB. By month: from the state kept
 * in the lake bucket, with only the changed months' objects and the spliced site files fetched
 * (refresh-cold-start.ts), whatever the container holds. In full, when that cannot vouch for the
 * result: the lake's refresh prefixes mirrored into /tmp (incrementally while the container is
 * warm) and every month recomputed, as before the state was kept.
 */
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { syncMirror, type MirrorReport } from '../mirror/mirror.ts';
import { refreshMirrorPrefixes, refreshSite, REFRESH_DETAIL_DATASETS } from './refresh.ts';
import { debtMonthPrefix, latestDebtPeriod } from './refresh-bundles.ts';
import { coldStart } from './refresh-cold-start.ts';
import { deltaRefresh } from './refresh-delta.ts';
import { mirroredInputs } from './refresh-inputs.ts';
import type { RefreshResult } from './refresh-options.ts';
import { forgetState } from './refresh-state.ts';
import { monthInputs } from './stored-state.ts';

export interface RouteDeps {
  s3: S3Client;
  lakeBucket: string;
  siteBucket: string;
  tmpDir: string;
  outDir: string;
  version: string;
  now?: () => Date;
}

export interface Routed extends MirrorReport {
  route: 'by-month' | 'full';
  result: RefreshResult;
  /** The mirror the refresh read (its state.json is the next stored state's). */
  mirrorDir: string;
  /** The per-month inputs the refresh read, if they can be told. */
  inputs: Record<string, string> | undefined;
  /** SHA-256 of the manifest the site folder's files not written match, if known. */
  baseline?: string;
  siteFetched: number;
}

export type ByMonth = { ok: true; routed: Routed } | { ok: false; reason: string; resend: string[] };

export async function byMonthRoute(deps: RouteDeps, publishedRecord: string | undefined): Promise<ByMonth> {
  try {
    const cold = await coldStart({ ...deps, publishedRecord });
    if (!cold.ok) return cold;
    const result = await deltaRefresh(
      { mirrorDir: cold.mirrorDir, outDir: deps.outDir, now: deps.now, backfillSummaries: false },
      cold.state,
      cold.changed,
      REFRESH_DETAIL_DATASETS,
    );
    const { mirrorDir, inputs, manifest, downloaded, unchanged, siteFetched } = cold;
    return {
      ok: true,
      routed: {
        route: 'by-month',
        result,
        mirrorDir,
        inputs,
        baseline: manifest,
        siteFetched,
        downloaded,
        unchanged,
        deleted: 0,
      },
    };
  } catch (error) {
    // The state could not vouch for the result (StaleSiteState), an object changed while it was
    // fetched, or anything else: the full refresh gives the answer, or the error again.
    return { ok: false, reason: `by month: ${String(error)}`, resend: [] };
  }
}

export async function fullRoute(deps: RouteDeps): Promise<Routed> {
  const mirrorDir = join(deps.tmpDir, 'mirror');
  const synced = await syncMirror({
    s3: deps.s3,
    bucket: deps.lakeBucket,
    dir: mirrorDir,
    // summaries/ and the detail the dashboard reads; never the employer-level debt rows
    prefixes: refreshMirrorPrefixes(),
  });
  // The police-coordination lists read employer-level debt: of the latest month only.
  const latest = latestDebtPeriod(mirrorDir);
  if (latest) {
    await syncMirror({
      s3: deps.s3,
      bucket: deps.lakeBucket,
      dir: mirrorDir,
      prefixes: [debtMonthPrefix(latest)],
    });
  }
  // The site folder may have been rebuilt by month since this mirror's own state was written.
  await forgetState(mirrorDir);
  const result = await refreshSite({
    mirrorDir,
    outDir: deps.outDir,
    backfillSummaries: false,
    now: deps.now,
  });
  const mirrored = mirroredInputs(mirrorDir);
  const inputs = mirrored ? monthInputs(mirrored.objects) : undefined;
  return { route: 'full', result, mirrorDir, inputs, siteFetched: 0, ...synced };
}
