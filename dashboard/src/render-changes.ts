/** The like-for-like changes written under a trend chart, as on the headline tiles. */
import type { ComparisonRow } from '../../core/contracts/site-data.ts';
import { changesOf, type Compared } from './changes.ts';
import type { PageContext } from './page-context.ts';

/** Appends "So với tháng trước … · so với cùng kỳ năm trước … · so với đầu năm …" of `what`. */
export function appendChanges(
  ctx: PageContext,
  panel: HTMLElement,
  label: string,
  what: Compared,
  /** One province's comparisons instead of the national ones. */
  unit?: readonly ComparisonRow[],
): void {
  const list = document.createElement('ul');
  list.className = 'changes trend-changes';
  list.setAttribute('aria-label', label);
  const rows = unit ?? ctx.data.comparisons;
  for (const change of changesOf(rows, ctx.route.period, what, unit !== undefined)) {
    const item = document.createElement('li');
    item.dataset.basis = change.basis;
    item.textContent = `${label} · ${change.text}`;
    list.append(item);
  }
  panel.append(list);
}
