/** Small conversions every page uses to turn site data rows into chart values and export tables. */
import { formatPeriod, formatShare, formatVnd } from '../../core/format.ts';
import { pick, t } from './i18n.ts';
import { CHANGE_TEXT, VIEW_TEXT } from '../../core/messages/index.ts';
import { breaksOf } from '../../core/measure-breaks.ts';
import { FIRST_PERIOD_OF_34 } from '../../core/unit-names.ts';
import type { TrendOptions } from './specs/line-trend.ts';
import { share, ty } from '../../core/charts/scale-values.ts';

export { share, ty };

/** Province pages draw money in triệu đồng (a province's figures are a thousandth of the nation's). */
export const trieu = (vnd: number) => vnd / 1e6;

/**
 * A money point: tỷ đồng on the axis (triệu on a province's page), the exact amount in the
 * tooltip, and the whole đồng (`raw`) for the export, never the scaled decimal.
 */
export function moneyPoint(period: string, series: string, vnd: number, scale: 'ty' | 'trieu' = 'ty') {
  const value = scale === 'ty' ? ty(vnd) : trieu(vnd);
  return { period, series, value, shown: formatVnd(vnd), raw: vnd, kind: 'money' as const };
}

export function sharePoint(period: string, series: string, part: number, whole: number) {
  return {
    period,
    series,
    value: share(part, whole),
    shown: formatShare(part, whole),
    kind: 'percent' as const,
  };
}

export function countPoint(period: string, series: string, n: number) {
  return { period, series, value: n, shown: n.toLocaleString('vi-VN'), kind: 'count' as const };
}

/** The common part of a trend's options: month axis, selected month and the reform marked. */
export function trendFrame(periods: readonly string[], selected: string) {
  const marks = [{ period: selected, note: `${t('selected')} ${formatPeriod(selected)}` }];
  if (periods.some((p) => p < FIRST_PERIOD_OF_34) && periods.some((p) => p >= FIRST_PERIOD_OF_34))
    marks.push({ period: FIRST_PERIOD_OF_34, note: t('reform') });
  return { monthTitle: t('periodLabel'), noteTitle: t('note'), marks } satisfies Partial<TrendOptions>;
}

/**
 * The labelled rules of a measure's breaks (a template change of what it counts) within the
 * months shown: at 2026-07, "mẫu báo cáo thay đổi từ 2026-07" on the chart and
 * "Thu hồi nợ: mẫu báo cáo thay đổi từ 2026-07" in the rule's tooltip.
 */
export function breakMarks(periods: readonly string[], measure: string, label: string) {
  const first = periods[0] ?? '';
  const last = periods.at(-1) ?? '';
  return breaksOf(measure)
    .filter((from) => first < from && from <= last)
    .map((from) => ({
      period: from,
      note: `${label}: ${pick(CHANGE_TEXT.templateChanged(from))}`,
      label: pick(CHANGE_TEXT.templateChanged(from)),
    }));
}

type PointKind = 'money' | 'percent' | 'count';
const UNIT_OF = { money: VIEW_TEXT.dong, percent: VIEW_TEXT.percent, count: VIEW_TEXT.count } as const;

/**
 * Trend points as an export table: one row per month, one column per series, and a unit column.
 * Money goes out in whole đồng (the raw amount, not the chart's tỷ with decimals, which a vi-VN
 * spreadsheet would misread a thousandfold); rates in percent.
 */
export function trendTable(
  points: readonly { period: string; series: string; value: number; raw?: number; kind?: PointKind }[],
  series: readonly string[],
) {
  const byPeriod = new Map<string, Record<string, string | number>>();
  const kinds = new Set(points.map((p) => p.kind ?? 'percent'));
  // one unit per table; a table mixing kinds (counts beside money) says each in its column name
  const unit = kinds.size === 1 ? pick(UNIT_OF[[...kinds][0] ?? 'percent']) : '';
  for (const p of points) {
    const row = byPeriod.get(p.period) ?? { period: p.period, unit };
    row[p.series] = p.raw ?? Math.round(p.value * 1000) / 1000;
    byPeriod.set(p.period, row);
  }
  return {
    columns: [
      { key: 'period', label: t('periodLabel') },
      ...series.map((s) => ({ key: s, label: s })),
      { key: 'unit', label: pick(VIEW_TEXT.unitColumn) },
    ],
    rows: [...byPeriod.values()],
  };
}
