/**
 * `vss refresh`: runs the dashboard's named queries over the lake mirror and writes the site data
 * files of core/contracts/site-data.ts. Every row is parsed with the contract's schema first, so a query whose
 * columns drift from what the page reads fails here, loudly, not on the leadership's screen.
 */
import { mkdir, rename, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import type { z } from 'zod';
import { DATASET_NAMES, type DatasetName } from '../../core/datasets/index.ts';
import { openEngine, type Engine } from '../query/engine.ts';
import {
  APPROVALS_PREFIX,
  lakeDatasetPrefix,
  LEDGER_PREFIX,
  SUMMARIES_PREFIX,
} from '../../core/contracts/layout.ts';
import { NotFoundError, QueryError } from '../../core/errors.ts';
import { OPS_ERRORS } from '../../core/messages/index.ts';
import {
  completenessRow,
  NATIONAL_FILES,
  nationalRow,
  PROVINCE_FILES,
  provinceRow,
  SITE_FILES,
  siteMeta,
  type ReportRow,
  type SiteMeta,
} from '../../core/contracts/site-data.ts';
import { likeForLike } from '../../core/like-for-like.ts';
import { headlineFigures } from '../../core/headline.ts';
import { approvalRows, readApprovalRecords } from './refresh-approvals.ts';
import { approvedNational, nationalPart } from './refresh-approved.ts';
import { approvedCompleteness } from '../../core/approved-basis.ts';
import { latestDebtDetailPeriod, writeProvinceBundles } from './refresh-bundles.ts';
import { unitRows as allUnits } from './unit-rows.ts';
import {
  jsonText,
  shownMonths,
  siteTable,
  tableJson,
  writePageData,
  type SiteTable,
} from './refresh-pages.ts';

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
    APPROVALS_PREFIX,
  ];
}

export interface RefreshOptions {
  mirrorDir: string;
  outDir: string;
  now?: () => Date;
  /** Another engine for the same named queries (Athena in AWS); default: DuckDB over mirrorDir. */
  openEngine?: () => Promise<Engine>;
  /**
   * Compute missing summaries from lake objects first (default true). The Lambda turns it off: its
   * mirror holds the summaries ingest wrote and only the latest month of debt detail, which the
   * backfill would take for a lake whose other months were withdrawn.
   */
  backfillSummaries?: boolean;
}

async function rowsOf<T>(engine: Engine, query: string, schema: z.ZodType<T>): Promise<T[]> {
  const { rows } = await engine.runNamed(query, shownMonths(engine));
  return rows.map((row, i) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      throw new QueryError(
        `queries/${query}.sql row ${i + 1} does not match the site data contract: ${parsed.error.message}`,
      );
    }
    return parsed.data;
  });
}

async function writeJson(dir: string, file: string, value: unknown): Promise<string> {
  const path = join(dir, file);
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, jsonText(value));
  await rename(temporary, path); // the server never hands out half a file
  return path;
}

export async function refreshSite(opts: RefreshOptions): Promise<{ files: string[] }> {
  const now = opts.now ?? (() => new Date());
  const debtDetail = opts.openEngine ? undefined : latestDebtDetailPeriod(opts.mirrorDir);
  const engine = opts.openEngine
    ? await opts.openEngine()
    : await openEngine({
        mirrorDir: opts.mirrorDir,
        materialize: REFRESH_DETAIL_DATASETS,
        monthOnly: debtDetail === undefined ? {} : { debt: debtDetail },
        backfillSummaries: opts.backfillSummaries,
      });
  try {
    const periods = [...engine.months];
    const first = periods[0];
    const latest = periods.at(-1);
    if (first === undefined || latest === undefined) {
      throw new NotFoundError(OPS_ERRORS.nothingToRefresh(opts.mirrorDir));
    }
    const national = await rowsOf(engine, 'national_monthly', nationalRow);
    const provinceRows = await rowsOf(engine, 'province_monthly', provinceRow);
    const completeness = await rowsOf(engine, 'completeness', completenessRow);
    const accepted = await engine.runQuery("SELECT count(*) AS n FROM vss.uploads WHERE status = 'accepted'");
    const meta: SiteMeta = siteMeta.parse({
      computed_at: now().toISOString(),
      first_period: first,
      latest_period: latest,
      periods,
      uploads_accepted: accepted.rows[0]?.n,
    });
    await mkdir(opts.outDir, { recursive: true });
    const unitRows = allUnits();
    const provinceTable = siteTable(provinceRows);
    const completenessTable = siteTable(completeness);
    const files = [
      await writeJson(opts.outDir, SITE_FILES.national, national),
      await writeJson(opts.outDir, SITE_FILES.provinces, tableJson(provinceTable)),
      await writeJson(opts.outDir, SITE_FILES.completeness, tableJson(completenessTable)),
      await writeJson(opts.outDir, SITE_FILES.units, unitRows),
      // changes over the units that reported both months, computed from the rows just written
      await writeJson(
        opts.outDir,
        NATIONAL_FILES.comparisons,
        likeForLike(provinceRows, completeness, unitRows, periods),
      ),
      // the first screen's figures against the national targets, from the same rows
      await writeJson(
        opts.outDir,
        NATIONAL_FILES.headline,
        headlineFigures(provinceRows, completeness, unitRows, periods),
      ),
    ];
    // the section pages' files (queries/site_*.sql), kept apart in refresh-pages.ts
    const pages = await writePageData(engine, opts.outDir, writeJson);
    // The sign-off state of every report, decided from the ledger rows just written (parsed with
    // reportRow by writePageData) and the sign-off records beside the mirror.
    const reports = (pages.tables.get(SITE_FILES.reports)?.rows ?? []) as readonly ReportRow[];
    const approvals = approvalRows(reports, await readApprovalRecords(opts.mirrorDir, periods), periods);
    const approvalTable = siteTable(approvals);
    // The national figures again over approved reports only: one more read of the summaries.
    const parts = await rowsOf(engine, 'national_parts', nationalPart);
    const tables = new Map<string, SiteTable>([
      [SITE_FILES.provinces, provinceTable],
      [SITE_FILES.completeness, completenessTable],
      ...pages.tables,
      [SITE_FILES.approvals, approvalTable],
    ]);
    files.push(
      ...pages.written,
      await writeJson(opts.outDir, SITE_FILES.approvals, tableJson(approvalTable)),
      await writeJson(
        opts.outDir,
        NATIONAL_FILES.nationalApproved,
        approvedNational(national, parts, approvals),
      ),
      await writeJson(
        opts.outDir,
        NATIONAL_FILES.comparisonsApproved,
        likeForLike(provinceRows, approvedCompleteness(completeness, approvals), unitRows, periods),
      ),
      await writeJson(
        opts.outDir,
        NATIONAL_FILES.headlineApproved,
        headlineFigures(provinceRows, approvedCompleteness(completeness, approvals), unitRows, periods),
      ),
      await writeJson(opts.outDir, PROVINCE_FILES.scope, { province: null }),
      // each current unit's bundle under provinces/<code>/, cut from the rows of the files above
      ...(await writeProvinceBundles(
        engine,
        {
          outDir: opts.outDir,
          latest,
          meta,
          // Athena reads the lake in place; DuckDB holds the mirror's latest month of debt detail.
          withPolice: opts.openEngine !== undefined || debtDetail === latest,
          tables,
          units: unitRows,
        },
        writeJson,
      )),
      // meta last: its computed_at vouches for the files before it
      await writeJson(opts.outDir, SITE_FILES.meta, meta),
    );
    return { files };
  } finally {
    engine.close();
  }
}
