/**
 * What a reader makes of a file before any template is applied: sheets of rows of raw cells.
 * CSV and XLSX both end here, so header matching and cell validation are written once.
 */

/** A cell as the file holds it: XLSX keeps numbers and dates typed, CSV gives text. */
export type RawCell = string | number | boolean | Date | null;

export interface GridRow {
  /** The row number the officer sees in Excel (1-based, blank and title rows counted). */
  number: number;
  cells: RawCell[];
}

export interface Sheet {
  /** Worksheet name for XLSX, null for CSV. */
  name: string | null;
  /** Non-blank rows only, in file order. */
  rows: GridRow[];
}

export function isBlank(cell: RawCell): boolean {
  if (typeof cell !== 'string') return cell === null;
  // A printable ASCII first character survives trim(): no need to build the trimmed copy.
  const first = cell.charCodeAt(0);
  if (first > 0x20 && first < 0x7f) return false;
  return cell.trim() === '';
}

export function isBlankRow(cells: readonly RawCell[]): boolean {
  return cells.every(isBlank);
}

/** Thrown by a reader when the bytes are not a file of its kind; becomes `file.unreadable`. */
export class UnreadableFileError extends Error {}

/** Thrown by a reader once a sheet passes the row limit; reading stops there. */
export class TooManyRowsError extends Error {
  constructor(readonly limit: number) {
    super(`more than ${limit} rows`);
  }
}

/** Which reading limit a file passed (limits.ts); each has its own words in the receipt. */
export type ReadLimit = 'columns' | 'cells' | 'decoded_bytes';

/** Thrown while reading, before the memory the file asks for is allocated; becomes `file.limit`. */
export class ReadLimitError extends Error {
  constructor(
    readonly limit: ReadLimit,
    readonly max: number,
    readonly found: number,
  ) {
    super(`${limit}: ${found} > ${max}`);
  }
}
