/**
 * Reads a worksheet's XML as the zip guard inflates it, for the one thing a reader must know
 * before it starts: the rightmost column any cell names. exceljs walks every column up to a
 * row's last cell, for each row, so one styled empty cell at XFD costs 16,384 steps a row.
 */
import { ReadLimitError } from './grid.ts';

/** `<c ... r="XFD12"`: a cell's reference, whatever the order of its attributes. */
const CELL_REF = /<c\b[^>]*?\sr="([A-Z]{1,3})[0-9]/g;
/** A cell tag split across two chunks is seen whole in the next one. */
const CARRY = 256;

export function columnNumber(letters: string): number {
  let n = 0;
  for (let i = 0; i < letters.length; i += 1) n = n * 26 + (letters.charCodeAt(i) - 64);
  return n;
}

export function isWorksheet(name: string): boolean {
  return /^xl\/worksheets\/[^/]+\.xml$/.test(name);
}

/** Feed it the inflated bytes in order; it throws ReadLimitError at the first cell past the limit. */
export function columnScanner(maxColumns: number): (chunk: Buffer) => void {
  let tail = '';
  return (chunk) => {
    const text = tail + chunk.toString('latin1');
    CELL_REF.lastIndex = 0;
    for (let match = CELL_REF.exec(text); match; match = CELL_REF.exec(text)) {
      const column = columnNumber(match[1]!);
      if (column > maxColumns) throw new ReadLimitError('columns', maxColumns, column);
    }
    tail = text.slice(-CARRY);
  };
}
