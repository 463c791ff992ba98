/**
 * The overview's charts as the first screen shows them before the charting library has loaded:
 * the default view (latest month, each month's own units, the whole country, latest accepted
 * reports, Vietnamese). The refresh draws these specs to SVG ahead of time; the dashboard builds
 * the same specs from the same rows for its live views, so a chart drawn ahead and its live view
 * show the same marks.
 */
import type { TopLevelSpec } from 'vega-lite';
import type { CompletenessRow, NationalRow, ProvinceRow, UnitRow } from '../contracts/site-data.ts';
import type { Lang } from '../messages/index.ts';
import { UnitNames } from '../unit-names.ts';
import { chartText } from './chart-text.ts';
import { choroplethSpec } from './choropleth.ts';
import { completenessHeatmapSpec } from './completeness-heatmap.ts';
import { debtTrendSpec } from './debt-trend.ts';
import { provinceRankingSpec } from './province-ranking.ts';
import { DEFAULT_MAP_MEASURE, MEASURES, mapValuesOf } from './map-measures.ts';
import { heatmapFrom, receivedUnits } from './overview-rows.ts';

/** The charts drawn ahead, in page order. */
export const FIRST_SCREEN_CHARTS = ['trend', 'ranking', 'map', 'heatmap'] as const;
export type FirstScreenChart = (typeof FIRST_SCREEN_CHARTS)[number];

/** The default view's language (dashboard/src/route.ts reads no "lang" as Vietnamese). */
export const FIRST_SCREEN_LANG: Lang = 'vi';

/**
 * The width the charts are drawn at: a 360 px phone's chart (styles.css at ≤ 600 px: main padded
 * 0.75rem and the panel 0.6rem on each side, 1 px borders), so there the live view replaces it
 * at the same size. A wider screen shows it at this width until the live view fills the panel.
 */
export const FIRST_SCREEN_WIDTH = 314;

export interface FirstScreenRows {
  latest: string;
  first: string;
  national: readonly NationalRow[];
  provinces: readonly ProvinceRow[];
  completeness: readonly CompletenessRow[];
  units: readonly UnitRow[];
}

/**
 * The first screen's specs over every unit's rows, for the latest month in `lang`; the map names
 * its boundary file as the site publishes it (`publishedName`), as the live map does.
 */
export function firstScreenSpecs(
  rows: FirstScreenRows,
  lang: Lang,
  publishedName: (file: string) => string,
): Record<FirstScreenChart, TopLevelSpec> {
  const period = rows.latest;
  const { t } = chartText(lang);
  const names = new UnitNames(rows.units);
  const reported = receivedUnits(rows.completeness, 'debt', period);
  const ranked = rows.provinces.filter((r) => r.period === period && reported.has(r.province));
  const from = heatmapFrom(period, rows.first);
  const heatRows = rows.completeness.filter(
    (c) => c.dataset === 'debt' && c.period >= from && c.period <= period,
  );
  const national = [...rows.national].sort((a, b) => a.period.localeCompare(b.period));
  // The default measure (the debt) reads the province rows only: no enforcement file is needed.
  const measure = MEASURES[DEFAULT_MAP_MEASURE];
  const mapReported = receivedUnits(rows.completeness, measure.dataset, period);
  return {
    trend: debtTrendSpec(national, { selected: period, lang }),
    ranking: provinceRankingSpec(ranked, names, { period, geography: 'as_reported', lang }),
    map: choroplethSpec(mapValuesOf(DEFAULT_MAP_MEASURE, period, rows.provinces, [], mapReported), {
      period,
      lang,
      geoBase: 'geo',
      publishedName,
      geography: 'as_reported',
      measureTitle: t(measure.label),
      legendTitle: t(measure.legend),
      format: measure.format,
      scheme: measure.scheme,
    }),
    heatmap: completenessHeatmapSpec(heatRows, names, { dataset: 'debt', from, to: period, lang }),
  };
}
