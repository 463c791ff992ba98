import type { TopLevelSpec } from 'vega-lite';
import type { CompletenessRow } from '../../../lib/site-data.ts';
import { formatPeriod } from '../format.ts';
import type { UnitNames } from '../units.ts';
import { OKABE_ITO, PERIOD_LABEL_EXPR } from './palette.ts';
import { pick, t } from '../i18n.ts';
import { CHART_TEXT } from '../messages.ts';

const statuses = () =>
  [
    { key: 'on_time', label: t('statusOnTime'), color: OKABE_ITO.blue },
    { key: 'late', label: t('statusLate'), color: OKABE_ITO.yellow },
    { key: 'missing', label: t('statusMissing'), color: OKABE_ITO.vermillion },
  ] as const;

/**
 * Which units reported a dataset in which month. Rows carry each month's own geography, so a
 * window across July 2025 shows the 63 old units ending and the 34 new ones starting.
 */
export function completenessHeatmapSpec(
  rows: readonly CompletenessRow[],
  names: UnitNames,
  opts: { dataset: string; from: string; to: string },
): TopLevelSpec {
  const STATUS = statuses();
  const LABEL = new Map<string, string>(STATUS.map((s) => [s.key, s.label]));
  const values = rows
    .filter((r) => r.dataset === opts.dataset && r.period >= opts.from && r.period <= opts.to)
    .map((r) => ({
      period: r.period,
      month: formatPeriod(r.period),
      code: r.province,
      name: names.nameOf(r.province, r.period),
      status: LABEL.get(r.status) ?? r.status,
    }));
  return {
    $schema: 'https://vega.github.io/schema/vega-lite/v6.json',
    description: pick(CHART_TEXT.heatmapDescription(formatPeriod(opts.from), formatPeriod(opts.to))),
    data: { values },
    mark: { type: 'rect', stroke: '#fff', strokeWidth: 1 },
    width: { step: 34 },
    height: { step: 13 },
    encoding: {
      x: {
        field: 'period',
        type: 'ordinal',
        title: t('periodLabel'),
        axis: { labelExpr: PERIOD_LABEL_EXPR, labelAngle: -45, orient: 'top' },
      },
      y: {
        field: 'name',
        type: 'nominal',
        title: null,
        sort: { field: 'code', op: 'min', order: 'ascending' },
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
