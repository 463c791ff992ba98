/**
 * A chart panel: title, the chart, the line saying when its figures were computed and from how
 * many reports (with a link to those reports), and buttons that download the chart's data.
 */
import type { TopLevelSpec } from 'vega-lite';
import { embedChart, type ChartClick } from './embed-chart.ts';
import type { DataTable } from './data-table.ts';
import { downloadCsv, downloadXlsx } from './export-table.ts';
import { takeDrawnAhead } from './drawn-ahead.ts';
import { panelFrame, type Stamp } from './panel-frame.ts';
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

/** The table a download holds: national figures carry the basis they are on in a column. */
const exported = (opts: PanelOptions): DataTable => (opts.national ? withBasis(opts.table) : opts.table);

/** Appends the panel to `parent` and draws its chart. */
export async function chartPanel(parent: HTMLElement, opts: PanelOptions): Promise<HTMLElement> {
  const { figure, chart } = panelFrame(parent, {
    ...opts,
    csv: () => downloadCsv(exported(opts), withView(opts.fileName)),
    xlsx: () =>
      downloadXlsx(exported(opts), withView(opts.fileName), opts.title).catch((e: unknown) =>
        console.error(e),
      ),
  });
  // The chart drawn ahead for the first screen holds its place until the live view is drawn.
  const ahead = takeDrawnAhead(opts.id);
  if (ahead) {
    chart.style.minHeight = `${ahead.height}px`;
    chart.append(ahead.element);
  }
  await embedChart(chart, opts.spec, opts.fileName, opts.onClick);
  chart.style.minHeight = '';
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
