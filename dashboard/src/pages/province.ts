/** One province: every measure month by month, the reports behind them and the police-coordination list. */
import { likeForLike } from '../../../core/like-for-like.ts';
import {
  PAGE_SUMS,
  type ComparisonRow,
  type EnforcementRow,
  type ProsecutionRow,
} from '../../../core/contracts/site-data.ts';
import type { Compared } from '../changes.ts';
import { formatPeriod } from '../../../core/format.ts';
import { pick, t } from '../i18n.ts';
import { RESULTS_TEXT, VIEW_TEXT } from '../../../core/messages/index.ts';
import { countPoint, moneyPoint, sharePoint, trendFrame, trendTable } from '../chart-helpers.ts';
import { linkTo, nameOf, section, stampFor, type PageContext } from '../page-context.ts';
import { pageRows } from '../page-rows.ts';
import { chartPanel, emptyPanel } from '../panel.ts';
import { appendChanges } from '../render-changes.ts';
import { FIRST_PERIOD_OF_34, generationOf } from '../../../core/unit-names.ts';
import { restateToCurrent } from '../restate.ts';
import { loadPageData } from '../site-data-client.ts';
import { lineTrendSpec, type TrendPoint } from '../specs/line-trend.ts';
import { unitRecoveryPoints } from './enforcement-results.ts';
import { policePanel, reportsPanel } from './province-lists.ts';

/**
 * A code the month's geography no longer has (49 Quảng Nam after 2025-07): the page says where
 * that province went and links to the unit that took it over, instead of showing empty charts.
 */
function retiredNotice(ctx: PageContext, code: string): boolean {
  const { route, names } = ctx;
  const generation = route.geography === 'current' ? '34' : generationOf(route.period);
  if (generation !== '34' || names.find(code, '34')) return false;
  const old = names.find(code, '63');
  if (!old) return false;
  const into = names.find(old.current_code, '34');
  const intoName = into?.name_vi ?? old.current_code;
  const notice = document.createElement('section');
  notice.className = 'retired-unit';
  notice.dataset.successor = old.current_code;
  const text = document.createElement('p');
  text.textContent = pick(VIEW_TEXT.retired(code, old.name_vi, formatPeriod(route.period), intoName));
  const link = document.createElement('a');
  link.href = linkTo(ctx, { page: 'province', province: old.current_code });
  link.textContent = pick(VIEW_TEXT.openSuccessor(intoName));
  notice.append(text, link);
  ctx.root.append(notice);
  return true;
}

/**
 * The unit's own changes, month on month, year on year and since the start of the year, when it
 * reported both months (restated through the merger when the page is restated).
 */
function unitComparisons(ctx: PageContext, code: string): ComparisonRow[] {
  const { data, route } = ctx;
  const currentOf = new Map(
    data.units.filter((u) => u.generation === '63').map((u) => [u.code, u.current_code]),
  );
  const mine = (r: { period: string; province: string }) =>
    route.geography === 'current' && r.period < FIRST_PERIOD_OF_34
      ? currentOf.get(r.province) === code
      : r.province === code;
  return likeForLike(
    data.provinces.filter(mine),
    data.completeness.filter(mine),
    data.units,
    data.meta.periods,
  ).filter((r) => r.period === route.period);
}

export async function renderProvince(ctx: PageContext): Promise<void> {
  const { data, route } = ctx;
  const { period, province: code, geography } = route;
  if (!code) {
    ctx.root.append(
      Object.assign(document.createElement('p'), { className: 'hint', textContent: t('pickProvince') }),
    );
    return;
  }
  if (retiredNotice(ctx, code)) return;
  const heading = document.createElement('h2');
  heading.className = 'province-name';
  heading.textContent = nameOf(ctx, code, period);
  ctx.root.append(heading);

  const provinceRows = (
    geography === 'current' ? restateToCurrent(data.provinces, data.units) : data.provinces
  ).filter((r) => r.province === code);
  const [enforcement, prosecution, reports] = await Promise.all([
    pageRows<'enforcement', EnforcementRow>(ctx, 'enforcement', PAGE_SUMS.enforcement),
    pageRows<'prosecution', ProsecutionRow>(ctx, 'prosecution', PAGE_SUMS.prosecution),
    loadPageData('reports'),
  ]);
  const frame = trendFrame(data.meta.periods, period);
  const charts: { id: string; title: string; yTitle: string; format?: string; points: TrendPoint[] }[] = [
    {
      id: 'p-debt',
      // a province's page draws money in triệu đồng (exports keep whole đồng)
      title: `${t('debtTotal')} (${pick(VIEW_TEXT.inTrieu)})`,
      yTitle: pick(VIEW_TEXT.amountTrieu),
      points: provinceRows.flatMap((r) => [
        moneyPoint(r.period, t('debtTotal'), r.debt_total, 'trieu'),
        moneyPoint(r.period, t('debtOld'), r.debt_3m_plus, 'trieu'),
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
    {
      id: 'p-enforcement-results',
      title: `${pick(RESULTS_TEXT.unitRecoveries)} (${pick(VIEW_TEXT.inTrieu)})`,
      yTitle: pick(VIEW_TEXT.amountTrieu),
      points: unitRecoveryPoints(enforcement, code),
    },
  ];
  const grid = section(ctx);
  const own = unitComparisons(ctx, code);
  const changes: Record<string, [string, Compared][]> = {
    'p-debt': [
      [t('debtTotal'), { kind: 'sum', measure: 'debt_total' }],
      [t('debtOld'), { kind: 'sum', measure: 'debt_3m_plus' }],
    ],
    'p-coverage': [[t('hiRate'), { kind: 'ratio', part: 'hi_participants', whole: 'hi_population' }]],
    'p-procedures': [
      [t('onTimeOfReceived'), { kind: 'ratio', part: 'procedures_on_time', whole: 'procedures_received' }],
    ],
  };
  await Promise.all(
    charts.map(async (c) => {
      // nothing to draw (the recoveries of a unit on the older template): said, not an empty chart
      if (c.points.length === 0) {
        emptyPanel(grid, { id: c.id, title: c.title, text: pick(RESULTS_TEXT.noFiguresYet), wide: false });
        return;
      }
      const series = [...new Set(c.points.map((p) => p.series))];
      const panel = await chartPanel(grid, {
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
      for (const [label, what] of changes[c.id] ?? []) appendChanges(ctx, panel, label, what, own);
    }),
  );
  reportsPanel(ctx, code, reports);
  await policePanel(ctx, code);
}
