/** One province: every measure month by month, the reports behind them and the police-coordination list. */
import type { EnforcementRow, ProsecutionRow } from '../../../lib/site-data.ts';
import { t } from '../i18n.ts';
import { countPoint, moneyPoint, sharePoint, trendFrame, trendTable } from '../chart-helpers.ts';
import { nameOf, pageRows, section, stampFor, type PageContext } from '../page-context.ts';
import { chartPanel } from '../panel.ts';
import { restateToCurrent } from '../restate.ts';
import { loadPageData } from '../site-data-client.ts';
import { lineTrendSpec, type TrendPoint } from '../specs/line-trend.ts';
import { policePanel, reportsPanel } from './province-lists.ts';

export async function renderProvince(ctx: PageContext): Promise<void> {
  const { data, route } = ctx;
  const { period, province: code, geography } = route;
  if (!code) {
    ctx.root.append(
      Object.assign(document.createElement('p'), { className: 'hint', textContent: t('pickProvince') }),
    );
    return;
  }
  const heading = document.createElement('h2');
  heading.className = 'province-name';
  heading.textContent = nameOf(ctx, code, period);
  ctx.root.append(heading);

  const provinceRows = (
    geography === 'current' ? restateToCurrent(data.provinces, data.units) : data.provinces
  ).filter((r) => r.province === code);
  const [enforcement, prosecution, reports] = await Promise.all([
    pageRows<'enforcement', EnforcementRow>(ctx, 'enforcement', [
      'inspections',
      'employers_inspected',
      'employers_violating',
      'sanctions',
      'fines_imposed',
      'fines_collected',
    ]),
    pageRows<'prosecution', ProsecutionRow>(ctx, 'prosecution', ['dossiers', 'amount']),
    loadPageData('reports'),
  ]);
  const frame = trendFrame(data.meta.periods, period);
  const charts: { id: string; title: string; yTitle: string; format?: string; points: TrendPoint[] }[] = [
    {
      id: 'p-debt',
      title: t('debtTotal'),
      yTitle: t('amountTy'),
      points: provinceRows.flatMap((r) => [
        moneyPoint(r.period, t('debtTotal'), r.debt_total),
        moneyPoint(r.period, t('debtOld'), r.debt_3m_plus),
      ]),
    },
    {
      id: 'p-coverage',
      title: t('coverageRate'),
      yTitle: t('coverageRate'),
      format: '.1f',
      points: provinceRows.flatMap((r) => [
        sharePoint(r.period, t('hiRate'), r.hi_participants, r.hi_population),
        sharePoint(r.period, t('siRate'), r.si_participants, r.si_labour_force),
      ]),
    },
    {
      id: 'p-procedures',
      title: t('pageProcedures'),
      yTitle: t('dossiers'),
      points: provinceRows.flatMap((r) => [
        countPoint(r.period, t('dossiers'), r.procedures_received),
        countPoint(r.period, t('onTime'), r.procedures_on_time),
      ]),
    },
    {
      id: 'p-enforcement',
      title: t('pageEnforcement'),
      yTitle: t('count'),
      points: [
        ...enforcement
          .filter((r) => r.province === code)
          .flatMap((r) => [
            countPoint(r.period, t('inspections'), r.inspections),
            countPoint(r.period, t('employersViolating'), r.employers_violating),
          ]),
        ...[...new Set(prosecution.filter((r) => r.province === code).map((r) => r.period))].map((p) =>
          countPoint(
            p,
            t('dossiers'),
            prosecution
              .filter((r) => r.province === code && r.period === p)
              .reduce((s, r) => s + r.dossiers, 0),
          ),
        ),
      ],
    },
  ];
  const grid = section(ctx);
  await Promise.all(
    charts.map((c) => {
      const series = [...new Set(c.points.map((p) => p.series))];
      return chartPanel(grid, {
        id: c.id,
        title: c.title,
        spec: lineTrendSpec(c.points, {
          ...frame,
          description: `${heading.textContent ?? ''}: ${c.title}`,
          yTitle: c.yTitle,
          seriesTitle: t('measure'),
          series,
          format: c.format,
          height: 200,
        }),
        table: trendTable(c.points, series),
        fileName: `${c.id}-${code}-${period}`,
        stamp: stampFor(ctx, null, { province: code }),
        wide: false,
      });
    }),
  );
  reportsPanel(ctx, code, reports);
  await policePanel(ctx, code);
}
