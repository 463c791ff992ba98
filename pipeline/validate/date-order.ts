/**
 * Text dates of one column, read the way the column is written. The template says dd/mm/yyyy,
 * but a date typed on a computer set to en-US reads month first: "8/25/2025" can only be month
 * first, and once a column holds one, "8/5/2025" beside it may be either. Real date cells and
 * unambiguous text are read as they are; the doubtful cells are refused, never guessed.
 */
import type { RawCell } from './grid.ts';
import { showRaw } from './parse-cell.ts';

const SLASHED = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/;

export type DateOrder = 'month_first' | 'ambiguous';

/** How a text date's first two numbers may be read; undefined when only day/month fits. */
export function dateOrder(raw: RawCell): DateOrder | 'either' | undefined {
  if (typeof raw !== 'string') return undefined;
  const m = SLASHED.exec(showRaw(raw));
  if (!m) return undefined;
  const first = Number(m[1]);
  const second = Number(m[2]);
  if (first >= 1 && first <= 12 && second > 12 && second <= 31) return 'month_first';
  if (first >= 1 && first <= 12 && second >= 1 && second <= 12 && first !== second) return 'either';
  return undefined;
}

/**
 * For a date column's cells, those to refuse and why: nothing unless some cell is month first;
 * then every month-first cell and every cell that reads both ways.
 */
export function doubtfulDates(cells: readonly RawCell[]): Map<number, DateOrder> {
  const orders = cells.map(dateOrder);
  const doubtful = new Map<number, DateOrder>();
  if (!orders.includes('month_first')) return doubtful;
  orders.forEach((order, i) => {
    if (order === 'month_first') doubtful.set(i, 'month_first');
    else if (order === 'either') doubtful.set(i, 'ambiguous');
  });
  return doubtful;
}
