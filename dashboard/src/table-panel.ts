/** A list shown as a table (late and missing reports, a province's uploads) with the same export buttons as a chart. */
import type { DataTable } from './data-table.ts';
import { downloadCsv, downloadXlsx } from './export-table.ts';
import { t } from './i18n.ts';
import { withView } from './view-state.ts';
import { stampElement, type Stamp } from './panel-frame.ts';

export interface TablePanelOptions {
  id: string;
  title: string;
  table: DataTable;
  fileName: string;
  stamp: Stamp;
  /** Rows shown on screen; the export always carries all of them. */
  shown?: number;
}

function button(label: string, kind: string, run: () => unknown): HTMLButtonElement {
  const el = document.createElement('button');
  el.type = 'button';
  el.textContent = label;
  el.dataset.export = kind;
  el.addEventListener('click', () => void run());
  return el;
}

export function tablePanel(parent: HTMLElement, opts: TablePanelOptions): HTMLElement {
  const figure = document.createElement('figure');
  figure.className = 'panel';
  figure.id = `panel-${opts.id}`;
  const header = document.createElement('div');
  header.className = 'panel-header';
  const heading = document.createElement('h2');
  heading.id = `title-${opts.id}`;
  heading.textContent = `${opts.title} (${opts.table.rows.length.toLocaleString('vi-VN')})`;
  figure.setAttribute('aria-labelledby', heading.id);
  const actions = document.createElement('div');
  actions.className = 'export';
  actions.setAttribute('role', 'group');
  actions.setAttribute('aria-label', `${t('exportOf')}: ${opts.title}`);
  actions.append(
    button(t('exportCsv'), 'csv', () => downloadCsv(opts.table, withView(opts.fileName))),
    button(t('exportXlsx'), 'xlsx', () =>
      downloadXlsx(opts.table, withView(opts.fileName), opts.title).catch((e: unknown) => console.error(e)),
    ),
  );
  header.append(heading, actions);
  figure.append(header);
  if (opts.table.rows.length === 0) {
    figure.append(Object.assign(document.createElement('p'), { textContent: t('none') }));
  } else {
    const wrap = document.createElement('div');
    wrap.className = 'table-wrap';
    wrap.tabIndex = 0; // a scrolling region must be reachable from the keyboard
    wrap.setAttribute('aria-labelledby', heading.id);
    const table = document.createElement('table');
    table.id = `table-${opts.id}`;
    const head = table.createTHead().insertRow();
    for (const column of opts.table.columns) {
      const th = document.createElement('th');
      th.scope = 'col';
      th.textContent = column.label;
      head.append(th);
    }
    const body = table.createTBody();
    for (const row of opts.table.rows.slice(0, opts.shown ?? 200)) {
      const tr = body.insertRow();
      for (const column of opts.table.columns) {
        const cell = row[column.key] ?? '';
        tr.insertCell().textContent = typeof cell === 'number' ? cell.toLocaleString('vi-VN') : cell;
      }
    }
    wrap.append(table);
    figure.append(wrap);
  }
  figure.append(stampElement(opts.stamp));
  parent.append(figure);
  return figure;
}
