/** Small conversions every page uses to turn site data rows into chart values and export tables. */
import { formatPeriod, formatShare, formatVnd } from './format.ts';
import { t } from './i18n.ts';
import { FIRST_PERIOD_OF_34 } from './units.ts';
import type { TrendOptions } from './specs/line-trend.ts';
import { VND_PER_TY } from './specs/palette.ts';

export const ty = (vnd: number) => vnd / VND_PER_TY;
export const share = (part: number, whole: number) => (whole > 0 ? (100 * part) / whole : 0);

/** A money point: tỷ đồng on the axis, the exact amount in the tooltip. */
export function moneyPoint(period: string, series: string, vnd: number) {
  return { period, series, value: ty(vnd), shown: formatVnd(vnd) };
}

export function sharePoint(period: string, series: string, part: number, whole: number) {
  return { period, series, value: share(part, whole), shown: formatShare(part, whole) };
}

export function countPoint(period: string, series: string, n: number) {
  return { period, series, value: n, shown: n.toLocaleString('vi-VN') };
}

/** The common part of a trend's options: month axis, selected month and the reform marked. */
export function trendFrame(periods: readonly string[], selected: string) {
  const marks = [{ period: selected, note: `${t('selected')} ${formatPeriod(selected)}` }];
  if (periods.some((p) => p < FIRST_PERIOD_OF_34) && periods.some((p) => p >= FIRST_PERIOD_OF_34))
    marks.push({ period: FIRST_PERIOD_OF_34, note: t('reform') });
  return { monthTitle: t('periodLabel'), noteTitle: t('note'), marks } satisfies Partial<TrendOptions>;
}

/** Trend points as an export table: one row per month, one column per series. */
export function trendTable(
  points: readonly { period: string; series: string; value: number }[],
  series: readonly string[],
) {
  const byPeriod = new Map<string, Record<string, string | number>>();
  for (const p of points) {
    const row = byPeriod.get(p.period) ?? { period: p.period };
    row[p.series] = Math.round(p.value * 1000) / 1000;
    byPeriod.set(p.period, row);
  }
  return {
    columns: [{ key: 'period', label: t('periodLabel') }, ...series.map((s) => ({ key: s, label: s }))],
    rows: [...byPeriod.values()],
  };
}
