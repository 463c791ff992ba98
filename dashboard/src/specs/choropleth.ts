import type { TopLevelSpec } from 'vega-lite';
import type { ProvinceRow } from '../../../lib/site-data.ts';
import { formatPeriod, formatVnd } from '../format.ts';
import type { Geography } from '../restate.ts';
import { generationOf } from '../units.ts';
import { VND_PER_TY } from './palette.ts';
import { pick, t } from '../i18n.ts';
import { CHART_TEXT } from '../messages.ts';

/** The boundary file and its province-code property for each geography (reference/geo). */
const GEO = {
  '63': { file: 'vn63_gso_derived.topojson', feature: 'vn63_derived', key: 'properties.gso_code' },
  '34': { file: 'vn34_2025_derived.topojson', feature: 'vn34_derived', key: 'properties.new_code' },
} as const;

export const GEO_FILES = Object.values(GEO).map((g) => g.file);

/** Debt by province on the map of the month's own units; provinces without a report stay grey. */
export function choroplethSpec(
  rows: readonly ProvinceRow[],
  opts: { period: string; geoBase: string; geography?: Geography },
): TopLevelSpec {
  const geo = GEO[opts.geography === 'current' ? '34' : generationOf(opts.period)];
  const values = rows
    .filter((r) => r.period === opts.period)
    .map((r) => ({ province: r.province, ty: r.debt_total / VND_PER_TY, amount: formatVnd(r.debt_total) }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: pick(CHART_TEXT.mapDescription(formatPeriod(opts.period))),
    width: 'container',
    height: 520,
    data: { url: `${opts.geoBase}/${geo.file}`, format: { type: 'topojson', feature: geo.feature } },
    transform: [
      { lookup: geo.key, from: { data: { values }, key: 'province', fields: ['ty', 'amount'] } },
      { calculate: `datum.amount == null ? ${JSON.stringify(t('noReport'))} : datum.amount`, as: 'shown' },
    ],
    projection: { type: 'mercator' },
    // 'show' keeps provinces without a report on the map (grey, by the colour condition) instead
    // of dropping their null debt and leaving a hole in the country.
    mark: { type: 'geoshape', stroke: '#fff', strokeWidth: 0.5, invalid: 'show' },
    encoding: {
      color: {
        condition: { test: 'datum.ty == null', value: '#d9d9d9' },
        field: 'ty',
        type: 'quantitative',
        title: t('debtTy'),
        scale: { scheme: 'blues' },
        legend: { format: ',.0f', orient: 'bottom-left' },
      },
      tooltip: [
        { field: 'properties.name_vi', type: 'nominal', title: t('province') },
        { field: 'shown', type: 'nominal', title: t('debtTotal') },
      ],
    },
  };
}
