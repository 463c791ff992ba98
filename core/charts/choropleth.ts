/**
 * The choropleth of the overview, for the live map and the map the refresh draws ahead: the same
 * spec from the same values, in the language and with the boundary file's published name given.
 */
import type { TopLevelSpec } from 'vega-lite';
import { formatPeriod } from '../format.ts';
import { CHANGE_TEXT, CHART_TEXT, type Lang, UI_TEXT } from '../messages/index.ts';
import { boundaryOf } from '../reference/boundaries.ts';
import type { ChartGeography } from './chart-text.ts';
import { islandLayers } from './islands.ts';
import { MAP_HEIGHT, type MapValue, type MeasureDef } from './map-measures.ts';

/** The grey of a unit with no report: darker than the lightest colour of every scheme. */
export const NO_REPORT_GREY = '#b0b0b0';

export interface ChoroplethOptions {
  period: string;
  lang: Lang;
  /** The folder the boundary files are served from, relative to the page ("geo"). */
  geoBase: string;
  /** The name a boundary file is published under (content-hashed by the site build). */
  publishedName: (file: string) => string;
  geography?: ChartGeography;
  /** What the colour shows, for the tooltip and the screen-reader description. */
  measureTitle: string;
  /** Legend title with the unit: "Nợ (tỷ đồng)", "BHYT / dân số (%)". */
  legendTitle: string;
  /** d3 format of the legend's numbers. */
  format: string;
  scheme: MeasureDef['scheme'];
}

/**
 * One measure by province on the map of the month's own units (63 before 2025-07, 34 after) or of
 * today's 34 when restated; provinces without a figure stay grey and say so in the tooltip.
 */
export function choroplethSpec(values: readonly MapValue[], opts: ChoroplethOptions): TopLevelSpec {
  const geo = boundaryOf(opts.period, opts.geography);
  const noReport = CHANGE_TEXT.notReported[opts.lang];
  const tooltip = [
    { field: 'properties.name_vi', type: 'nominal', title: UI_TEXT.province[opts.lang] },
    { field: 'label', type: 'nominal', title: opts.measureTitle },
  ] as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: CHART_TEXT.mapDescription(opts.measureTitle, formatPeriod(opts.period))[opts.lang],
    width: 'container',
    height: MAP_HEIGHT,
    autosize: { type: 'fit', contains: 'padding' },
    data: {
      url: `${opts.geoBase}/${opts.publishedName(geo.file)}`,
      format: { type: 'topojson', feature: geo.feature },
    },
    transform: [
      {
        lookup: geo.key,
        from: { data: { values: [...values] }, key: 'province', fields: ['value', 'shown'] },
      },
      { calculate: `datum.shown == null ? ${JSON.stringify(noReport)} : datum.shown`, as: 'label' },
    ],
    projection: { type: 'mercator' },
    // A unit without a figure is drawn grey with its own legend entry ("chưa báo cáo"), never as
    // the lightest colour of the scale, which would read as a value of zero.
    layer: [
      {
        transform: [{ filter: 'datum.value == null' }, { calculate: JSON.stringify(noReport), as: 'status' }],
        mark: { type: 'geoshape', stroke: '#fff', strokeWidth: 0.5 },
        encoding: {
          color: {
            field: 'status',
            type: 'nominal',
            title: null,
            scale: { domain: [noReport], range: [NO_REPORT_GREY] },
            legend: { orient: 'bottom-left', symbolType: 'square' },
          },
          tooltip: [...tooltip],
        },
      },
      {
        transform: [{ filter: 'datum.value != null' }],
        mark: { type: 'geoshape', stroke: '#fff', strokeWidth: 0.5 },
        encoding: {
          color: {
            field: 'value',
            type: 'quantitative',
            title: opts.legendTitle,
            scale: { scheme: opts.scheme },
            legend: { format: opts.format, orient: 'bottom-left' },
          },
          tooltip: [...tooltip],
        },
      },
      // Drawn last, so the provinces' outlines never cover them; each brings its own data.
      ...islandLayers(opts.lang),
    ],
    resolve: { scale: { color: 'independent' }, legend: { color: 'independent' } },
  };
}
