/**
 * A chart panel's frame without its chart: the title, the export buttons, the box the chart goes
 * in and the line saying when its figures were computed. Free of Vega, so the first screen can
 * frame the charts drawn ahead exactly as the live panels are framed (no jump when they swap).
 */
import { t } from './i18n.ts';

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

/** A download button; without `run` it is shown disabled (the data arrives with the live view). */
function exportButton(label: string, kind: 'csv' | 'xlsx', title: string, run?: () => unknown) {
  const button = document.createElement('button');
  button.type = 'button';
  button.textContent = label;
  button.dataset.export = kind;
  button.setAttribute('aria-label', `${label}: ${title}`);
  if (run) button.addEventListener('click', () => void run());
  else button.disabled = true;
  return button;
}

export interface FrameOptions {
  id: string;
  title: string;
  stamp: Stamp;
  wide?: boolean;
  csv?: () => unknown;
  xlsx?: () => unknown;
}

/** Appends the panel's frame to `parent`: the figure and its (empty) chart box. */
export function panelFrame(parent: HTMLElement, opts: FrameOptions) {
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
    exportButton(t('exportCsv'), 'csv', opts.title, opts.csv),
    exportButton(t('exportXlsx'), 'xlsx', opts.title, opts.xlsx),
  );
  header.append(heading, actions);
  const chart = document.createElement('div');
  chart.id = `chart-${opts.id}`;
  chart.className = 'chart';
  figure.append(header, chart, stampElement(opts.stamp));
  parent.append(figure);
  return { figure, chart };
}
