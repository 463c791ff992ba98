import type { TopLevelSpec } from 'vega-lite';
import type { ProvinceRow } from '../../../lib/site-data.ts';
import { formatPeriod, formatVnd } from '../format.ts';
import type { Geography } from '../restate.ts';
import type { UnitNames } from '../units.ts';
import { OKABE_ITO, VND_PER_TY } from './palette.ts';

const OLD_DEBT = 'Nợ từ 3 tháng trở lên';
const RECENT_DEBT = 'Nợ dưới 3 tháng';

/** The provinces owing most in a month, each bar split into debt of 3+ months and the rest. */
export function provinceRankingSpec(
  rows: readonly ProvinceRow[],
  names: UnitNames,
  opts: { period: string; top?: number; geography?: Geography },
): TopLevelSpec {
  const top = opts.top ?? 15;
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
    description: `Biểu đồ thanh: ${month.length} tỉnh, thành phố có số nợ lớn nhất tháng ${formatPeriod(opts.period)}`,
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
        title: 'Nợ (tỷ đồng)',
        axis: { format: ',.0f' },
      },
      color: {
        field: 'part',
        type: 'nominal',
        title: 'Thời gian nợ',
        scale: { domain: [OLD_DEBT, RECENT_DEBT], range: [OKABE_ITO.vermillion, OKABE_ITO.skyBlue] },
        legend: { orient: 'top' },
      },
      order: { field: 'order', type: 'quantitative' },
      tooltip: [
        { field: 'name', type: 'nominal', title: 'Tỉnh, thành phố' },
        { field: 'rank', type: 'quantitative', title: 'Hạng' },
        { field: 'total', type: 'nominal', title: 'Tổng nợ' },
        { field: 'part', type: 'nominal', title: 'Phần' },
        { field: 'amount', type: 'nominal', title: 'Số nợ' },
      ],
    },
  };
}
