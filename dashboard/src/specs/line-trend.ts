import type { TopLevelSpec } from 'vega-lite';
import { OKABE_ITO } from '../../../core/charts/palette.ts';

export interface TrendPoint {
  period: string;
  series: string;
  value: number;
  /** The value as the tooltip writes it ("1.234.567 đ", "87,7%"). */
  shown: string;
}

export interface TrendOptions {
  description: string;
  yTitle: string;
  seriesTitle: string;
  monthTitle: string;
  /** Series in legend order; each gets a colour and a dash pattern, so print and colour-blind readers can tell them apart. */
  series: readonly string[];
  /** d3 format of the y axis. */
  format?: string;
  /**
   * Vertical rules: the month being viewed, the 2025 reform, a break in a series; a rule with a
   * `label` also writes it beside the rule (a break must be seen without hovering).
   */
  marks?: readonly { period: string; note: string; label?: string }[];
  noteTitle: string;
  height?: number;
}

const COLOURS = [
  OKABE_ITO.blue,
  OKABE_ITO.vermillion,
  OKABE_ITO.green,
  OKABE_ITO.orange,
  OKABE_ITO.purple,
  OKABE_ITO.black,
];
const DASHES = [
  [1, 0],
  [6, 3],
  [2, 2],
  [8, 2, 2, 2],
  [4, 1],
  [10, 4],
];

/** Several measures month by month on one axis; the x axis reads MM/YYYY. */
export function lineTrendSpec(points: readonly TrendPoint[], opts: TrendOptions): TopLevelSpec {
  const values = points.map((p) => ({ ...p, month: `${p.period}-01` }));
  const x = {
    field: 'month',
    type: 'temporal',
    timeUnit: 'utcyearmonth',
    title: opts.monthTitle,
    axis: { format: '%m/%Y', labelOverlap: true },
  } as const;
  const scale = { domain: [...opts.series], range: COLOURS.slice(0, opts.series.length) };
  const legend = { orient: 'top', symbolType: 'stroke', symbolStrokeWidth: 2, symbolSize: 300 } as const;
  const labelled = (opts.marks ?? []).flatMap((m) => (m.label ? [{ ...m, label: m.label }] : []));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: opts.description,
    width: 'container',
    height: opts.height ?? 240,
    layer: [
      {
        data: { values },
        mark: { type: 'line', point: true, strokeWidth: 2 },
        encoding: {
          x,
          y: {
            field: 'value',
            type: 'quantitative',
            title: opts.yTitle,
            axis: { format: opts.format ?? ',.0f' },
          },
          color: { field: 'series', type: 'nominal', title: opts.seriesTitle, scale, legend },
          strokeDash: {
            field: 'series',
            type: 'nominal',
            title: opts.seriesTitle,
            scale: { domain: [...opts.series], range: DASHES.slice(0, opts.series.length) },
            legend,
          },
          tooltip: [
            { field: 'period', type: 'nominal', title: opts.monthTitle },
            { field: 'series', type: 'nominal', title: opts.seriesTitle },
            { field: 'shown', type: 'nominal', title: opts.yTitle },
          ],
        },
      },
      {
        data: { values: (opts.marks ?? []).map((m) => ({ month: `${m.period}-01`, note: m.note })) },
        mark: { type: 'rule', strokeDash: [4, 4], color: '#666' },
        encoding: { x, tooltip: { field: 'note', type: 'nominal', title: opts.noteTitle } },
      },
      ...labelled.map((m) => ({
        data: { values: [{ month: `${m.period}-01`, label: m.label }] },
        // to the left of the rule, inside the plot (a break is late in the months shown), cut short
        // rather than widening the chart
        mark: {
          type: 'text' as const,
          align: 'right' as const,
          baseline: 'top' as const,
          dx: -4,
          dy: 4,
          y: 0,
          limit: 220,
        },
        encoding: { x, text: { field: 'label', type: 'nominal' as const } },
      })),
    ],
  };
}
