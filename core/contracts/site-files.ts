/**
 * The names of the site data files under <site>/data/ (their rows are in site-data.ts). Kept apart
 * from the schemas so the dashboard's first bundle can name the files without loading zod.
 */
/** A current unit's bundle: every file of SITE_FILES holding only its rows, plus these. */
export const PROVINCE_FILES = { police: 'police.json', scope: 'scope.json' } as const;
export const provinceBundleDir = (currentCode: string) => `provinces/${currentCode}/`;

export const SITE_FILES = {
  meta: 'meta.json',
  national: 'national.json',
  provinces: 'provinces.json',
  completeness: 'completeness.json',
  units: 'units.json',
  coverage: 'coverage.json',
  enforcement: 'enforcement.json',
  prosecution: 'prosecution.json',
  procedures: 'procedures.json',
  reports: 'reports.json',
  debtBreakdown: 'debt-breakdown.json',
  approvals: 'approvals.json',
} as const;

/**
 * National files beside national.json that hold everyone's sums: written at the top, and empty in
 * a unit's bundle (like national.json), so they are not among the files the bundles cut by unit.
 */
export const NATIONAL_FILES = {
  comparisons: 'comparisons.json',
  /** national.json and comparisons.json over approved reports only (core/approved-basis.ts). */
  nationalApproved: 'national-approved.json',
  comparisonsApproved: 'comparisons-approved.json',
  /** The first screen's figures against the national targets (core/contracts/headline.ts). */
  headline: 'headline.json',
  headlineApproved: 'headline-approved.json',
} as const;

/**
 * Files drawn ahead for the dashboard's first screen (core/contracts/first-screen.ts): written at
 * the top only, since a unit's viewer sees its own page and never the overview.
 */
export const FIRST_SCREEN_FILES = { charts: 'first-screen.json' } as const;
