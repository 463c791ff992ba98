/** Procedures: dossiers received and resolved over time, outcomes by procedure group, lowest on-time rates. */
import { PAGE_SUMS, type ProceduresRow } from '../../../core/contracts/site-data.ts';
import { categoryCodes } from '../../../core/datasets/index.ts';
import { procedures as proceduresDef } from '../../../core/datasets/procedures.ts';
import { formatShare } from '../../../core/format.ts';
import { categoryLabel, t } from '../i18n.ts';
import { countPoint, share } from '../chart-helpers.ts';
import { inRegion, nameOf, stampFor, type PageContext } from '../page-context.ts';
import { pageRows } from '../page-rows.ts';
import { renderSectionPage } from '../section-page.ts';
import { OKABE_ITO } from '../../../core/charts/palette.ts';

const GROUPS = categoryCodes(proceduresDef, 'nhom_thu_tuc');
const OUTCOMES = ['on_time', 'late', 'pending'] as const;
const OUTCOME_TEXT = { on_time: 'onTime', late: 'lateResolved', pending: 'pending' } as const;

export async function renderProcedures(ctx: PageContext): Promise<void> {
  const { data, route } = ctx;
  const { period } = route;
  const rows = (await pageRows<'procedures', ProceduresRow>(ctx, 'procedures', PAGE_SUMS.procedures)).filter(
    (r) => r.period === period && inRegion(ctx, r.province, period),
  );
  const series = [t('onTime'), t('lateResolved'), t('overdue')];
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
  await renderSectionPage(ctx, {
    dataset: 'procedures',
    stamp: stampFor(ctx, 'procedures'),
    trend: {
      id: 'procedures-trend',
      title: t('proceduresTrend'),
      points: data.national.flatMap((r) => [
        countPoint(r.period, series[0] ?? '', r.procedures_on_time),
        countPoint(r.period, series[1] ?? '', r.procedures_late),
        countPoint(r.period, series[2] ?? '', r.procedures_overdue),
      ]),
      series,
      yTitle: t('dossiers'),
      seriesTitle: t('outcome'),
      fileName: `thu-tuc-toan-quoc-${period}`,
      changes: {
        label: t('onTimeOfReceived'),
        what: { kind: 'ratio', part: 'procedures_on_time', whole: 'procedures_received' },
      },
    },
    breakdown: {
      id: 'procedures-groups',
      title: t('proceduresByGroup'),
      values: byGroup,
      chart: {
        categoryTitle: t('group'),
        groupTitle: t('outcome'),
        valueTitle: t('dossiers'),
        categories: GROUPS.map(categoryLabel),
        groups: OUTCOMES.map((o) => t(OUTCOME_TEXT[o])),
        layout: 'stack',
      },
      table: {
        columns: [
          { key: 'category', label: t('group') },
          { key: 'group', label: t('outcome') },
          { key: 'value', label: t('dossiers') },
        ],
        rows: byGroup,
      },
      fileName: `thu-tuc-theo-nhom-${period}`,
    },
    ranking: {
      id: 'procedures-ranking',
      title: t('onTimeRanking'),
      rows: [...byProvince.values()]
        .map((p) => ({
          ...p,
          name: nameOf(ctx, p.province, period),
          rate: share(p.on_time, p.on_time + p.late),
        }))
        .sort((a, b) => a.rate - b.rate),
      value: (r) => r.rate,
      shown: (r) => formatShare(r.on_time, r.on_time + r.late),
      xTitle: t('onTimeRate'),
      format: '.1f',
      color: OKABE_ITO.purple,
      baseline: 'data',
      columns: [
        { key: 'received', label: t('dossiers') },
        { key: 'on_time', label: t('onTime') },
        { key: 'late', label: t('lateResolved') },
      ],
      fileName: `dung-han-tinh-${period}`,
    },
  });
}
