import type { TopLevelSpec } from 'vega-lite';
import type { ProvinceRow } from '../contracts/site-data.ts';
import { formatPeriod, formatVnd } from '../format.ts';
import type { UnitNames } from '../unit-names.ts';
import { OKABE_ITO, VND_PER_TY } from './palette.ts';
import { chartText, type ChartGeography } from './chart-text.ts';
import { CHART_TEXT, type Lang } from '../messages/index.ts';

/** The provinces owing most in a month, each bar split into debt of 3+ months and the rest. */
export function provinceRankingSpec(
  rows: readonly ProvinceRow[],
  names: UnitNames,
  opts: { period: string; lang: Lang; top?: number; geography?: ChartGeography },
): TopLevelSpec {
  const { t, pick } = chartText(opts.lang);
  const top = opts.top ?? 15;
  const OLD_DEBT = t('debtOld');
  const RECENT_DEBT = t('debtRecent');
  const month = rows
    .filter((r) => r.period === opts.period)
    .sort((a, b) => a.debt_rank - b.debt_rank || b.debt_total - a.debt_total)
    .slice(0, top);
  const values = month.flatMap((r) => {
    const name = names.nameOf(r.province, r.period, opts.geography);
    const common = {
      code: r.province,
      name,
      total_ty: r.debt_total / VND_PER_TY,
      total: formatVnd(r.debt_total),
      rank: r.debt_rank,
    };
    return [
      {
        ...common,
        part: OLD_DEBT,
        order: 0,
        ty: r.debt_3m_plus / VND_PER_TY,
        amount: formatVnd(r.debt_3m_plus),
      },
      {
        ...common,
        part: RECENT_DEBT,
        order: 1,
        ty: (r.debt_total - r.debt_3m_plus) / VND_PER_TY,
        amount: formatVnd(r.debt_total - r.debt_3m_plus),
      },
    ];
  });
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: pick(CHART_TEXT.rankingDescription(month.length, formatPeriod(opts.period))),
    width: 'container',
    // The width follows the page and the height the number of provinces; a `step` height would
    // make Vega-Lite warn about dropping fit-y next to a container width.
    height: Math.max(1, month.length) * 22,
    data: { values },
    mark: { type: 'bar' },
    encoding: {
      y: {
        field: 'name',
        type: 'nominal',
        title: null,
        sort: { field: 'rank', op: 'min', order: 'ascending' },
      },
      x: {
        field: 'ty',
        type: 'quantitative',
        stack: 'zero',
        title: t('debtTy'),
        axis: { format: ',.0f' },
      },
      color: {
        field: 'part',
        type: 'nominal',
        title: pick(CHART_TEXT.debtPart),
        scale: { domain: [OLD_DEBT, RECENT_DEBT], range: [OKABE_ITO.vermillion, OKABE_ITO.skyBlue] },
        legend: { orient: 'top' },
      },
      order: { field: 'order', type: 'quantitative' },
      tooltip: [
        { field: 'name', type: 'nominal', title: t('province') },
        { field: 'rank', type: 'quantitative', title: t('rank') },
        { field: 'total', type: 'nominal', title: t('debtTotal') },
        { field: 'part', type: 'nominal', title: t('part') },
        { field: 'amount', type: 'nominal', title: pick(CHART_TEXT.debtAmount) },
      ],
    },
  };
}
