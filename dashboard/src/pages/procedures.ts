/** Procedures: dossiers received and resolved over time, outcomes by procedure group, lowest on-time rates. */
import type { ProceduresRow } from '../../../lib/site-data.ts';
import { formatPeriod, formatShare } from '../format.ts';
import { categoryLabel, t } from '../i18n.ts';
import { countPoint, share, trendFrame, trendTable } from '../chart-helpers.ts';
import {
  openClickedProvince,
  inRegion,
  nameOf,
  pageRows,
  section,
  stampFor,
  type PageContext,
} from '../page-context.ts';
import { chartPanel } from '../panel.ts';
import { barRankingSpec } from '../specs/bar-ranking.ts';
import { groupedBarSpec } from '../specs/grouped-bar.ts';
import { lineTrendSpec } from '../specs/line-trend.ts';
import { OKABE_ITO } from '../specs/palette.ts';

const GROUPS = ['collection', 'short_term', 'long_term', 'lump_sum', 'hi_claims'];
const OUTCOMES = ['on_time', 'late', 'pending'] as const;
const OUTCOME_TEXT = { on_time: 'onTime', late: 'lateResolved', pending: 'pending' } as const;

export async function renderProcedures(ctx: PageContext): Promise<void> {
  const { data, route } = ctx;
  const { period } = route;
  const rows = (
    await pageRows<'procedures', ProceduresRow>(ctx, 'procedures', [
      'received',
      'on_time',
      'late',
      'pending',
      'overdue',
    ])
  ).filter((r) => r.period === period && inRegion(ctx, r.province, period));
  const stamp = stampFor(ctx, 'procedures');
  const series = [t('onTime'), t('lateResolved'), t('overdue')];
  const points = data.national.flatMap((r) => [
    countPoint(r.period, series[0] ?? '', r.procedures_on_time),
    countPoint(r.period, series[1] ?? '', r.procedures_late),
    countPoint(r.period, series[2] ?? '', r.procedures_overdue),
  ]);
  const byGroup = GROUPS.flatMap((group) =>
    OUTCOMES.map((outcome) => {
      const n = rows.filter((r) => r.procedure_group === group).reduce((s, r) => s + r[outcome], 0);
      return {
        category: categoryLabel(group),
        group: t(OUTCOME_TEXT[outcome]),
        value: n,
        shown: n.toLocaleString('vi-VN'),
      };
    }),
  );
  const byProvince = new Map<string, { province: string; on_time: number; late: number; received: number }>();
  for (const r of rows) {
    const into = byProvince.get(r.province) ?? { province: r.province, on_time: 0, late: 0, received: 0 };
    into.on_time += r.on_time;
    into.late += r.late;
    into.received += r.received;
    byProvince.set(r.province, into);
  }
  const ranked = [...byProvince.values()]
    .map((p) => ({ ...p, name: nameOf(ctx, p.province, period), rate: share(p.on_time, p.on_time + p.late) }))
    .sort((a, b) => a.rate - b.rate);
  await chartPanel(ctx.root, {
    id: 'procedures-trend',
    title: t('proceduresTrend'),
    spec: lineTrendSpec(points, {
      ...trendFrame(data.meta.periods, period),
      description: t('proceduresTrend'),
      yTitle: t('dossiers'),
      seriesTitle: t('outcome'),
      series,
    }),
    table: trendTable(points, series),
    fileName: `thu-tuc-toan-quoc-${period}`,
    stamp,
  });
  const pair = section(ctx);
  await Promise.all([
    chartPanel(pair, {
      id: 'procedures-groups',
      title: `${t('proceduresByGroup')} · ${formatPeriod(period)}`,
      spec: groupedBarSpec(byGroup, {
        description: t('proceduresByGroup'),
        categoryTitle: t('group'),
        groupTitle: t('outcome'),
        valueTitle: t('dossiers'),
        categories: GROUPS.map(categoryLabel),
        groups: OUTCOMES.map((o) => t(OUTCOME_TEXT[o])),
        layout: 'stack',
      }),
      table: {
        columns: [
          { key: 'category', label: t('group') },
          { key: 'group', label: t('outcome') },
          { key: 'value', label: t('dossiers') },
        ],
        rows: byGroup,
      },
      fileName: `thu-tuc-theo-nhom-${period}`,
      stamp,
      wide: false,
    }),
    chartPanel(pair, {
      id: 'procedures-ranking',
      title: `${t('onTimeRanking')} · ${formatPeriod(period)}`,
      spec: barRankingSpec(
        ranked.slice(0, 20).map((r) => ({
          code: r.province,
          name: r.name,
          value: r.rate,
          shown: formatShare(r.on_time, r.on_time + r.late),
        })),
        {
          description: t('onTimeRanking'),
          xTitle: t('onTimeRate'),
          nameTitle: t('province'),
          format: '.1f',
          color: OKABE_ITO.purple,
        },
      ),
      table: {
        columns: [
          { key: 'province', label: t('code') },
          { key: 'name', label: t('province') },
          { key: 'received', label: t('dossiers') },
          { key: 'on_time', label: t('onTime') },
          { key: 'late', label: t('lateResolved') },
        ],
        rows: ranked,
      },
      fileName: `dung-han-tinh-${period}`,
      stamp,
      onClick: openClickedProvince(ctx),
      wide: false,
    }),
  ]);
}
