import type { KpiTile } from './kpis.ts';

const TREND_TEXT: Record<KpiTile['trend'], string> = {
  better: 'tốt hơn tháng trước',
  worse: 'xấu hơn tháng trước',
  same: 'không đổi so với tháng trước',
  none: '',
};

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
      article.append(title, value, detail);
      if (tile.trend !== 'none') article.setAttribute('aria-description', TREND_TEXT[tile.trend]);
      return article;
    }),
  );
}
