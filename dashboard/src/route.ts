import type { FigureBasis } from '../../core/approved-basis.ts';
import type { Lang } from '../../core/messages/index.ts';
import { DEFAULT_MAP_MEASURE, isMapMeasure, type MapMeasure } from '../../core/charts/map-measures.ts';
import type { Geography } from './restate.ts';

/**
 * Everything the reader chose lives in the URL hash, so a view can be sent as a link and the back
 * button walks back through it: "#page=debt&month=2025-05&geo=34&region=…&province=01&basis=approved&lang=en".
 * The first version's "#2025-05" and "#2025-05/34" still open the overview of that month.
 */
export const PAGES = [
  'overview',
  'debt',
  'coverage',
  'enforcement',
  'procedures',
  'reporting',
  'province',
] as const;
export type PageName = (typeof PAGES)[number];

export interface Route {
  page: PageName;
  period: string;
  geography: Geography;
  /** Vietnamese region name from units.json, or '' for the whole country. */
  region: string;
  /** GSO code of the unit the province page shows, or ''. */
  province: string;
  /** Dataset of the reporting page's heatmap. */
  dataset: string;
  /** What the overview's map colours provinces by. */
  measure: MapMeasure;
  /** The national figures' basis: what the lake counts (latest accepted) or approved reports only. */
  basis: FigureBasis;
  lang: Lang;
}

const RESTATED = '34';
const isPage = (value: string | null): value is PageName => PAGES.some((p) => p === value);

export function routeFromHash(hash: string, periods: readonly string[], fallback: string): Route {
  const raw = hash.replace(/^#/, '');
  if (!raw.includes('=')) {
    const [wanted = '', view] = raw.split('/');
    return {
      page: 'overview',
      period: periods.includes(wanted) ? wanted : fallback,
      geography: view === RESTATED ? 'current' : 'as_reported',
      region: '',
      province: '',
      dataset: 'debt',
      measure: DEFAULT_MAP_MEASURE,
      basis: 'latest',
      lang: 'vi',
    };
  }
  const params = new URLSearchParams(raw);
  const page = params.get('page');
  const month = params.get('month') ?? '';
  const province = params.get('province') ?? '';
  const measure = params.get('measure');
  return {
    page: isPage(page) ? page : 'overview',
    period: periods.includes(month) ? month : fallback,
    geography: params.get('geo') === RESTATED ? 'current' : 'as_reported',
    region: params.get('region') ?? '',
    province: /^\d{2}$/.test(province) ? province : '',
    dataset: /^[a-z_]+$/.test(params.get('dataset') ?? '') ? (params.get('dataset') ?? 'debt') : 'debt',
    measure: isMapMeasure(measure) ? measure : DEFAULT_MAP_MEASURE,
    basis: params.get('basis') === 'approved' ? 'approved' : 'latest',
    lang: params.get('lang') === 'en' ? 'en' : 'vi',
  };
}

export function hashFor(route: Route): string {
  const params = new URLSearchParams({ page: route.page, month: route.period });
  if (route.geography === 'current') params.set('geo', RESTATED);
  if (route.region) params.set('region', route.region);
  if (route.province) params.set('province', route.province);
  if (route.page === 'reporting' && route.dataset !== 'debt') params.set('dataset', route.dataset);
  if (route.page === 'overview' && route.measure !== DEFAULT_MAP_MEASURE)
    params.set('measure', route.measure);
  if (route.basis === 'approved') params.set('basis', 'approved');
  if (route.lang !== 'vi') params.set('lang', route.lang);
  return `#${params.toString()}`;
}
