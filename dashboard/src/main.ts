/**
 * The dashboard page: reads the site data once, then redraws the tiles and charts for the month
 * named in the URL hash (default: the latest month with data).
 */
import { isDatasetName, DATASETS } from '../../lib/datasets/index.ts';
import { DASHBOARD_MESSAGES } from '../../lib/messages.ts';
import { addMonths } from '../../lib/period.ts';
import { embedChart } from './embed-chart.ts';
import { formatPeriod, formatTimestamp } from './format.ts';
import { coverageLine, kpiTiles } from './kpis.ts';
import { hashFor, routeFromHash, type Route } from './month-route.ts';
import { renderKpis } from './render-kpis.ts';
import { restateToCurrent, type Geography } from './restate.ts';
import { loadSiteData, type SiteData } from './site-data-client.ts';
import { choroplethSpec } from './specs/choropleth.ts';
import { completenessHeatmapSpec } from './specs/completeness-heatmap.ts';
import { debtTrendSpec } from './specs/debt-trend.ts';
import { provinceRankingSpec } from './specs/province-ranking.ts';
import { UnitNames } from './units.ts';

const HEATMAP_MONTHS = 12;

function byId<T extends HTMLElement>(id: string): T {
  const el = document.getElementById(id);
  if (!el) throw new Error(`index.html has no #${id}`);
  return el as T;
}

function fillSelect(select: HTMLSelectElement, options: readonly { value: string; label: string }[]): void {
  select.replaceChildren(...options.map((o) => new Option(o.label, o.value)));
  select.disabled = false;
}

interface View {
  period: string;
  dataset: string;
  geography: Geography;
}

async function render(data: SiteData, names: UnitNames, view: View): Promise<void> {
  const { period, dataset, geography } = view;
  const provinces = geography === 'current' ? restateToCurrent(data.provinces, data.units) : data.provinces;
  const row = data.national.find((r) => r.period === period);
  for (const el of document.querySelectorAll<HTMLElement>('[data-field="period"]'))
    el.textContent = formatPeriod(period);
  byId<HTMLSelectElement>('month').value = period;
  byId('reported').textContent = row
    ? coverageLine(row)
    : DASHBOARD_MESSAGES.noNationalFigures(formatPeriod(period)).vi;
  renderKpis(byId('kpis'), kpiTiles(data.national, period));
  const from = [addMonths(period, 1 - HEATMAP_MONTHS), data.meta.first_period].sort().at(-1) ?? period;
  const file = (name: string) => `${name}-${period}`;
  await Promise.all([
    embedChart(byId('chart-trend'), debtTrendSpec(data.national, { selected: period }), file('no-toan-quoc')),
    embedChart(
      byId('chart-ranking'),
      provinceRankingSpec(provinces, names, { period, geography }),
      file('xep-hang-no'),
    ),
    embedChart(
      byId('chart-map'),
      choroplethSpec(provinces, { period, geoBase: 'geo', geography }),
      file('ban-do-no'),
    ),
    embedChart(
      byId('chart-heatmap'),
      completenessHeatmapSpec(data.completeness, names, { dataset, from, to: period }),
      file(`nop-bao-cao-${dataset}`),
    ),
  ]);
}

async function start(): Promise<void> {
  const status = byId('status');
  const data = await loadSiteData();
  const names = new UnitNames(data.units);
  const stamp = `Số liệu tính lúc ${formatTimestamp(data.meta.computed_at)} · ${data.meta.uploads_accepted.toLocaleString('vi-VN')} báo cáo đã tiếp nhận`;
  for (const el of document.querySelectorAll<HTMLElement>('.stamp')) el.textContent = stamp;

  const month = byId<HTMLSelectElement>('month');
  fillSelect(
    month,
    [...data.meta.periods].reverse().map((p) => ({ value: p, label: `Tháng ${formatPeriod(p)}` })),
  );
  const datasetSelect = byId<HTMLSelectElement>('dataset');
  const geographySelect = byId<HTMLSelectElement>('geography');
  const datasets = [...new Set(data.completeness.map((c) => c.dataset))];
  fillSelect(
    datasetSelect,
    datasets.map((d) => ({ value: d, label: isDatasetName(d) ? DATASETS[d].titleVi : d })),
  );
  if (datasets.includes('debt')) datasetSelect.value = 'debt';

  const current = (): Route => routeFromHash(location.hash, data.meta.periods, data.meta.latest_period);
  // Draws run one after another so a quick series of month changes cannot interleave two charts.
  let drawing = Promise.resolve();
  const redraw = () => {
    drawing = drawing.then(async () => {
      const { period, geography } = current();
      document.body.removeAttribute('data-ready');
      geographySelect.value = geography;
      await render(data, names, { period, dataset: datasetSelect.value, geography });
      status.textContent = '';
      document.body.setAttribute('data-ready', period);
    });
    return drawing;
  };
  const navigate = () => {
    location.hash = hashFor({
      period: month.value,
      geography: geographySelect.value === 'current' ? 'current' : 'as_reported',
    });
  };
  month.addEventListener('change', navigate);
  geographySelect.addEventListener('change', navigate);
  datasetSelect.addEventListener('change', () => void redraw().catch(fail));
  window.addEventListener('hashchange', () => void redraw().catch(fail));
  await redraw();
}

function fail(error: unknown): void {
  const status = document.getElementById('status');
  console.error(error);
  if (!status) return;
  status.classList.add('error');
  const message = DASHBOARD_MESSAGES.dataUnavailable(error instanceof Error ? error.message : String(error));
  status.replaceChildren(message.vi, document.createElement('br'), message.en);
  status.setAttribute('data-failed', 'true');
}

start().catch(fail);
