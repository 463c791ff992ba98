import type { TopLevelSpec } from 'vega-lite';
import { assetName } from '../asset-names.ts';
import { formatPeriod } from '../../../core/format.ts';
import type { MapValue, MeasureDef } from '../map-measures.ts';
import type { Geography } from '../restate.ts';
import { generationOf } from '../../../core/unit-names.ts';
import { pick, t } from '../i18n.ts';
import { CHANGE_TEXT, CHART_TEXT } from '../../../core/messages/index.ts';
import { BOUNDARIES } from '../../../core/reference/boundaries.ts';
import { islandLayers } from './islands.ts';

/** The grey of a unit with no report: darker than the lightest colour of every scheme. */
export const NO_REPORT_GREY = '#b0b0b0';

function geoOf(period: string, geography: Geography | undefined) {
  return BOUNDARIES[geography === 'current' ? '34' : generationOf(period)];
}

/** The boundary file a map of `period` in `geography` draws on (its published, hashed name). */
export function boundaryFileFor(period: string, geography?: Geography): string {
  return assetName(geoOf(period, geography).file);
}

export interface ChoroplethOptions {
  period: string;
  geoBase: string;
  geography?: Geography;
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
  const geo = geoOf(opts.period, opts.geography);
  const noReport = pick(CHANGE_TEXT.notReported);
  const tooltip = [
    { field: 'properties.name_vi', type: 'nominal', title: t('province') },
    { field: 'label', type: 'nominal', title: opts.measureTitle },
  ] as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: pick(CHART_TEXT.mapDescription(opts.measureTitle, formatPeriod(opts.period))),
    width: 'container',
    height: 520,
    autosize: { type: 'fit', contains: 'padding' },
    data: {
      url: `${opts.geoBase}/${assetName(geo.file)}`,
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
      ...islandLayers(),
    ],
    resolve: { scale: { color: 'independent' }, legend: { color: 'independent' } },
  };
}
