/** Overview: headline tiles, national debt trend, the provinces owing most, the map, reporting. */
import { lang, pick, t } from '../i18n.ts';
import {
  openClickedProvince,
  inRegion,
  nameOf,
  reportedUnits,
  section,
  stampFor,
  type PageContext,
} from '../page-context.ts';
import { CHANGE_TEXT, VIEW_TEXT } from '../../../core/messages/index.ts';
import { appendUnreportedNote, unreportedRows, unreportedUnits } from '../not-reported.ts';
import { chartPanel } from '../panel.ts';
import { appendChanges } from '../render-changes.ts';
import { restateToCurrent } from '../restate.ts';
import { heatmapFrom } from '../../../core/charts/overview-rows.ts';
import { completenessHeatmapSpec } from '../../../core/charts/completeness-heatmap.ts';
import { debtTrendSpec } from '../../../core/charts/debt-trend.ts';
import { provinceRankingSpec } from '../../../core/charts/province-ranking.ts';
import { mapPanel } from './overview-map.ts';
import { measureRankingPanel, rankingFollowsMeasure } from './overview-ranking.ts';
import { renderOverviewHead } from './overview-head.ts';
import { overviewTitles } from './overview-ahead.ts';

export async function renderOverview(ctx: PageContext): Promise<void> {
  const { data, route, names } = ctx;
  const { period, geography } = route;
  const all = geography === 'current' ? restateToCurrent(data.provinces, data.units) : data.provinces;
  const provinces = all.filter((r) => inRegion(ctx, r.province, r.period));
  renderOverviewHead(ctx);
  const titles = overviewTitles(ctx);

  const file = (name: string) => `${name}-${period}`;
  // Exports carry whole đồng, said in each money column's name and in the unit column.
  const dong = (label: string) => pick(VIEW_TEXT.inDong(label));
  const unit = { key: 'unit', label: pick(VIEW_TEXT.unitColumn) };
  const unitDong = pick(VIEW_TEXT.dong);
  const debtColumns = [
    { key: 'period', label: t('periodLabel') },
    { key: 'debt_bhxh', label: dong('BHXH') },
    { key: 'debt_bhyt', label: dong('BHYT') },
    { key: 'debt_bhtn', label: dong('BHTN') },
    { key: 'debt_total', label: dong(t('debtTotal')) },
    unit,
  ];
  // A unit that sent no debt report is ranked nowhere: the chart leaves it out and says so, the
  // table lists it last, marked, with no figure rather than a zero.
  const debtReported = reportedUnits(ctx, 'debt', period);
  const ranked = provinces.filter((r) => r.period === period && debtReported.has(r.province));
  const unreported = unreportedUnits(ctx, 'debt', period);
  const monthRows = [
    ...ranked
      .sort((a, b) => b.debt_total - a.debt_total)
      .map((r, i) => ({
        code: r.province,
        name: nameOf(ctx, r.province, period),
        rank: i + 1,
        debt_total: r.debt_total,
        debt_3m_plus: r.debt_3m_plus,
        status: pick(CHANGE_TEXT.reportedStatus),
      })),
    ...unreportedRows(ctx, unreported, period, ['rank', 'debt_total', 'debt_3m_plus']),
  ];
  const provinceTable = {
    columns: [
      { key: 'rank', label: t('rank') },
      { key: 'code', label: t('code') },
      { key: 'name', label: t('province') },
      { key: 'debt_total', label: dong(t('debtTotal')) },
      { key: 'debt_3m_plus', label: dong(t('debtOld')) },
      unit,
      { key: 'status', label: t('status') },
    ],
    rows: monthRows.map((r) => ({ ...r, unit: unitDong })),
  };
  const click = openClickedProvince(ctx);
  const from = heatmapFrom(period, data.meta.first_period);
  const heatRows = data.completeness.filter(
    (c) =>
      c.dataset === 'debt' && c.period >= from && c.period <= period && inRegion(ctx, c.province, c.period),
  );
  // Every panel is placed in page order first and drawn together, so the map's boundary file and
  // enforcement figures arrive while the other charts draw instead of after them.
  const trend = chartPanel(ctx.root, {
    id: 'trend',
    national: true,
    title: titles.trend,
    spec: debtTrendSpec(data.national, { selected: period, lang: lang() }),
    table: { columns: debtColumns, rows: data.national.map((r) => ({ ...r, unit: unitDong })) },
    fileName: file('no-toan-quoc'),
    stamp: stampFor(ctx, 'debt'),
  });
  void trend.then((panel) =>
    appendChanges(ctx, panel, t('debtTotal'), { kind: 'sum', measure: 'debt_total' }),
  );
  const pair = section(ctx);
  // The ranking follows the map's measure when it is a rate (or another amount) than the debt.
  const ranking = rankingFollowsMeasure(ctx) ? measureRankingPanel(ctx, pair, all) : debtRanking();
  function debtRanking() {
    const panel = chartPanel(pair, {
      id: 'ranking',
      title: titles.ranking,
      spec: provinceRankingSpec(ranked, names, { period, geography, lang: lang() }),
      table: provinceTable,
      fileName: file('xep-hang-no'),
      stamp: stampFor(ctx, 'debt'),
      onClick: click,
      wide: false,
    });
    void panel.then((p) => appendUnreportedNote(ctx, p, unreported, period));
    return panel;
  }
  const map = mapPanel(ctx, pair, all);
  const heatmap = chartPanel(ctx.root, {
    id: 'heatmap',
    title: titles.heatmap,
    spec: completenessHeatmapSpec(heatRows, names, { dataset: 'debt', from, to: period, lang: lang() }),
    table: {
      columns: [
        { key: 'period', label: t('periodLabel') },
        { key: 'province', label: t('code') },
        { key: 'status', label: t('status') },
      ],
      rows: heatRows,
    },
    fileName: file('nop-bao-cao-debt'),
    stamp: stampFor(ctx, 'debt'),
  });
  await Promise.all([trend, ranking, map, heatmap]);
}
