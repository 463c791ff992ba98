/**
 * The site data rows of some months (every month shown, or those an upload changed), each file's
 * rows parsed with the contract's schema: the overview's files, the section pages', the sign-off
 * states and the national figures over approved reports. Each of these rows depends on its own
 * month's inputs only, which is what lets a refresh recompute some months and keep the rest.
 */
import type { z } from 'zod';
import type { Engine } from '../query/engine.ts';
import { QueryError } from '../../core/errors.ts';
import { DATASETS } from '../../core/datasets/index.ts';
import {
  completenessRow,
  nationalRow,
  PAGE_DATA,
  provinceRow,
  type PageDataName,
  SITE_FILES,
  type ApprovalRow,
  type CompletenessRow,
  type NationalRow,
  type ProvinceRow,
  type ReportRow,
  type UnitRow,
} from '../../core/contracts/site-data.ts';
import { approvedCompleteness } from '../../core/approved-basis.ts';
import { headlineFigures } from '../../core/headline.ts';
import { likeForLike } from '../../core/like-for-like.ts';
import { acceptedByUnit } from './refresh-bundles.ts';
import { approvalRows, readApprovalRecords } from './refresh-approvals.ts';
import { approvedNational, nationalPart } from './refresh-approved.ts';
import {
  pageTables,
  shownMonths,
  siteTable,
  type LocatedRow,
  type MonthRow,
  type SiteTable,
} from './refresh-pages.ts';

export interface MonthRows {
  national: NationalRow[];
  provinces: ProvinceRow[];
  completeness: CompletenessRow[];
  approvals: ApprovalRow[];
  nationalApproved: NationalRow[];
  /** The files the bundles cut by unit, by file name, in SITE_FILES order. */
  tables: Map<string, SiteTable>;
  /** Accepted uploads in the ledger, by month. */
  accepted: Map<string, number>;
}

async function rowsOf<T extends { period: string }>(
  engine: Engine,
  query: string,
  schema: z.ZodType<T>,
  keep: (row: { period: string }) => boolean,
): Promise<T[]> {
  const { rows } = await engine.runNamed(query, shownMonths(engine));
  const out: T[] = [];
  rows.forEach((row, i) => {
    const parsed = schema.safeParse(row);
    if (!parsed.success) {
      throw new QueryError(
        `queries/${query}.sql row ${i + 1} does not match the site data contract: ${parsed.error.message}`,
      );
    }
    if (keep(parsed.data)) out.push(parsed.data);
  });
  return out;
}

/**
 * The rows of `months` (all the engine shows when undefined; else the engine may return others,
 * which are dropped). The sign-off records are read for those months only.
 */
export async function monthRows(
  engine: Engine,
  mirrorDir: string,
  months: readonly string[],
  only: boolean,
): Promise<MonthRows> {
  if (only && months.length === 0) return noRows();
  const wanted = new Set(months);
  const keep = only ? (row: { period: string }) => wanted.has(row.period) : () => true;
  const national = await rowsOf(engine, 'national_monthly', nationalRow, keep);
  const provinces = await rowsOf(engine, 'province_monthly', provinceRow, keep);
  const completeness = await rowsOf(engine, 'completeness', completenessRow, keep);
  const pages = await pageTables(engine, keep);
  // The sign-off state of every report, decided from the ledger rows just read and the sign-off
  // records beside the mirror.
  const reports = (pages.get(SITE_FILES.reports)?.rows ?? []) as readonly ReportRow[];
  const approvals = approvalRows(reports, await readApprovalRecords(mirrorDir, months), months);
  // The national figures again over approved reports only: one more read of the summaries.
  const parts = await rowsOf(engine, 'national_parts', nationalPart, keep);
  const accepted = await engine.runQuery(
    "SELECT period, count(*) AS n FROM vss.uploads WHERE status = 'accepted' GROUP BY period",
  );
  return {
    national,
    provinces,
    completeness,
    approvals,
    nationalApproved: approvedNational(national, parts, approvals),
    tables: new Map<string, SiteTable>([
      [SITE_FILES.provinces, siteTable(provinces)],
      [SITE_FILES.completeness, siteTable(completeness)],
      ...pages,
      [SITE_FILES.approvals, siteTable(approvals)],
    ]),
    accepted: new Map(
      accepted.rows
        .filter((r) => keep({ period: String(r.period) }))
        .map((r) => [String(r.period), Number(r.n)]),
    ),
  };
}

function noRows(): MonthRows {
  const tables = [
    SITE_FILES.provinces,
    SITE_FILES.completeness,
    ...Object.keys(PAGE_DATA).map((n) => SITE_FILES[n as PageDataName]),
    SITE_FILES.approvals,
  ];
  return {
    national: [],
    provinces: [],
    completeness: [],
    approvals: [],
    nationalApproved: [],
    tables: new Map(tables.map((file) => [file, siteTable([])])),
    accepted: new Map(),
  };
}

/** The months holding any row of the datasets named or of the ledger in the engine. */
export async function monthsHeld(
  engine: Engine,
  datasets: readonly string[] = Object.keys(DATASETS),
): Promise<string[]> {
  const union = [...datasets.map((d) => `SELECT period FROM vss."${d}"`), 'SELECT period FROM vss.uploads'];
  const { rows } = await engine.runQuery(
    `SELECT DISTINCT period FROM (${union.join(' UNION ALL ')}) WHERE period IS NOT NULL ORDER BY period`,
  );
  return rows.map((r) => String(r.period));
}

/** The comparison and headline files of a refresh, and the months they were recomputed for. */
export interface ComparedRows {
  comparisons: SiteTable<MonthRow>;
  comparisonsApproved: SiteTable<MonthRow>;
  headline: SiteTable<MonthRow>;
  headlineApproved: SiteTable<MonthRow>;
  /** The months recomputed; undefined: every month. */
  months?: ReadonlySet<string>;
}

/**
 * The like-for-like comparisons and headline figures (also over approved reports only) of the
 * months shown, or of `only` those, from the rows given (which then need cover the year before).
 */
export function comparedRows(
  provinces: readonly ProvinceRow[],
  completeness: readonly CompletenessRow[],
  approvals: readonly ApprovalRow[],
  units: readonly UnitRow[],
  periods: readonly string[],
  only?: ReadonlySet<string>,
): ComparedRows {
  const approved = approvedCompleteness(completeness, approvals);
  return {
    comparisons: siteTable(likeForLike(provinces, completeness, units, periods, only)),
    comparisonsApproved: siteTable(likeForLike(provinces, approved, units, periods, only)),
    headline: siteTable(headlineFigures(provinces, completeness, units, periods, only)),
    headlineApproved: siteTable(headlineFigures(provinces, approved, units, periods, only)),
    months: only,
  };
}

/** Each month's accepted uploads: '' the ledger's count, and each current unit's (its bundle's). */
export function acceptedByMonth(rows: MonthRows): Record<string, Record<string, number>> {
  const byMonth = new Map<string, LocatedRow[]>();
  for (const row of rows.tables.get(SITE_FILES.reports)?.rows ?? []) {
    const month = byMonth.get(row.period);
    if (month) month.push(row);
    else byMonth.set(row.period, [row]);
  }
  const out: Record<string, Record<string, number>> = {};
  for (const month of new Set([...rows.accepted.keys(), ...byMonth.keys()])) {
    const units = acceptedByUnit(siteTable(byMonth.get(month) ?? []));
    out[month] = { '': rows.accepted.get(month) ?? 0, ...Object.fromEntries(units) };
  }
  return out;
}

/**
 * The uploads accepted over every month of `accepted` (acceptedByMonth): the ledger's total, for
 * the site's meta, and each current unit's, for its bundle. A full refresh and a refresh by month
 * (whose months come partly from its state) count them the same way.
 */
export function acceptedTotals(accepted: Readonly<Record<string, Readonly<Record<string, number>>>>): {
  uploads: number;
  byUnit: Map<string, number>;
} {
  let uploads = 0;
  const byUnit = new Map<string, number>();
  for (const month of Object.values(accepted)) {
    for (const [unit, n] of Object.entries(month)) {
      if (unit === '') uploads += n;
      else byUnit.set(unit, (byUnit.get(unit) ?? 0) + n);
    }
  }
  return { uploads, byUnit };
}
