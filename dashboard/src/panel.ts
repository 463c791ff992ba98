/**
 * A chart panel: title, the chart, the line saying when its figures were computed and from how
 * many reports (with a link to those reports), and buttons that download the chart's data.
 */
import type { TopLevelSpec } from 'vega-lite';
import { embedChart, type ChartClick } from './embed-chart.ts';
import type { DataTable } from './data-table.ts';
import { downloadCsv, downloadXlsx } from './export-table.ts';
import { t } from './i18n.ts';
import { withBasis, withView } from './view-state.ts';

export interface PanelOptions {
  id: string;
  title: string;
  spec: TopLevelSpec;
  table: DataTable;
  /** File name without extension, e.g. "no-toan-quoc-2025-08". */
  fileName: string;
  stamp: Stamp;
  onClick?: ChartClick;
  wide?: boolean;
  /** National figures, shown on the basis chosen: the export then says which (withBasis). */
  national?: boolean;
}

export interface Stamp {
  text: string;
  /** Hash of the page listing the reports behind the figure. */
  reportsHref: string;
}

export function stampElement(stamp: Stamp): HTMLElement {
  const caption = document.createElement('figcaption');
  caption.className = 'stamp';
  const link = document.createElement('a');
  link.href = stamp.reportsHref;
  link.textContent = t('seeReports');
  caption.append(`${stamp.text} · `, link);
  return caption;
}

function exportButton(
  label: string,
  kind: 'csv' | 'xlsx',
  title: string,
  run: () => unknown,
): HTMLButtonElement {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.dataset.export = kind;
  button.setAttribute('aria-label', `${label}: ${title}`);
  button.addEventListener('click', () => void run());
  return button;
}

/** The table a download holds: national figures carry the basis they are on in a column. */
const exported = (opts: PanelOptions): DataTable => (opts.national ? withBasis(opts.table) : opts.table);

/** Appends the panel to `parent` and draws its chart. */
export async function chartPanel(parent: HTMLElement, opts: PanelOptions): Promise<HTMLElement> {
  const figure = document.createElement('figure');
  figure.className = opts.wide === false ? 'panel' : 'panel wide';
  figure.id = `panel-${opts.id}`;
  const header = document.createElement('div');
  header.className = 'panel-header';
  const heading = document.createElement('h2');
  heading.id = `title-${opts.id}`;
  heading.textContent = opts.title;
  figure.setAttribute('aria-labelledby', heading.id);
  const actions = document.createElement('div');
  actions.className = 'export';
  actions.setAttribute('role', 'group');
  actions.setAttribute('aria-label', t('exportOf'));
  actions.append(
    exportButton(t('exportCsv'), 'csv', opts.title, () =>
      downloadCsv(exported(opts), withView(opts.fileName)),
    ),
    exportButton(t('exportXlsx'), 'xlsx', opts.title, () =>
      downloadXlsx(exported(opts), withView(opts.fileName), opts.title).catch((e: unknown) =>
        console.error(e),
      ),
    ),
  );
  header.append(heading, actions);
  const chart = document.createElement('div');
  chart.id = `chart-${opts.id}`;
  chart.className = 'chart';
  figure.append(header, chart, stampElement(opts.stamp));
  parent.append(figure);
  await embedChart(chart, opts.spec, opts.fileName, opts.onClick);
  return figure;
}

/** A panel whose chart has nothing to draw: its title and the words saying why, no empty axes. */
export function emptyPanel(
  parent: HTMLElement,
  opts: { id: string; title: string; text: string; wide?: boolean },
) {
  const figure = document.createElement('figure');
  figure.className = opts.wide === false ? 'panel' : 'panel wide';
  figure.id = `panel-${opts.id}`;
  const heading = document.createElement('h2');
  heading.id = `title-${opts.id}`;
  heading.textContent = opts.title;
  figure.setAttribute('aria-labelledby', heading.id);
  const note = document.createElement('p');
  note.className = 'not-reported';
  note.textContent = opts.text;
  figure.append(heading, note);
  parent.append(figure);
  return figure;
}
