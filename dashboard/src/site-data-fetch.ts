/**
 * The site data as the first screen needs it, fetched without zod: the page's first bundle holds
 * this file and not the schemas (site-data-client.ts, in the chart chunk, checks every row against
 * the contract before any chart is drawn). Here each file gets a light check of its shape — rows
 * are flat objects of numbers, strings and nulls, the month list is months — enough that the
 * headline tiles never print a figure from a file that is not the site data.
 */
import type {
  ApprovalRow,
  ComparisonRow,
  CompletenessRow,
  NationalRow,
  ProvinceRow,
  SiteMeta,
  UnitRow,
} from '../../core/contracts/site-data.ts';
import type { HeadlineRow } from '../../core/contracts/headline.ts';
import {
  NATIONAL_FILES,
  PROVINCE_FILES,
  SITE_FILES,
  provinceBundleDir,
} from '../../core/contracts/site-files.ts';

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
  /** The first screen's figures against the national targets (empty in a unit's bundle). */
  headline: HeadlineRow[];
}

/** The files behind SiteData, as fetched: checked in full by site-data-client.ts. */
export type SiteFiles = Record<keyof SiteData, unknown>;

const ROOT = 'data/';
/** Where the data files are read from: data/, or a unit's bundle when the viewer's scope is one unit. */
let dataBase = ROOT;

export const dataRoot = (): string => dataBase;
export const isUnitBundle = (): boolean => dataBase !== ROOT;

export async function fetchJson(url: string, fetchFn: typeof fetch = fetch): Promise<unknown> {
  const response = await fetchFn(url, { cache: 'no-cache' });
  if (!response.ok) throw new Error(`${url}: HTTP ${response.status}`);
  return response.json() as Promise<unknown>;
}

const PERIOD = /^\d{4}-\d{2}$/;
const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isScalar = (x: unknown) => x === null || ['string', 'number', 'boolean'].includes(typeof x);
const isScalarRecord = (v: unknown) => isRecord(v) && Object.values(v).every(isScalar);
/** A row of scalars, or of lists of such rows (a headline row's lagging units). */
const isFlat = (v: unknown) =>
  isRecord(v) && Object.values(v).every((x) => isScalar(x) || (Array.isArray(x) && x.every(isScalarRecord)));
const isPeriod = (v: unknown) => typeof v === 'string' && PERIOD.test(v);

function rows<T>(url: string, value: unknown): T[] {
  if (!Array.isArray(value) || !value.every(isFlat)) throw new Error(`${url}: not a list of rows`);
  return value as T[];
}

function meta(url: string, value: unknown): SiteMeta {
  const ok =
    isRecord(value) &&
    typeof value.computed_at === 'string' &&
    isPeriod(value.first_period) &&
    isPeriod(value.latest_period) &&
    Array.isArray(value.periods) &&
    value.periods.every(isPeriod);
  if (!ok) throw new Error(`${url}: not the site's meta file`);
  return value as unknown as SiteMeta;
}

/**
 * The viewer's scope: data/scope.json says null (everything) or a current unit's code. In AWS a
 * province user's data/ requests are answered from its bundle, so this file tells the page which.
 */
export async function loadScope(fetchFn: typeof fetch = fetch): Promise<string | null> {
  const url = ROOT + PROVINCE_FILES.scope;
  const value = await fetchJson(url, fetchFn);
  const province = isRecord(value) ? value.province : undefined;
  if (province !== null && !(typeof province === 'string' && /^\d{2}$/.test(province)))
    throw new Error(`${url}: not a scope`);
  dataBase = province ? ROOT + provinceBundleDir(province) : ROOT;
  return province;
}

const FILE_OF: Record<keyof SiteData, string> = {
  meta: SITE_FILES.meta,
  national: SITE_FILES.national,
  provinces: SITE_FILES.provinces,
  completeness: SITE_FILES.completeness,
  units: SITE_FILES.units,
  comparisons: NATIONAL_FILES.comparisons,
  approvals: SITE_FILES.approvals,
  headline: NATIONAL_FILES.headline,
};
const KEYS = Object.keys(FILE_OF) as (keyof SiteData)[];

/** Every file the pages share, fetched together, as they came (for the full check). */
export async function fetchSiteFiles(base = dataBase, fetchFn: typeof fetch = fetch): Promise<SiteFiles> {
  const values = await Promise.all(KEYS.map((k) => fetchJson(base + FILE_OF[k], fetchFn)));
  return Object.fromEntries(KEYS.map((k, i) => [k, values[i]])) as SiteFiles;
}

/** The fetched files as the first screen reads them, after the light check. */
export function firstScreenData(files: SiteFiles, base = dataBase): SiteData {
  const url = (k: keyof SiteData) => base + FILE_OF[k];
  const national = rows<NationalRow>(url('national'), files.national);
  if (!national.every((r) => isPeriod(r.period)))
    throw new Error(`${url('national')}: a row without a month`);
  return {
    meta: meta(url('meta'), files.meta),
    national: [...national].sort((a, b) => a.period.localeCompare(b.period)),
    provinces: rows(url('provinces'), files.provinces),
    completeness: rows(url('completeness'), files.completeness),
    units: rows(url('units'), files.units),
    comparisons: rows(url('comparisons'), files.comparisons),
    approvals: rows(url('approvals'), files.approvals),
    headline: rows(url('headline'), files.headline),
  };
}

export const fileUrl = (key: keyof SiteData, base = dataBase): string => base + FILE_OF[key];
