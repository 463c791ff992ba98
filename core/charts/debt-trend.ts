import type { TopLevelSpec } from 'vega-lite';
import type { NationalRow } from '../contracts/site-data.ts';
import { formatPeriod, formatVnd } from '../format.ts';
import { FIRST_PERIOD_OF_34 } from '../unit-names.ts';
import { OKABE_ITO, VND_PER_TY } from './palette.ts';
import { chartText, type ChartText } from './chart-text.ts';
import { CHART_TEXT, type Lang } from '../messages/index.ts';

const schemes = ({ t }: ChartText) =>
  [
    { key: 'debt_total', label: t('debtTotal'), color: OKABE_ITO.black },
    { key: 'debt_bhxh', label: 'BHXH', color: OKABE_ITO.blue },
    { key: 'debt_bhyt', label: 'BHYT', color: OKABE_ITO.green },
    { key: 'debt_bhtn', label: 'BHTN', color: OKABE_ITO.orange },
  ] as const;

/** Vega-Lite reads "YYYY-MM-01" as UTC midnight; the spec therefore uses UTC time units throughout. */
const monthStart = (period: string) => `${period}-01`;

/** National contribution debt by scheme, month by month, with the chosen month and the 2025 reform marked. */
export function debtTrendSpec(
  rows: readonly NationalRow[],
  opts: { selected: string; lang: Lang },
): TopLevelSpec {
  const text = chartText(opts.lang);
  const { t, pick } = text;
  const SCHEMES = schemes(text);
  const values = rows.flatMap((row) =>
    SCHEMES.map((s) => ({
      month: monthStart(row.period),
      period: formatPeriod(row.period),
      scheme: s.label,
      ty: row[s.key] / VND_PER_TY,
      amount: formatVnd(row[s.key]),
    })),
  );
  const periods = rows.map((r) => r.period);
  const marks = [
    { month: monthStart(opts.selected), note: `${t('selected')} ${formatPeriod(opts.selected)}` },
  ];
  if (periods.some((p) => p < FIRST_PERIOD_OF_34) && periods.some((p) => p >= FIRST_PERIOD_OF_34))
    marks.push({ month: monthStart(FIRST_PERIOD_OF_34), note: t('reform') });
  const x = {
    field: 'month',
    type: 'temporal',
    timeUnit: 'utcyearmonth',
    title: t('periodLabel'),
    axis: { format: '%m/%Y', labelOverlap: true },
  } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: pick(CHART_TEXT.debtTrendDescription),
    width: 'container',
    height: 280,
    layer: [
      {
        data: { values },
        mark: { type: 'line', point: true, strokeWidth: 2 },
        encoding: {
          x,
          y: { field: 'ty', type: 'quantitative', title: t('debtTy'), axis: { format: ',.0f' } },
          color: {
            field: 'scheme',
            type: 'nominal',
            title: pick(CHART_TEXT.debtScheme),
            scale: { domain: SCHEMES.map((s) => s.label), range: SCHEMES.map((s) => s.color) },
            legend: { orient: 'top', symbolType: 'stroke', symbolStrokeWidth: 2, symbolSize: 300 },
          },
          strokeDash: {
            field: 'scheme',
            type: 'nominal',
            title: pick(CHART_TEXT.debtScheme),
            scale: {
              domain: SCHEMES.map((s) => s.label),
              range: [
                [1, 0],
                [6, 3],
                [2, 2],
                [8, 2, 2, 2],
              ],
            },
            legend: { orient: 'top', symbolType: 'stroke', symbolStrokeWidth: 2, symbolSize: 300 },
          },
          tooltip: [
            { field: 'period', type: 'nominal', title: t('periodLabel') },
            { field: 'scheme', type: 'nominal', title: pick(CHART_TEXT.debtScheme) },
            { field: 'amount', type: 'nominal', title: pick(CHART_TEXT.debtAmount) },
          ],
        },
      },
      {
        data: { values: marks },
        mark: { type: 'rule', strokeDash: [4, 4], color: '#666' },
        encoding: { x, tooltip: { field: 'note', type: 'nominal', title: t('note') } },
      },
    ],
  };
}
