import type { TopLevelSpec } from 'vega-lite';
import type { CompletenessRow } from '../contracts/site-data.ts';
import { formatPeriod } from '../format.ts';
import { generationOf, type UnitNames } from '../unit-names.ts';
import { OKABE_ITO, PERIOD_LABEL_EXPR } from './palette.ts';
import { chartText, type ChartText } from './chart-text.ts';
import { CHART_TEXT, type Lang } from '../messages/index.ts';

const statuses = ({ t }: ChartText) =>
  [
    { key: 'on_time', label: t('statusOnTime'), color: OKABE_ITO.blue },
    { key: 'late', label: t('statusLate'), color: OKABE_ITO.yellow },
    { key: 'missing', label: t('statusMissing'), color: OKABE_ITO.vermillion },
  ] as const;

/** Room for the rotated "MM/YYYY" labels (about 45 px in common sans-serif faces at 10 px). */
const HEATMAP_AXIS_EXTENT = 50;

const lineKey = (r: CompletenessRow) => `${generationOf(r.period)}:${r.province}`;

/**
 * One heatmap row per unit of one generation: "Hà Nội" of the 34 and "Hà Nội (63)" of the 63
 * share a code and a name but are different units with different reports. Rows are ordered by
 * today's unit, each followed by the old units merged into it, so a window across July 2025
 * reads as "who reports for this province now, and who did before".
 */
function heatmapLines(rows: readonly CompletenessRow[], names: UnitNames) {
  const mixed = new Set(rows.map((r) => generationOf(r.period))).size > 1;
  const lines = new Map<string, { label: string; order: string }>();
  for (const r of rows) {
    const key = lineKey(r);
    if (lines.has(key)) continue;
    const generation = generationOf(r.period);
    const unit = names.find(r.province, generation);
    const name = unit?.name_vi ?? r.province;
    lines.set(key, {
      label: mixed && generation === '63' ? `${name} (63)` : name,
      order: `${unit?.current_code ?? r.province}|${generation === '34' ? 0 : 1}|${r.province}`,
    });
  }
  return lines;
}

/**
 * Which units reported a dataset in which month. Rows carry each month's own geography, so a
 * window across July 2025 shows the 63 old units ending and the 34 new ones starting.
 */
export function completenessHeatmapSpec(
  rows: readonly CompletenessRow[],
  names: UnitNames,
  opts: { dataset: string; from: string; to: string; lang: Lang },
): TopLevelSpec {
  const text = chartText(opts.lang);
  const { t, pick } = text;
  const STATUS = statuses(text);
  const LABEL = new Map<string, string>(STATUS.map((s) => [s.key, s.label]));
  const shown = rows.filter(
    (r) => r.dataset === opts.dataset && r.period >= opts.from && r.period <= opts.to,
  );
  const lines = heatmapLines(shown, names);
  const values = shown.map((r) => ({
    period: r.period,
    month: formatPeriod(r.period),
    code: r.province,
    name: lines.get(lineKey(r))?.label ?? r.province,
    status: LABEL.get(r.status) ?? r.status,
  }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: pick(CHART_TEXT.heatmapDescription(formatPeriod(opts.from), formatPeriod(opts.to))),
    data: { values },
    mark: { type: 'rect', stroke: '#fff', strokeWidth: 1 },
    // The width follows the panel (a phone's 360 px as a laptop's), the height the units listed.
    width: 'container',
    height: Math.max(1, lines.size) * 13,
    encoding: {
      x: {
        field: 'period',
        type: 'ordinal',
        title: t('periodLabel'),
        // A fixed extent: the chart's height then does not hang on how wide a font draws the month
        // labels, so the chart the refresh drew ahead and the live view are equally tall.
        axis: {
          labelExpr: PERIOD_LABEL_EXPR,
          labelAngle: -45,
          orient: 'top',
          minExtent: HEATMAP_AXIS_EXTENT,
          maxExtent: HEATMAP_AXIS_EXTENT,
        },
      },
      y: {
        field: 'name',
        type: 'nominal',
        title: null,
        sort: [...lines.values()].sort((a, b) => a.order.localeCompare(b.order)).map((l) => l.label),
        axis: { labelFontSize: 10 },
      },
      color: {
        field: 'status',
        type: 'nominal',
        title: t('status'),
        scale: { domain: STATUS.map((s) => s.label), range: STATUS.map((s) => s.color) },
        legend: { orient: 'top' },
      },
      tooltip: [
        { field: 'name', type: 'nominal', title: t('province') },
        { field: 'month', type: 'nominal', title: t('periodLabel') },
        { field: 'status', type: 'nominal', title: t('status') },
      ],
    },
  };
}
