/** Coverage: national rates over time, progress against the year's target by scheme, lowest provinces. */
import { PAGE_SUMS, type CoverageRow } from '../../../core/contracts/site-data.ts';
import { categoryCodes } from '../../../core/datasets/index.ts';
import { coverage as coverageDef } from '../../../core/datasets/coverage.ts';
import { formatShare } from '../../../core/format.ts';
import { categoryLabel, t } from '../i18n.ts';
import { share, sharePoint } from '../chart-helpers.ts';
import { inRegion, nameOf, stampFor, type PageContext } from '../page-context.ts';
import { pageRows } from '../page-rows.ts';
import { renderSectionPage } from '../section-page.ts';
import { OKABE_ITO } from '../../../core/charts/palette.ts';

const SCHEMES = categoryCodes(coverageDef, 'loai_hinh');
/** The target chart's axis counts millions of people ("10", not SI's "10M"); tooltips stay exact. */
const MILLION = 1_000_000;

export async function renderCoverage(ctx: PageContext): Promise<void> {
  const { data, route } = ctx;
  const { period } = route;
  const rows = (await pageRows<'coverage', CoverageRow>(ctx, 'coverage', PAGE_SUMS.coverage)).filter(
    (r) => r.period === period && inRegion(ctx, r.province, period),
  );
  const series = [t('hiRate'), t('siRate')];
  const byScheme = SCHEMES.map((scheme) => {
    // against the target over the units assigned one: a unit without is left out, not a target of 0
    const of = rows.filter((r) => r.scheme === scheme && r.target !== null);
    const participants = of.reduce((s, r) => s + r.participants, 0);
    const target = of.reduce((s, r) => s + (r.target ?? 0), 0);
    return { scheme: categoryLabel(scheme), participants, target, share: share(participants, target) };
  });
  const groups = [t('participants'), t('target')];
  await renderSectionPage(ctx, {
    dataset: 'coverage',
    stamp: stampFor(ctx, 'coverage'),
    trend: {
      id: 'coverage-trend',
      title: t('coverageTrend'),
      points: data.national.flatMap((r) => [
        sharePoint(r.period, series[0] ?? '', r.hi_participants, r.hi_population),
        sharePoint(r.period, series[1] ?? '', r.si_participants, r.si_labour_force),
      ]),
      series,
      yTitle: t('coverageRate'),
      seriesTitle: t('measure'),
      format: '.1f',
      fileName: `bao-phu-toan-quoc-${period}`,
      changes: {
        label: t('hiRate'),
        what: { kind: 'ratio', part: 'hi_participants', whole: 'hi_population' },
      },
    },
    breakdown: {
      id: 'coverage-target',
      title: t('targetProgress'),
      values: byScheme.flatMap((s) => [
        {
          category: s.scheme,
          group: groups[0] ?? '',
          value: s.participants / MILLION,
          shown: `${s.participants.toLocaleString('vi-VN')} (${formatShare(s.participants, s.target)})`,
        },
        {
          category: s.scheme,
          group: groups[1] ?? '',
          value: s.target / MILLION,
          shown: s.target.toLocaleString('vi-VN'),
        },
      ]),
      chart: {
        categoryTitle: t('measure'),
        groupTitle: t('measure'),
        valueTitle: t('participantsMillions'),
        categories: byScheme.map((s) => s.scheme),
        groups,
        layout: 'side',
        format: ',.0f',
      },
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
    },
    ranking: {
      id: 'coverage-ranking',
      title: t('hiRanking'),
      rows: rows
        .filter((r) => r.scheme === 'hi' && r.base > 0)
        .map((r) => ({ ...r, name: nameOf(ctx, r.province, period), rate: share(r.participants, r.base) }))
        .sort((a, b) => a.rate - b.rate),
      value: (r) => r.rate,
      shown: (r) => formatShare(r.participants, r.base),
      xTitle: t('coverageRate'),
      format: '.1f',
      color: OKABE_ITO.green,
      baseline: 'data',
      columns: [
        { key: 'participants', label: t('participants') },
        { key: 'base', label: t('hiRate') },
        { key: 'target', label: t('target') },
      ],
      fileName: `bao-phu-bhyt-tinh-${period}`,
    },
  });
}
