/** Small DOM builders for the portal page: text always through textContent, never markup. */

export function el<K extends keyof HTMLElementTagNameMap>(
  tag: K,
  attrs: Record<string, string> = {},
  children: Array<Node | string> = [],
): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
  for (const child of children) node.append(child);
  return node;
}

/** A table with a caption, header cells and rows of text. */
export function table(
  caption: string,
  headers: string[],
  rows: Array<Array<string | Node>>,
): HTMLTableElement {
  return el('table', { class: 'portal-table' }, [
    el('caption', {}, [caption]),
    el('thead', {}, [
      el(
        'tr',
        {},
        headers.map((h) => el('th', { scope: 'col' }, [h])),
      ),
    ]),
    el(
      'tbody',
      {},
      rows.map((cells) =>
        el(
          'tr',
          {},
          cells.map((c) => el('td', {}, [c])),
        ),
      ),
    ),
  ]);
}

export function byId<T extends HTMLElement>(id: string): T {
  const node = document.getElementById(id);
  if (!node) throw new Error(`the page has no #${id}`);
  return node as T;
}

/** A time as Vietnam reads it (Asia/Ho_Chi_Minh), whatever the browser's zone. */
export const vnTime = (iso: string) =>
  new Date(iso).toLocaleString('vi-VN', { timeZone: 'Asia/Ho_Chi_Minh' });
