/** Debt: national debt by scheme, debt of 3+ months against arrears recovered, provinces ranked. */
import { formatPeriod, formatVnd } from '../../../core/format.ts';
import { lang, pick, t } from '../i18n.ts';
import { CHANGE_TEXT, VIEW_TEXT } from '../../../core/messages/index.ts';
import { appendUnreportedNote, unreportedRows, unreportedUnits } from '../not-reported.ts';
import { breakMarks, moneyPoint, trendFrame, trendTable, ty } from '../chart-helpers.ts';
import {
  openClickedProvince,
  inRegion,
  nameOf,
  reportedUnits,
  section,
  stampFor,
  type PageContext,
} from '../page-context.ts';
import { chartPanel } from '../panel.ts';
import { appendChanges } from '../render-changes.ts';
import { restateToCurrent } from '../restate.ts';
import { barRankingSpec } from '../specs/bar-ranking.ts';
import { debtTrendSpec } from '../../../core/charts/debt-trend.ts';
import { lineTrendSpec } from '../specs/line-trend.ts';
import { OKABE_ITO } from '../../../core/charts/palette.ts';
import { renderDebtBreakdown } from './debt-breakdown.ts';

const TOP = 20;

export async function renderDebt(ctx: PageContext): Promise<void> {
  const { data, route } = ctx;
  const { period } = route;
  const stamp = stampFor(ctx, 'debt');
  const series = [t('debtOld'), t('arrearsRecovered')];
  const points = data.national.flatMap((r) => [
    moneyPoint(r.period, series[0] ?? '', r.debt_3m_plus),
    moneyPoint(r.period, series[1] ?? '', r.arrears_recovered),
  ]);
  // Units that sent no debt report are left out of the ranking and marked, never ranked as zero.
  const debtReported = reportedUnits(ctx, 'debt', period);
  const provinces = (
    route.geography === 'current' ? restateToCurrent(data.provinces, data.units) : data.provinces
  )
    .filter((r) => r.period === period && inRegion(ctx, r.province, period) && debtReported.has(r.province))
    .sort((a, b) => b.debt_3m_plus - a.debt_3m_plus);
  const unreported = unreportedUnits(ctx, 'debt', period);
  const click = openClickedProvince(ctx);
  const schemes = await chartPanel(ctx.root, {
    id: 'debt-schemes',
    national: true,
    title: `${t('debtByScheme')} (${pick(VIEW_TEXT.inTy)})`,
    spec: debtTrendSpec(data.national, { selected: period, lang: lang() }),
    table: {
      columns: [
        { key: 'period', label: t('periodLabel') },
        { key: 'debt_bhxh', label: 'BHXH' },
        { key: 'debt_bhyt', label: 'BHYT' },
        { key: 'debt_bhtn', label: 'BHTN' },
        { key: 'debt_total', label: t('debtTotal') },
        { key: 'debt_3m_plus', label: t('debtOld') },
        { key: 'employers_owing', label: t('employersOwing') },
        { key: 'arrears_recovered', label: t('arrearsRecovered') },
      ],
      rows: data.national,
    },
    fileName: `no-theo-loai-${period}`,
    stamp,
  });
  appendChanges(ctx, schemes, t('debtTotal'), { kind: 'sum', measure: 'debt_total' });
  appendChanges(ctx, schemes, t('debtOld'), { kind: 'sum', measure: 'debt_3m_plus' });
  const pair = section(ctx);
  const frame = trendFrame(data.meta.periods, period);
  // arrears recovered counts more from the template with paid-off rows: its line breaks there
  const marks = [
    ...frame.marks,
    ...breakMarks(data.meta.periods, 'arrears_recovered', t('arrearsRecovered')),
  ];
  await Promise.all([
    chartPanel(pair, {
      id: 'debt-old',
      national: true,
      title: `${t('debtOldShareTrend')} (${pick(VIEW_TEXT.inTy)})`,
      spec: lineTrendSpec(points, {
        ...frame,
        marks,
        description: t('debtOldShareTrend'),
        yTitle: t('amountTy'),
        seriesTitle: t('measure'),
        series,
      }),
      table: trendTable(points, series),
      fileName: `no-3-thang-${period}`,
      stamp,
      wide: false,
    }).then((panel) => {
      appendChanges(ctx, panel, t('arrearsRecovered'), { kind: 'sum', measure: 'arrears_recovered' });
    }),
    chartPanel(pair, {
      id: 'debt-old-ranking',
      title: `${t('debtOld')} (${pick(VIEW_TEXT.inTy)}) · ${formatPeriod(period)}`,
      spec: barRankingSpec(
        provinces.slice(0, TOP).map((r) => ({
          code: r.province,
          name: nameOf(ctx, r.province, period),
          value: ty(r.debt_3m_plus),
          shown: formatVnd(r.debt_3m_plus),
        })),
        {
          description: `${t('debtOld')} ${formatPeriod(period)}`,
          xTitle: t('debtTy'),
          nameTitle: t('province'),
          color: OKABE_ITO.vermillion,
        },
      ),
      table: {
        columns: [
          { key: 'province', label: t('code') },
          { key: 'name', label: t('province') },
          { key: 'debt_total', label: t('debtTotal') },
          { key: 'debt_3m_plus', label: t('debtOld') },
          { key: 'employers_owing', label: t('employersOwing') },
          { key: 'status', label: t('status') },
        ],
        rows: [
          ...provinces.map((r) => ({
            ...r,
            name: nameOf(ctx, r.province, period),
            status: pick(CHANGE_TEXT.reportedStatus),
          })),
          ...unreportedRows(ctx, unreported, period, ['debt_total', 'debt_3m_plus', 'employers_owing']),
        ],
      },
      fileName: `no-3-thang-tinh-${period}`,
      stamp,
      onClick: click,
      wide: false,
    }).then((panel) => appendUnreportedNote(ctx, panel, unreported, period)),
  ]);
  await renderDebtBreakdown(ctx);
}
