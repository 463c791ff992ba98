/**
 * The names a header cell goes by when an office form spreads its header over two rows: a group
 * title merged across several columns ("Số nợ (đồng)") with the columns' own names under it
 * ("BHXH | BHYT | BHTN"), and the other titles merged down both rows. Excel's merged cells keep
 * their text in the first cell only (a streamed read or a CSV shows the rest blank; a full read
 * repeats it), so a sub-column's group is the nearest title to its left over an unbroken run of
 * sub-column names.
 */
import { isBlank, type GridRow } from './grid.ts';
import { showRaw } from './parse-cell.ts';

/** The group title's core, as the columns' own headers spell it: "Số nợ (đồng)" → "nợ". */
function core(title: string): string {
  return title
    .replace(/\([^)]*\)/g, ' ')
    .replace(/^\s*(tổng\s+số|số\s+tiền|số)\s+/iu, '')
    .trim();
}

/** For each position, the names to try in order: the first a template knows is the column's. */
export function twoRowNames(top: GridRow, bottom: GridRow): string[][] {
  const width = Math.max(top.cells.length, bottom.cells.length);
  const text = (row: GridRow, p: number) => {
    const cell = row.cells[p] ?? null;
    return isBlank(cell) ? '' : showRaw(cell);
  };
  const names: string[][] = [];
  for (let p = 0; p < width; p += 1) {
    const over = text(top, p);
    const under = text(bottom, p);
    if (under === '' || under === over) {
      names.push(over === '' ? [] : [over]);
      continue;
    }
    let group = over;
    for (let q = p - 1; group === '' && q >= 0 && text(bottom, q) !== ''; q -= 1) group = text(top, q);
    if (group === '' || group === under) {
      names.push([under]);
      continue;
    }
    names.push([`${group} ${under}`, `${core(group)} ${under}`, under, `${under} ${group}`]);
  }
  return names;
}

/** One header row's names: each cell by its own text. */
export function oneRowNames(row: GridRow): string[][] {
  return row.cells.map((cell) => (isBlank(cell) ? [] : [showRaw(cell)]));
}
