import { z } from 'zod';
import type { FigureBasis } from '../../core/approved-basis.ts';
import {
  NATIONAL_FILES,
  comparisonRow,
  type ComparisonRow,
  PAGE_DATA,
  PROVINCE_FILES,
  SITE_FILES,
  policeRow,
  provinceBundleDir,
  siteScope,
  completenessRow,
  nationalRow,
  provinceRow,
  siteMeta,
  unitRow,
  approvalRow,
  type ApprovalRow,
  type CompletenessRow,
  type NationalRow,
  type PageDataName,
  type PoliceRow,
  type ProvinceRow,
  type SiteMeta,
  type UnitRow,
} from '../../core/contracts/site-data.ts';
import { headlineRow, type HeadlineRow } from '../../core/contracts/headline.ts';

export interface SiteData {
  meta: SiteMeta;
  national: NationalRow[];
  provinces: ProvinceRow[];
  completeness: CompletenessRow[];
  units: UnitRow[];
  /** Like-for-like changes of the national figures (empty in a unit's bundle). */
  comparisons: ComparisonRow[];
  /** The sign-off state of every unit's reports for the months shown. */
  approvals: ApprovalRow[];
  /** national and comparisons over approved reports only (the "approved only" basis). */
  nationalApproved: NationalRow[];
  comparisonsApproved: ComparisonRow[];
  /** The first screen's figures against the national targets, on each basis (empty in a bundle). */
  headline: HeadlineRow[];
  headlineApproved: HeadlineRow[];
}

async function fetchParsed<T>(fetchFn: typeof fetch, url: string, schema: z.ZodType<T>): Promise<T> {
  const response = await fetchFn(url, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  const parsed = schema.safeParse(await response.json());
  if (!parsed.success) throw new Error(`${url}: ${z.prettifyError(parsed.error)}`);
  return parsed.data;
}

const ROOT = 'data/';
/** Where the data files are read from: data/, or a unit's bundle when the viewer's scope is one unit. */
let dataBase = ROOT;

/**
 * The viewer's scope: data/scope.json says null (everything) or a current unit's code. In AWS a
 * province user's data/ requests are answered from its bundle, so this file tells the page which.
 */
export async function loadScope(fetchFn: typeof fetch = fetch): Promise<string | null> {
  const { province } = await fetchParsed(fetchFn, ROOT + PROVINCE_FILES.scope, siteScope);
  dataBase = province ? ROOT + provinceBundleDir(province) : ROOT;
  return province;
}

/** A current unit's police-coordination list (the latest month), from its bundle. */
export function loadPolice(currentCode: string, fetchFn: typeof fetch = fetch): Promise<PoliceRow[]> {
  const base = dataBase === ROOT ? ROOT + provinceBundleDir(currentCode) : dataBase;
  return fetchParsed(fetchFn, base + PROVINCE_FILES.police, z.array(policeRow));
}

/** Reads the files every page needs, as `vss refresh` writes them, and checks them against the contract once, here. */
export async function loadSiteData(base = dataBase, fetchFn: typeof fetch = fetch): Promise<SiteData> {
  const [
    meta,
    national,
    provinces,
    completeness,
    units,
    comparisons,
    approvals,
    nationalApproved,
    comparisonsApproved,
    headline,
    headlineApproved,
  ] = await Promise.all([
    fetchParsed(fetchFn, base + SITE_FILES.meta, siteMeta),
    fetchParsed(fetchFn, base + SITE_FILES.national, z.array(nationalRow)),
    fetchParsed(fetchFn, base + SITE_FILES.provinces, z.array(provinceRow)),
    fetchParsed(fetchFn, base + SITE_FILES.completeness, z.array(completenessRow)),
    fetchParsed(fetchFn, base + SITE_FILES.units, z.array(unitRow)),
    fetchParsed(fetchFn, base + NATIONAL_FILES.comparisons, z.array(comparisonRow)),
    fetchParsed(fetchFn, base + SITE_FILES.approvals, z.array(approvalRow)),
    fetchParsed(fetchFn, base + NATIONAL_FILES.nationalApproved, z.array(nationalRow)),
    fetchParsed(fetchFn, base + NATIONAL_FILES.comparisonsApproved, z.array(comparisonRow)),
    fetchParsed(fetchFn, base + NATIONAL_FILES.headline, z.array(headlineRow)),
    fetchParsed(fetchFn, base + NATIONAL_FILES.headlineApproved, z.array(headlineRow)),
  ]);
  national.sort((a, b) => a.period.localeCompare(b.period));
  nationalApproved.sort((a, b) => a.period.localeCompare(b.period));
  return {
    meta,
    national,
    provinces,
    completeness,
    units,
    comparisons,
    approvals,
    nationalApproved,
    comparisonsApproved,
    headline,
    headlineApproved,
  };
}

type PageRows<K extends PageDataName> = z.infer<(typeof PAGE_DATA)[K]['row']>[];
const pageCache = new Map<PageDataName, Promise<unknown>>();

/** A section page's file, fetched the first time a page needs it and kept for the visit. */
export function loadPageData<K extends PageDataName>(
  name: K,
  base = dataBase,
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

/**
 * The site data as the pages draw it on the basis chosen: "approved only" puts the approved-only
 * national figures and changes in place of the latest accepted ones; per-unit figures and the
 * reporting states are the same on both bases.
 */
export function onBasis(data: SiteData, basis: FigureBasis): SiteData {
  if (basis === 'latest') return data;
  return {
    ...data,
    national: data.nationalApproved,
    comparisons: data.comparisonsApproved,
    headline: data.headlineApproved,
  };
}
