/**
 * The contract between `vss refresh` (which writes these files from the queries' results) and the
 * dashboard (which reads them). Refresh parses every row with these schemas before writing, so a
 * query whose columns drift from the page fails in the tests, not in front of the leadership.
 *
 * Files under <site>/data/: meta.json, national.json, provinces.json, completeness.json, units.json,
 * and the section pages' coverage.json, enforcement.json, prosecution.json, procedures.json, reports.json,
 * and approvals.json (the sign-off state of every unit's reports); headline.json and the other
 * national files are listed in NATIONAL_FILES.
 * Money is whole VND as a JSON number (national totals stay far below 2^53).
 */
import { z } from 'zod';
import { coverage } from '../datasets/coverage.ts';
import { enforcement } from '../datasets/enforcement.ts';
import {
  breakdownColumn,
  isRequired,
  summedColumns,
  type BreakdownName,
  type DatasetDef,
  type OptionalSummedName,
  type SummedName,
} from '../datasets/index.ts';
import { procedures } from '../datasets/procedures.ts';
import { DEBT_BREAKDOWN_MEASURES, isMeasureName, type DebtBreakdownMeasure } from '../measures.ts';
import { BREAK_REASONS } from '../measure-breaks.ts';

// The file names carry no schema: the page's first bundle reads them without zod.
export { NATIONAL_FILES, PROVINCE_FILES, SITE_FILES, provinceBundleDir } from './site-files.ts';

const period = z.string().regex(/^\d{4}-\d{2}$/);
const code = z.string().regex(/^\d{2}$/);
const int = z.number().int();

/**
 * The national figures summed from the per-upload summaries, each the summary measures it adds
 * up, in the order of national.json's columns. The coverage targets are not among them: a
 * province's own chi_tieu_giao is not its target, the national reference's is (ASSIGNED_TARGETS). queries/national_monthly.sql and
 * national_parts.sql are generated from this list (pipeline/query/generated-sql.ts).
 */
export const NATIONAL_SUMS = {
  debt_bhxh: ['debt_bhxh'],
  debt_bhyt: ['debt_bhyt'],
  debt_bhtn: ['debt_bhtn'],
  debt_total: ['debt_total'],
  /** Debt of employers 3 or more months overdue. */
  debt_3m_plus: ['debt_3m_plus'],
  employers_owing: ['employers_owing'],
  arrears_recovered: ['arrears_recovered'],
  /** Compulsory + voluntary social insurance. */
  si_participants: ['si_compulsory_participants', 'si_voluntary_participants'],
  /** The base for the rate, from the compulsory SI rows. */
  si_labour_force: ['si_compulsory_base'],
  hi_participants: ['hi_participants'],
  hi_population: ['hi_base'],
  ui_participants: ['ui_participants'],
  inspections: ['inspections'],
  employers_violating: ['employers_violating'],
  fines_imposed: ['fines_imposed'],
  fines_collected: ['fines_collected'],
  /** Prosecution dossiers on the registers at month end. */
  dossiers: ['dossiers'],
  /** Prosecuted or tried. */
  dossiers_prosecuted: ['dossiers_prosecuted'],
  procedures_received: ['procedures_received'],
  procedures_on_time: ['procedures_on_time'],
  procedures_late: ['procedures_late'],
  procedures_overdue: ['procedures_overdue'],
  /** Contributions due in the month, all funds. */
  collection_due: ['collection_due'],
  collection_collected: ['collection_collected'],
  late_interest: ['late_interest'],
} as const satisfies Record<string, readonly string[]>;
export type NationalSum = keyof typeof NATIONAL_SUMS;
for (const [key, measures] of Object.entries(NATIONAL_SUMS)) {
  const unknown = measures.filter((m) => !isMeasureName(m));
  if (unknown.length) throw new Error(`NATIONAL_SUMS.${key} names no summary measure: ${unknown.join(', ')}`);
}

/**
 * The coverage targets national.json sums from the national reference (vss.targets), over the
 * units whose coverage report is in, each the reference columns it adds up. A unit the reference
 * assigns no target is left out of the sum, not counted as 0: target_units says how many of the
 * coverage_units it covers, and the sum is null when it covers none.
 */
export const ASSIGNED_TARGETS = {
  si_target: ['target_si_compulsory', 'target_si_voluntary'],
  hi_target: ['target_hi'],
} as const satisfies Record<string, readonly string[]>;
export type AssignedTarget = keyof typeof ASSIGNED_TARGETS;

/** National figures for one month (as reported: the sum over the units that reported). */
export const nationalRow = z.object({
  period,
  ...(Object.fromEntries(Object.keys(NATIONAL_SUMS).map((k) => [k, int])) as Record<NationalSum, typeof int>),
  ...(Object.fromEntries(Object.keys(ASSIGNED_TARGETS).map((k) => [k, int.nullable()])) as Record<
    AssignedTarget,
    z.ZodNullable<typeof int>
  >),
  /** Units whose coverage report is in, and how many of them the reference assigns targets. */
  coverage_units: int,
  target_units: int,
  /** The late-payment rate's parts, over the units that sent both debt and collection reports. */
  rate_debt: int,
  rate_due: int,
  rate_units: int,
  provinces_reported: int, // units with an accepted debt report for the month
  provinces_expected: int, // units valid in the month
});
export type NationalRow = z.infer<typeof nationalRow>;

/** The province-row measures a like-for-like comparison is made for, each with its report. */
export const COMPARED_MEASURES = {
  debt_total: 'debt',
  debt_3m_plus: 'debt',
  employers_owing: 'debt',
  arrears_recovered: 'debt',
  hi_participants: 'coverage',
  hi_population: 'coverage',
  si_participants: 'coverage',
  si_labour_force: 'coverage',
  procedures_received: 'procedures',
  procedures_on_time: 'procedures',
  procedures_late: 'procedures',
  collection_due: 'collection',
  collection_collected: 'collection',
} as const satisfies Partial<Record<NationalSum, string>>;
export type ComparedMeasure = keyof typeof COMPARED_MEASURES;

/**
 * One unit's figures for one month, in the geography of that month (63 or 34 units): the
 * compared measures, each summed as NATIONAL_SUMS says (queries/province_monthly.sql is generated
 * from both lists).
 */
export const provinceRow = z.object({
  period,
  province: code,
  ...(Object.fromEntries(Object.keys(COMPARED_MEASURES).map((k) => [k, int])) as Record<
    ComparedMeasure,
    typeof int
  >),
  /**
   * The unit's assigned targets for the month's year from the national reference (vss.targets),
   * never the province's own chi_tieu_giao; null where the reference has none (not 0).
   * The late-payment-rate ceiling in hundredths of a percent, the year's collection plan in VND,
   * and the HI and SI (compulsory + voluntary) participants assigned.
   */
  late_rate_target_bp: int.nullable(),
  collection_plan: int.nullable(),
  hi_target_assigned: int.nullable(),
  si_target_assigned: int.nullable(),
  /** Rank by debt_total within the month, 1 = largest debt. */
  debt_rank: int,
});
export type ProvinceRow = z.infer<typeof provinceRow>;

/** A unit's row of a month with every figure 0 and no assigned targets, as a base to fill in. */
export function zeroProvinceRow(period: string, province: string): ProvinceRow {
  const figures = Object.fromEntries(Object.keys(COMPARED_MEASURES).map((k) => [k, 0]));
  return {
    period,
    province,
    ...(figures as Record<ComparedMeasure, number>),
    late_rate_target_bp: null,
    collection_plan: null,
    hi_target_assigned: null,
    si_target_assigned: null,
    debt_rank: 0,
  };
}

/** Whether a unit's report for a dataset and month arrived, and when. */
export const completenessRow = z.object({
  dataset: z.string(),
  period,
  province: code,
  status: z.enum(['on_time', 'late', 'missing']),
});
export type CompletenessRow = z.infer<typeof completenessRow>;

export const unitRow = z.object({
  code,
  name_vi: z.string(),
  name_ascii: z.string(),
  generation: z.enum(['63', '34']),
  region_vi: z.string(),
  current_code: code,
});
export type UnitRow = z.infer<typeof unitRow>;

/**
 * A national figure of `period` beside the same figure of `compare_period`, both summed over only
 * the units that sent that measure's report in both months (like for like): mom = the month
 * before, yoy = the same month a year before, ytd = December of the year before (the start of
 * the year). Across the 2025-07 reform both months are restated to today's 34 units, and a merged
 * unit counts only when every one of its old units reported.
 * A comparison across a template change of what the measure counts (core/measure-breaks.ts) is a
 * break: `break_reason` names why and `break_from` the first month of the new template, and both
 * values are null, so no change can be read from it. Both are null on every other row (the rows
 * stay flat: the first screen reads them without zod).
 */
export const comparisonRow = z
  .object({
    period,
    basis: z.enum(['mom', 'yoy', 'ytd']),
    compare_period: period,
    measure: z.enum(Object.keys(COMPARED_MEASURES) as [ComparedMeasure, ...ComparedMeasure[]]),
    units_compared: int,
    units_expected: int,
    value: int.nullable(),
    compare_value: int.nullable(),
    break_reason: z.enum(BREAK_REASONS).nullable().default(null),
    break_from: period.nullable().default(null),
  })
  .refine(
    (r) =>
      (r.break_reason === null) === (r.break_from === null) &&
      (r.break_reason === null) === (r.value !== null && r.compare_value !== null),
    { message: 'a comparison has both values, or a break (reason and month) and neither' },
  );
export type ComparisonRow = z.infer<typeof comparisonRow>;

export const siteMeta = z.object({
  computed_at: z.string(),
  first_period: period,
  latest_period: period,
  periods: z.array(period),
  uploads_accepted: int,
});
export type SiteMeta = z.infer<typeof siteMeta>;

/**
 * A section page's row for one unit and month, from its dataset's definition: the breakdown
 * column (if any) and one whole number per summed column, each under its output name
 * (ColumnDef.output), in column order. A column that may be missing (`required: false`) is null
 * where the unit's report did not carry it, never 0.
 */
function pageRow<D extends DatasetDef>(dataset: D) {
  const breakdown = breakdownColumn(dataset);
  const sums = Object.fromEntries(
    summedColumns(dataset).map((s) => [s.output.name, isRequired(s.column) ? int : int.nullable()]),
  );
  return z.object({
    period,
    province: code,
    ...((breakdown ? { [breakdown.output.name]: z.string() } : {}) as Record<BreakdownName<D>, z.ZodString>),
    ...(sums as Record<Exclude<SummedName<D>, OptionalSummedName<D>>, typeof int> &
      Record<OptionalSummedName<D>, z.ZodNullable<typeof int>>),
  });
}

/**
 * Coverage of one unit, month and scheme (the codes of coverage.loai_hinh). Its target is the one
 * the national reference assigns (vss.targets), not the upload's own chi_tieu_giao: null where the
 * reference assigns none.
 */
export const coverageRow = pageRow(coverage).extend({ target: int.nullable() });
export type CoverageRow = z.infer<typeof coverageRow>;

export const enforcementRow = pageRow(enforcement);
export type EnforcementRow = z.infer<typeof enforcementRow>;

/** Dossiers on a unit's register at month end, by Penal Code article and stage. */
export const prosecutionRow = z.object({
  period,
  province: code,
  article: z.string(),
  stage: z.string(),
  dossiers: int,
  amount: int,
});
export type ProsecutionRow = z.infer<typeof prosecutionRow>;

export const proceduresRow = pageRow(procedures);
export type ProceduresRow = z.infer<typeof proceduresRow>;

/** One upload from the ledger: the reports behind the figures. */
export const reportRow = z.object({
  dataset: z.string(),
  period,
  province: code,
  file_name: z.string(),
  received_at: z.string(),
  status: z.enum(['accepted', 'rejected', 'duplicate']),
  rows_accepted: int,
  rows_rejected: int,
  /** The receipt's id (receipts/ and ledger/ objects are named by it) and what it found. */
  upload_id: z.string(),
  error_count: int,
  warning_count: int,
  sha256: z.string(),
});
export type ReportRow = z.infer<typeof reportRow>;

/**
 * Where one unit's report of a month stands under the sign-off (pipeline/approval/standing.ts):
 * one row per dataset, month shown and unit valid in that month. `missing`: no accepted upload,
 * so neither approved nor pending ("chưa báo cáo"). `held`: accepted re-uploads kept but not
 * counted while the report is approved.
 */
export const approvalRow = z.object({
  dataset: z.string(),
  period,
  province: code,
  state: z.enum(['approved', 'pending', 'reopened', 'missing']),
  held: int,
});
export type ApprovalRow = z.infer<typeof approvalRow>;

/**
 * One employer on a unit's police-coordination list (queries/police_coordination.sql) for the
 * latest month: owing 3+ months; art216 = 1 when the Penal Code Art. 216 thresholds are met.
 * tinh_trang is the one status version 1 of the debt template had (the action, else the nature);
 * tinh_chat (late, evading) and bien_phap (none, sued, referred_police, dissolved) are the nature
 * and the action apart, NULL where the report did not say (a version-1 row that was only "sued").
 */
export const policeRow = z.object({
  period,
  province: code,
  reporting_unit: code,
  ma_so_thue: z.string(),
  ten_don_vi: z.string(),
  no_bhxh: int,
  no_bhyt: int,
  no_bhtn: int,
  debt_total: int,
  so_thang_no: int,
  so_lao_dong: int,
  tinh_trang: z.string(),
  tinh_chat: z.enum(['late', 'evading']).nullable(),
  bien_phap: z.enum(['none', 'sued', 'referred_police', 'dissolved']).nullable(),
  art216: z.union([z.literal(0), z.literal(1)]),
});
export type PoliceRow = z.infer<typeof policeRow>;

/**
 * Whose data a bundle holds: null for the national one (data/), a current unit's code for
 * data/provinces/<code>/. In AWS a province user's data/ requests are answered from that unit's
 * bundle, so the page learns its scope by reading data/scope.json like any other file.
 */
export const siteScope = z.object({ province: code.nullable() });
export type SiteScope = z.infer<typeof siteScope>;

/** The files of the section pages (written by pipeline/refresh/refresh-pages.ts), each with its query. */
/**
 * The debt page's breakdown of a unit's month (queries/site_debt_breakdown.sql): debt by age band,
 * by employer sector and the late-payment interest, each NULL where the month's summary has no
 * such measure (a unit that did not report, or sector and interest before template version 2).
 */
export const debtBreakdownRow = z.object({
  period,
  province: code,
  ...(Object.fromEntries(DEBT_BREAKDOWN_MEASURES.map((m) => [m, int.nullable()])) as Record<
    DebtBreakdownMeasure,
    z.ZodNullable<z.ZodNumber>
  >),
});
export type DebtBreakdownRow = z.infer<typeof debtBreakdownRow>;

export const PAGE_DATA = {
  coverage: { query: 'site_coverage', row: coverageRow },
  enforcement: { query: 'site_enforcement', row: enforcementRow },
  prosecution: { query: 'site_prosecution', row: prosecutionRow },
  procedures: { query: 'site_procedures', row: proceduresRow },
  reports: { query: 'site_reports', row: reportRow },
  debtBreakdown: { query: 'site_debt_breakdown', row: debtBreakdownRow },
} as const;
export type PageDataName = keyof typeof PAGE_DATA;

/**
 * The whole numbers of each section page's rows that add up over units (the dashboard sums them
 * when it restates old units to today's), from the dataset definitions.
 */
export const PAGE_SUMS = {
  coverage: summedColumns(coverage).map((s) => s.output.name) as readonly SummedName<typeof coverage>[],
  enforcement: summedColumns(enforcement).map((s) => s.output.name) as readonly SummedName<
    typeof enforcement
  >[],
  procedures: summedColumns(procedures).map((s) => s.output.name) as readonly SummedName<typeof procedures>[],
  prosecution: ['dossiers', 'amount'] as const,
  /** Age bands, sectors, interest: each a part of a unit's debt, so a merged unit's is the sum. */
  debtBreakdown: DEBT_BREAKDOWN_MEASURES,
} as const;
