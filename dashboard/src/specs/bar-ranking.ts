import type { TopLevelSpec } from 'vega-lite';
import { OKABE_ITO } from '../../../core/charts/palette.ts';

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
  /**
   * 'zero' (default): bars from zero, for amounts. 'data': dots on an axis fitted to the values,
   * for rates that all sit near 100%, where bars from zero would all look the same length.
   */
  baseline?: 'zero' | 'data';
}

/** One bar (or dot) per province in the order given (worst first), labelled with its value. */
export function barRankingSpec(bars: readonly RankedBar[], opts: RankingOptions): TopLevelSpec {
  const values = bars.map((bar, i) => ({ ...bar, order: i }));
  const fitted = opts.baseline === 'data';
  const color = opts.color ?? OKABE_ITO.blue;
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
        ...(fitted ? { scale: { zero: false, nice: true } } : {}),
      },
      tooltip: [
        { field: 'name', type: 'nominal', title: opts.nameTitle },
        { field: 'shown', type: 'nominal', title: opts.xTitle },
      ],
    },
    layer: [
      fitted
        ? { mark: { type: 'point', filled: true, size: 90, opacity: 1, color, cursor: 'pointer' } }
        : { mark: { type: 'bar', color, cursor: 'pointer' } },
      {
        mark: { type: 'text', align: 'left', dx: fitted ? 8 : 3, fontSize: 10, color: '#222' },
        encoding: { text: { field: 'shown', type: 'nominal' } },
      },
    ],
  };
}
