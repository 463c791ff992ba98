/** Reporting: which units sent which report when (heatmap province × month), and the late and missing lists. */
import { DATASET_NAMES } from '../../../core/datasets/index.ts';
import { addMonths } from '../../../core/period.ts';
import { formatPeriod } from '../../../core/format.ts';
import { datasetTitle, lang, t } from '../i18n.ts';
import { linkTo, section, stampFor, type PageContext } from '../page-context.ts';
import { chartPanel } from '../panel.ts';
import { completenessHeatmapSpec } from '../../../core/charts/completeness-heatmap.ts';
import { tablePanel } from '../table-panel.ts';
import { APPROVAL_STATES, approvalTableRows } from '../approval-counts.ts';
import { APPROVAL_TEXT } from '../../../core/messages/index.ts';
import { pick } from '../i18n.ts';

const MONTHS = 12;

function datasetPicker(ctx: PageContext): HTMLElement {
  const wrap = document.createElement('div');
  wrap.className = 'controls page-controls';
  const label = document.createElement('label');
  label.htmlFor = 'dataset';
  label.textContent = t('dataset');
  const select = document.createElement('select');
  select.id = 'dataset';
  for (const name of DATASET_NAMES) select.append(new Option(datasetTitle(name), name));
  select.value = ctx.route.dataset;
  select.addEventListener('change', () => {
    location.hash = linkTo(ctx, { dataset: select.value });
  });
  wrap.append(label, select);
  return wrap;
}

export async function renderReporting(ctx: PageContext): Promise<void> {
  const { data, route, names } = ctx;
  const { period, dataset } = route;
  ctx.root.append(datasetPicker(ctx));
  const from = [addMonths(period, 1 - MONTHS), data.meta.first_period].sort().at(-1) ?? period;
  // Completeness is per unit of its month: restating would blur who owed the report, so the
  // heatmap and lists stay in the units of each month.
  const rows = data.completeness.filter(
    (c) =>
      c.dataset === dataset &&
      c.period >= from &&
      c.period <= period &&
      (!route.region || names.regionOf(c.province, c.period) === route.region),
  );
  const stamp = stampFor(ctx, dataset);
  // How far the month is signed off, report by report: "chưa báo cáo" is a count of its own.
  tablePanel(ctx.root, {
    id: 'approvals',
    title: `${pick(APPROVAL_TEXT.title)} · ${formatPeriod(period)}`,
    table: {
      columns: [
        { key: 'dataset', label: t('dataset') },
        ...APPROVAL_STATES.map((s) => ({ key: s, label: pick(APPROVAL_TEXT[s]) })),
        { key: 'expected', label: pick(APPROVAL_TEXT.expected) },
        { key: 'held', label: pick(APPROVAL_TEXT.held) },
      ],
      rows: approvalTableRows(ctx, period),
    },
    fileName: `phe-duyet-${period}`,
    stamp: stampFor(ctx, null),
  });
  await chartPanel(ctx.root, {
    id: 'reporting-heatmap',
    title: `${t('heatmap')} · ${datasetTitle(dataset)}`,
    spec: completenessHeatmapSpec(rows, names, { dataset, from, to: period, lang: lang() }),
    table: {
      columns: [
        { key: 'period', label: t('periodLabel') },
        { key: 'province', label: t('code') },
        { key: 'name', label: t('province') },
        { key: 'status', label: t('status') },
      ],
      rows: rows.map((r) => ({ ...r, name: names.nameOf(r.province, r.period) })),
    },
    fileName: `nop-bao-cao-${dataset}-${period}`,
    stamp,
  });
  const month = data.completeness
    .filter(
      (c) => c.period === period && (!route.region || names.regionOf(c.province, period) === route.region),
    )
    .map((c) => ({
      province: c.province,
      name: names.nameOf(c.province, period),
      dataset: datasetTitle(c.dataset),
      status: c.status,
    }));
  const columns = [
    { key: 'province', label: t('code') },
    { key: 'name', label: t('province') },
    { key: 'dataset', label: t('dataset') },
  ];
  const pair = section(ctx);
  tablePanel(pair, {
    id: 'late',
    title: `${t('lateList')} · ${formatPeriod(period)}`,
    table: { columns, rows: month.filter((m) => m.status === 'late') },
    fileName: `bao-cao-tre-han-${period}`,
    stamp: stampFor(ctx, null),
  });
  tablePanel(pair, {
    id: 'missing',
    title: `${t('missingList')} · ${formatPeriod(period)}`,
    table: { columns, rows: month.filter((m) => m.status === 'missing') },
    fileName: `bao-cao-chua-nop-${period}`,
    stamp: stampFor(ctx, null),
  });
}
