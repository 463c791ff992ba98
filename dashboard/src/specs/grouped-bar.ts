import type { TopLevelSpec } from 'vega-lite';
import { OKABE_ITO } from '../../../core/charts/palette.ts';

export interface GroupedValue {
  category: string;
  group: string;
  value: number;
  shown: string;
}

export interface GroupedOptions {
  description: string;
  categoryTitle: string;
  groupTitle: string;
  valueTitle: string;
  /** Categories in reading order (e.g. the stages of a dossier, first to last). */
  categories: readonly string[];
  groups: readonly string[];
  /** 'side' puts the groups side by side; 'stack' stacks them into one bar per category. */
  layout: 'side' | 'stack';
  format?: string;
}

const COLOURS = [
  OKABE_ITO.blue,
  OKABE_ITO.orange,
  OKABE_ITO.green,
  OKABE_ITO.vermillion,
  OKABE_ITO.skyBlue,
  OKABE_ITO.purple,
];

/** Horizontal bars by category, split by group: the dossier funnel, outcomes by procedure group. */
export function groupedBarSpec(values: readonly GroupedValue[], opts: GroupedOptions): TopLevelSpec {
  const side = opts.layout === 'side';
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: opts.description,
    width: 'container',
    height: opts.categories.length * (side ? opts.groups.length * 12 + 8 : 26),
    data: { values: [...values] },
    mark: { type: 'bar' },
    encoding: {
      y: { field: 'category', type: 'nominal', title: opts.categoryTitle, sort: [...opts.categories] },
      ...(side ? { yOffset: { field: 'group', type: 'nominal', sort: [...opts.groups] } } : {}),
      x: {
        field: 'value',
        type: 'quantitative',
        title: opts.valueTitle,
        axis: { format: opts.format ?? ',.0f' },
        ...(side ? {} : { stack: 'zero' }),
      },
      color: {
        field: 'group',
        type: 'nominal',
        title: opts.groupTitle,
        scale: { domain: [...opts.groups], range: COLOURS.slice(0, opts.groups.length) },
        legend: { orient: 'top' },
      },
      tooltip: [
        { field: 'category', type: 'nominal', title: opts.categoryTitle },
        { field: 'group', type: 'nominal', title: opts.groupTitle },
        { field: 'shown', type: 'nominal', title: opts.valueTitle },
      ],
    },
  };
}
