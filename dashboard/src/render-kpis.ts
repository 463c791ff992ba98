import { pick } from './i18n.ts';
import type { KpiTile } from './kpi-tile.ts';
import { KPI_TEXT } from '../../core/messages/index.ts';

const TREND_TEXT = { better: KPI_TEXT.better, worse: KPI_TEXT.worse, same: KPI_TEXT.same } as const;

/** Replaces the tiles in `container`. Colour is never the only sign: the trend is also in words for screen readers. */
export function renderKpis(container: HTMLElement, tiles: readonly KpiTile[]): void {
  container.replaceChildren(
    ...tiles.map((tile) => {
      const article = document.createElement('article');
      article.className = `kpi ${tile.trend}`;
      article.dataset.kpi = tile.id;
      const title = document.createElement('h3');
      title.textContent = tile.label;
      const value = document.createElement('p');
      value.className = 'value';
      value.textContent = tile.value;
      const detail = document.createElement('p');
      detail.className = 'detail';
      detail.textContent = tile.detail;
      const reported = document.createElement('p');
      reported.className = 'tile-reported';
      reported.textContent = tile.reported;
      article.append(title, value, detail);
      if (tile.lagging) {
        const lagging = document.createElement('p');
        lagging.className = 'lagging';
        lagging.textContent = tile.lagging;
        article.append(lagging);
      }
      article.append(reported);
      if (tile.changes.length > 0) {
        const list = document.createElement('ul');
        list.className = 'changes';
        for (const change of tile.changes) {
          const item = document.createElement('li');
          item.dataset.basis = change.basis;
          item.textContent = change.text;
          list.append(item);
        }
        article.append(list);
      }
      if (tile.trend !== 'none') article.setAttribute('aria-description', pick(TREND_TEXT[tile.trend]));
      return article;
    }),
  );
}
