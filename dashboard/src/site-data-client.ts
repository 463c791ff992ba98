/**
 * The site data checked against the contract (core/contracts/site-data.ts) with zod. This module
 * and zod live in the chart chunk: the first screen is drawn from the light check of
 * site-data-fetch.ts, and every page is drawn from the rows checked here.
 */
import { z } from 'zod';
import type { FigureBasis } from '../../core/approved-basis.ts';
import {
  NATIONAL_FILES,
  comparisonRow,
  PAGE_DATA,
  PROVINCE_FILES,
  SITE_FILES,
  policeRow,
  provinceBundleDir,
  completenessRow,
  nationalRow,
  provinceRow,
  siteMeta,
  unitRow,
  approvalRow,
  type ComparisonRow,
  type NationalRow,
  type PageDataName,
  type PoliceRow,
} from '../../core/contracts/site-data.ts';
import { headlineRow, type HeadlineRow } from '../../core/contracts/headline.ts';
import {
  dataRoot,
  fetchJson,
  fileUrl,
  isUnitBundle,
  type SiteData,
  type SiteFiles,
} from './site-data-fetch.ts';

export type { SiteData } from './site-data-fetch.ts';

const SITE_ROOT = 'data/';

function parsed<T>(url: string, value: unknown, schema: z.ZodType<T>): T {
  const result = schema.safeParse(value);
  if (!result.success) throw new Error(`${url}: ${z.prettifyError(result.error)}`);
  return result.data;
}

async function fetchParsed<T>(fetchFn: typeof fetch, url: string, schema: z.ZodType<T>): Promise<T> {
  return parsed(url, await fetchJson(url, fetchFn), schema);
}

/** The files every page needs, as `vss refresh` writes them, checked against the contract once, here. */
export function checkSiteData(files: SiteFiles, base = dataRoot()): SiteData {
  const check = <K extends keyof SiteData>(key: K, schema: z.ZodType<SiteData[K]>): SiteData[K] =>
    parsed(fileUrl(key, base), files[key], schema);
  const national = check('national', z.array(nationalRow));
  national.sort((a, b) => a.period.localeCompare(b.period));
  return {
    meta: check('meta', siteMeta),
    national,
    provinces: check('provinces', z.array(provinceRow)),
    completeness: check('completeness', z.array(completenessRow)),
    units: check('units', z.array(unitRow)),
    comparisons: check('comparisons', z.array(comparisonRow)),
    approvals: check('approvals', z.array(approvalRow)),
    headline: check('headline', z.array(headlineRow)),
  };
}

/** A current unit's police-coordination list (the latest month), from its bundle. */
export function loadPolice(currentCode: string, fetchFn: typeof fetch = fetch): Promise<PoliceRow[]> {
  const base = isUnitBundle() ? dataRoot() : SITE_ROOT + provinceBundleDir(currentCode);
  return fetchParsed(fetchFn, base + PROVINCE_FILES.police, z.array(policeRow));
}
type PageRows<K extends PageDataName> = z.infer<(typeof PAGE_DATA)[K]['row']>[];
const pageCache = new Map<PageDataName, Promise<unknown>>();

/** A section page's file, fetched the first time a page needs it and kept for the visit. */
export function loadPageData<K extends PageDataName>(
  name: K,
  base = dataRoot(),
  fetchFn: typeof fetch = fetch,
): Promise<PageRows<K>> {
  let pending = pageCache.get(name);
  if (!pending) {
    const schema = z.array(PAGE_DATA[name].row as unknown as z.ZodType<PageRows<K>[number]>);
    pending = fetchParsed(fetchFn, base + SITE_FILES[name], schema);
    pageCache.set(name, pending);
  }
  return pending as Promise<PageRows<K>>;
}

interface ApprovedBasis {
  national: NationalRow[];
  comparisons: ComparisonRow[];
  headline: HeadlineRow[];
}
let approved: Promise<ApprovedBasis> | undefined;

/** national and comparisons over approved reports only: fetched the first time that basis is chosen. */
function loadApproved(base = dataRoot(), fetchFn: typeof fetch = fetch): Promise<ApprovedBasis> {
  approved ??= Promise.all([
    fetchParsed(fetchFn, base + NATIONAL_FILES.nationalApproved, z.array(nationalRow)),
    fetchParsed(fetchFn, base + NATIONAL_FILES.comparisonsApproved, z.array(comparisonRow)),
    fetchParsed(fetchFn, base + NATIONAL_FILES.headlineApproved, z.array(headlineRow)),
  ]).then(([national, comparisons, headline]) => ({
    national: national.sort((a, b) => a.period.localeCompare(b.period)),
    comparisons,
    headline,
  }));
  // A failed fetch is not kept: choosing the basis again tries again.
  void approved.catch(() => (approved = undefined));
  return approved;
}

/**
 * The site data as the pages draw it on the basis chosen: "approved only" puts the approved-only
 * national figures and changes in place of the latest accepted ones; per-unit figures and the
 * reporting states are the same on both bases.
 */
export async function onBasis(data: SiteData, basis: FigureBasis): Promise<SiteData> {
  if (basis === 'latest') return data;
  return { ...data, ...(await loadApproved()) };
}
