/**
 * `vss refresh`: runs the dashboard's named queries over the lake mirror and writes the site data
 * files of core/contracts/site-data.ts. Every row is parsed with the contract's schema first, so a query whose
 * columns drift from what the page reads fails here, loudly, not on the leadership's screen.
 */
import { mkdir } from 'node:fs/promises';
import { resolve } from 'node:path';
import type { z } from 'zod';
import { DATASET_NAMES, type DatasetName } from '../../core/datasets/index.ts';
import { openEngine } from '../query/engine.ts';
import {
  APPROVALS_PREFIX,
  lakeDatasetPrefix,
  LEDGER_COMPACTED_PREFIX,
  LEDGER_PREFIX,
  SUMMARIES_PREFIX,
  TARGETS_PREFIX,
} from '../../core/contracts/layout.ts';
import { NotFoundError } from '../../core/errors.ts';
import { OPS_ERRORS } from '../../core/messages/index.ts';
import {
  approvalRow,
  comparisonRow,
  completenessRow,
  NATIONAL_FILES,
  nationalRow,
  PAGE_DATA,
  PROVINCE_FILES,
  provinceRow,
  SITE_FILES,
  siteMeta,
  type SiteMeta,
} from '../../core/contracts/site-data.ts';
import { headlineRow } from '../../core/contracts/headline.ts';
import { ensureSummaries } from '../summary/backfill.ts';
import { mirrorTargets } from '../reference/targets-object.ts';
import type { Targets } from '../../core/reference/targets.ts';
import { latestDebtDetailPeriod } from './refresh-bundles.ts';
import { deltaRefresh } from './refresh-delta.ts';
import type { RefreshOptions, RefreshResult } from './refresh-options.ts';
import { acceptedByMonth, acceptedTotals, comparedRows, monthRows, monthsHeld } from './refresh-months.ts';
import { writeSite } from './refresh-output.ts';
import {
  changedMonths,
  forgetState,
  listingMark,
  readState,
  stateVersion,
  writeState,
} from './refresh-state.ts';
import { fullWriter } from './refresh-write.ts';
import { unitRows as allUnits } from './unit-rows.ts';

export type { RefreshOptions, RefreshResult } from './refresh-options.ts';

/**
 * The datasets whose detail the dashboard's queries read: all but the employer-level debt, which
 * they read through vss.summaries. The refresh mirrors and loads only these, so its cost grows
 * with provinces x months, not with debtor rows.
 */
export const REFRESH_DETAIL_DATASETS: readonly DatasetName[] = DATASET_NAMES.filter((d) => d !== 'debt');

/** What the refresh copies from the lake bucket. */
export function refreshMirrorPrefixes(): string[] {
  return [
    ...REFRESH_DETAIL_DATASETS.map(lakeDatasetPrefix),
    SUMMARIES_PREFIX,
    LEDGER_PREFIX,
    LEDGER_COMPACTED_PREFIX,
    APPROVALS_PREFIX,
    TARGETS_PREFIX,
  ];
}

const SITE_QUERIES = [
  'national_monthly',
  'province_monthly',
  'completeness',
  'national_parts',
  'police_coordination',
];

/** Once per process: a warm container does not read the queries again. */
let codeVersionOnce: Promise<string> | undefined;

/**
 * Everything the state of a refresh depends on besides the mirror's data: its queries, its rows'
 * columns, the units (once per process, they come with the code) and the national targets, read
 * from the mirror at every run, so a decision loaded meanwhile makes the next run a full one.
 * (A new deployment starts new containers, whose /tmp holds no state; a local data folder keeps it
 * across code changes that touch none of these.)
 */
export async function refreshVersion(mirrorDir: string): Promise<string> {
  return refreshVersionOf(await mirrorTargets(mirrorDir));
}

/** The same, for targets read elsewhere (a new container reads them from the lake bucket). */
export async function refreshVersionOf(targets: Targets): Promise<string> {
  const columns = (schema: z.ZodObject<z.ZodRawShape>) => Object.keys(schema.shape);
  codeVersionOnce ??= stateVersion([...SITE_QUERIES, ...Object.values(PAGE_DATA).map((p) => p.query)], {
    rows: [nationalRow, provinceRow, completenessRow, approvalRow, comparisonRow, headlineRow, siteMeta]
      .map(columns)
      .concat(Object.values(PAGE_DATA).map((p) => columns(p.row))),
    units: allUnits(),
    files: { SITE_FILES, NATIONAL_FILES, PROVINCE_FILES },
  });
  return stateVersion([], { code: await codeVersionOnce, targets: targets.history() });
}

export async function refreshSite(opts: RefreshOptions): Promise<RefreshResult> {
  if (opts.openEngine) return fullRefresh(opts, undefined);
  // The summaries first, so the state's view of the mirror includes what the backfill wrote.
  if (opts.backfillSummaries !== false) await ensureSummaries(opts.mirrorDir);
  const version = await refreshVersion(opts.mirrorDir);
  const state = readState(opts.mirrorDir, opts.outDir, version);
  const changed = state ? changedMonths(opts.mirrorDir, state) : undefined;
  if (state && changed) {
    try {
      return await deltaRefresh(opts, state, changed, REFRESH_DETAIL_DATASETS);
    } catch {
      // The state could not vouch for the result (StaleSiteState), or anything else went wrong on
      // the way: a full refresh gives the answer, or the error again if it was the data's.
    }
  }
  return fullRefresh(opts, version);
}

/** Every month recomputed and every file written; on DuckDB the state for the next run saved. */
async function fullRefresh(opts: RefreshOptions, version: string | undefined): Promise<RefreshResult> {
  const now = opts.now ?? (() => new Date());
  const debtDetail = opts.openEngine ? undefined : latestDebtDetailPeriod(opts.mirrorDir);
  if (version !== undefined) await forgetState(opts.mirrorDir);
  const mark = version === undefined ? undefined : listingMark(opts.mirrorDir);
  const engine = opts.openEngine
    ? await opts.openEngine()
    : await openEngine({
        mirrorDir: opts.mirrorDir,
        materialize: REFRESH_DETAIL_DATASETS,
        monthOnly: debtDetail === undefined ? {} : { debt: debtDetail },
        backfillSummaries: false,
      });
  try {
    const periods = [...engine.months];
    const first = periods[0];
    const latest = periods.at(-1);
    if (first === undefined || latest === undefined) {
      throw new NotFoundError(OPS_ERRORS.nothingToRefresh(opts.mirrorDir));
    }
    const rows = await monthRows(engine, opts.mirrorDir, periods, false);
    const accepted = acceptedByMonth(rows);
    const totals = acceptedTotals(accepted);
    const meta: SiteMeta = siteMeta.parse({
      computed_at: now().toISOString(),
      first_period: first,
      latest_period: latest,
      periods,
      uploads_accepted: totals.uploads,
    });
    await mkdir(opts.outDir, { recursive: true });
    const unitRows = allUnits();
    const writer = fullWriter(opts.outDir);
    // Athena reads the lake in place; DuckDB holds the mirror's latest month of debt detail.
    const withPolice = opts.openEngine !== undefined || debtDetail === latest;
    const files = await writeSite({
      engine,
      outDir: opts.outDir,
      writer,
      meta,
      rows,
      compared: comparedRows(rows.provinces, rows.completeness, rows.approvals, unitRows, periods),
      units: unitRows,
      withPolice,
      readPolice: true,
      acceptedByUnit: totals.byUnit,
    });
    const segments = writer.segments();
    if (version !== undefined && mark !== undefined && segments !== undefined) {
      await writeState(opts.mirrorDir, {
        version,
        outDir: resolve(opts.outDir),
        ...mark,
        periods,
        held: await monthsHeld(engine),
        police: { period: latest, withPolice },
        accepted,
        segments,
      });
    }
    return { files, written: writer.written(), recomputed: 'all' };
  } finally {
    engine.close();
  }
}
