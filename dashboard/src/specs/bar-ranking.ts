import type { TopLevelSpec } from 'vega-lite';
import { OKABE_ITO } from './palette.ts';

export interface RankedBar {
  /** GSO code: a click on the bar opens that province's page. */
  code: string;
  name: string;
  value: number;
  shown: string;
}

export interface RankingOptions {
  description: string;
  xTitle: string;
  nameTitle: string;
  format?: string;
  color?: string;
}

/** One bar per province in the order given (worst first), labelled with its value. */
export function barRankingSpec(bars: readonly RankedBar[], opts: RankingOptions): TopLevelSpec {
  const values = bars.map((bar, i) => ({ ...bar, order: i }));
  const y = {
    field: 'name',
    type: 'nominal',
    title: null,
    sort: { field: 'order', op: 'min', order: 'ascending' },
  } as const;
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: opts.description,
    width: 'container',
    height: Math.max(1, bars.length) * 22,
    data: { values },
    encoding: {
      y,
      x: {
        field: 'value',
        type: 'quantitative',
        title: opts.xTitle,
        axis: { format: opts.format ?? ',.0f' },
      },
      tooltip: [
        { field: 'name', type: 'nominal', title: opts.nameTitle },
        { field: 'shown', type: 'nominal', title: opts.xTitle },
      ],
    },
    layer: [
      { mark: { type: 'bar', color: opts.color ?? OKABE_ITO.blue, cursor: 'pointer' } },
      {
        mark: { type: 'text', align: 'left', dx: 3, fontSize: 10, color: '#222' },
        encoding: { text: { field: 'shown', type: 'nominal' } },
      },
    ],
  };
}
