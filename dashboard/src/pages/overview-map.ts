/**
 * The overview's map: one measure by province, chosen in a picker kept in the URL, on the units of
 * the month (or today's 34 when restated). Its export carries the figures the colours show.
 */
import { PAGE_SUMS, type EnforcementRow, type ProvinceRow } from '../../../core/contracts/site-data.ts';
import { boundaryFileFor, prefetchBoundary } from '../boundary-loader.ts';
import { assetName } from '../asset-names.ts';
import { lang, pick, t } from '../i18n.ts';
import { CHANGE_TEXT, VIEW_TEXT } from '../../../core/messages/index.ts';

const UNIT_WORD = { dong: VIEW_TEXT.dong, percent: VIEW_TEXT.percent, count: VIEW_TEXT.count } as const;
import { MEASURES, mapValuesOf } from '../../../core/charts/map-measures.ts';
import {
  nameOf,
  openClickedProvince,
  reportedUnits,
  stampFor,
  unitsShown,
  type PageContext,
} from '../page-context.ts';
import { pageRows } from '../page-rows.ts';
import { chartPanel } from '../panel.ts';
import { mapAttribution, measurePicker, overviewTitles } from './overview-ahead.ts';
import { choroplethSpec } from '../../../core/charts/choropleth.ts';

/** `rows` are the province rows in the chosen geography, every month (the map takes its own). */
export async function mapPanel(ctx: PageContext, parent: HTMLElement, rows: readonly ProvinceRow[]) {
  const { period, geography, measure } = ctx.route;
  const def = MEASURES[measure];
  prefetchBoundary(boundaryFileFor(period, geography));
  const enforcement = def.needsEnforcement
    ? (await pageRows<'enforcement', EnforcementRow>(ctx, 'enforcement', PAGE_SUMS.enforcement)).filter(
        (r) => r.period === period,
      )
    : [];
  // Only units whose report arrived get a colour: a missing report is "chưa báo cáo", not zero.
  const reported = reportedUnits(ctx, def.dataset, period);
  const values = mapValuesOf(measure, period, rows, enforcement, reported);
  const byCode = new Map(values.map((v) => [v.province, v]));
  const noReport = pick(CHANGE_TEXT.notReported);
  const title = t(def.label);
  const panel = await chartPanel(parent, {
    id: 'map',
    title: overviewTitles(ctx).map,
    spec: choroplethSpec(values, {
      period,
      lang: lang(),
      geoBase: 'geo',
      publishedName: assetName,
      geography,
      measureTitle: title,
      legendTitle: t(def.legend),
      format: def.format,
      scheme: def.scheme,
    }),
    table: {
      columns: [
        { key: 'code', label: t('code') },
        { key: 'name', label: t('province') },
        { key: 'value', label: title },
        { key: 'unit', label: pick(VIEW_TEXT.unitColumn) },
        { key: 'shown', label: pick(VIEW_TEXT.shownColumn) },
      ],
      // every unit of the map, those without a report marked so and left without a figure
      rows: unitsShown(ctx, period)
        .sort((a, b) => a.localeCompare(b))
        .map((code) => {
          const v = byCode.get(code);
          return {
            code,
            name: nameOf(ctx, code, period),
            // whole đồng (or percent, or a count) with its unit, as the source figures are
            value: v ? v.raw : null,
            unit: v ? pick(UNIT_WORD[v.unit]) : '',
            shown: v ? v.shown : noReport,
          };
        }),
    },
    fileName: `ban-do-${measure}-${period}`,
    stamp: stampFor(ctx, def.dataset),
    onClick: openClickedProvince(ctx),
    wide: false,
  });
  panel.querySelector('.panel-header')?.after(measurePicker(ctx));
  panel.append(mapAttribution());
}
