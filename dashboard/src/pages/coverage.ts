/** Coverage: national rates over time, progress against the year's target by scheme, lowest provinces. */
import type { CoverageRow } from '../../../lib/site-data.ts';
import { formatPeriod, formatShare } from '../format.ts';
import { categoryLabel, t } from '../i18n.ts';
import { share, sharePoint, trendFrame, trendTable } from '../chart-helpers.ts';
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

const SCHEMES = ['si_compulsory', 'si_voluntary', 'ui', 'hi'];
const SUMMED: (keyof CoverageRow)[] = ['participants', 'target', 'base'];

export async function renderCoverage(ctx: PageContext): Promise<void> {
  const { data, route } = ctx;
  const { period } = route;
  const rows = (await pageRows<'coverage', CoverageRow>(ctx, 'coverage', SUMMED)).filter(
    (r) => r.period === period && inRegion(ctx, r.province, period),
  );
  const stamp = stampFor(ctx, 'coverage');
  const series = [t('hiRate'), t('siRate')];
  const points = data.national.flatMap((r) => [
    sharePoint(r.period, series[0] ?? '', r.hi_participants, r.hi_population),
    sharePoint(r.period, series[1] ?? '', r.si_participants, r.si_labour_force),
  ]);
  const byScheme = SCHEMES.map((scheme) => {
    const of = rows.filter((r) => r.scheme === scheme);
    const participants = of.reduce((s, r) => s + r.participants, 0);
    const target = of.reduce((s, r) => s + r.target, 0);
    return { scheme: categoryLabel(scheme), participants, target, share: share(participants, target) };
  });
  const hi = rows
    .filter((r) => r.scheme === 'hi' && r.base > 0)
    .map((r) => ({ ...r, name: nameOf(ctx, r.province, period), rate: share(r.participants, r.base) }))
    .sort((a, b) => a.rate - b.rate);
  const groups = [t('participants'), t('target')];
  await chartPanel(ctx.root, {
    id: 'coverage-trend',
    title: t('coverageTrend'),
    spec: lineTrendSpec(points, {
      ...trendFrame(data.meta.periods, period),
      description: t('coverageTrend'),
      yTitle: t('coverageRate'),
      seriesTitle: t('measure'),
      series,
      format: '.1f',
    }),
    table: trendTable(points, series),
    fileName: `bao-phu-toan-quoc-${period}`,
    stamp,
  });
  const pair = section(ctx);
  await Promise.all([
    chartPanel(pair, {
      id: 'coverage-target',
      title: `${t('targetProgress')} · ${formatPeriod(period)}`,
      spec: groupedBarSpec(
        byScheme.flatMap((s) => [
          {
            category: s.scheme,
            group: groups[0] ?? '',
            value: s.participants,
            shown: `${s.participants.toLocaleString('vi-VN')} (${formatShare(s.participants, s.target)})`,
          },
          {
            category: s.scheme,
            group: groups[1] ?? '',
            value: s.target,
            shown: s.target.toLocaleString('vi-VN'),
          },
        ]),
        {
          description: t('targetProgress'),
          categoryTitle: t('measure'),
          groupTitle: t('measure'),
          valueTitle: t('participants'),
          categories: byScheme.map((s) => s.scheme),
          groups,
          layout: 'side',
          format: '.2s',
        },
      ),
      table: {
        columns: [
          { key: 'scheme', label: t('measure') },
          { key: 'participants', label: t('participants') },
          { key: 'target', label: t('target') },
          { key: 'share', label: t('targetShare') },
        ],
        rows: byScheme,
      },
      fileName: `chi-tieu-${period}`,
      stamp,
      wide: false,
    }),
    chartPanel(pair, {
      id: 'coverage-ranking',
      title: `${t('hiRanking')} · ${formatPeriod(period)}`,
      spec: barRankingSpec(
        hi.slice(0, 20).map((r) => ({
          code: r.province,
          name: r.name,
          value: r.rate,
          shown: formatShare(r.participants, r.base),
        })),
        {
          description: t('hiRanking'),
          xTitle: t('coverageRate'),
          nameTitle: t('province'),
          format: '.1f',
          color: OKABE_ITO.green,
        },
      ),
      table: {
        columns: [
          { key: 'province', label: t('code') },
          { key: 'name', label: t('province') },
          { key: 'participants', label: t('participants') },
          { key: 'base', label: t('hiRate') },
          { key: 'target', label: t('target') },
        ],
        rows: hi,
      },
      fileName: `bao-phu-bhyt-tinh-${period}`,
      stamp,
      onClick: openClickedProvince(ctx),
      wide: false,
    }),
  ]);
}
