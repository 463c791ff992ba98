/**
 * Whether a CSV upload may be read by DuckDB instead of JavaScript, and how: worked out from the
 * first lines exactly as readCsv, findHeader and splitBody see them. Anything the DuckDB reader
 * might split differently (UTF-16, a mixed or lone-CR line ending, a multi-line cell near the
 * top, an unmatched, extra or two-row header, in-file location columns, legacy TCVN3 or VNI
 * text) answers undefined: the JavaScript path, which explains every problem in the receipt,
 * takes the file.
 */
import type { DatasetDef } from '../../core/datasets/index.ts';
import type { GridRow } from './grid.ts';
import { isBlankRow } from './grid.ts';
import { findHeader, HEADER_SEARCH_ROWS, headerScore } from './match-header.ts';
import { csvSample, pickDelimiter, SAMPLE_CHARS } from './read-csv.ts';
import { isColumnNumberRow } from './sheet-body.ts';
import { legacyEncoding, ROWS_LOOKED_AT } from './legacy-text.ts';
import { splitSimpleCsv } from './split-csv.ts';

export interface FastCsvPlan {
  /** Bytes of the text after any UTF-8 byte order mark. */
  offset: number;
  delimiter: string;
  /** Lines DuckDB skips before the first data line: titles, header, numbering row. */
  skipLines: number;
  /** Fields of the header line; a data line with any other count is not read by DuckDB. */
  fieldCount: number;
  /** Template column key → field position. */
  positions: ReadonlyMap<string, number>;
  /** Non-blank rows above the data, counted against the upload's row limit. */
  rowsAbove: number;
  /** The data rows among the first lines, as split there: the spellings judged before the pass. */
  sampleRows: readonly GridRow[];
}

/** UTF-8 needs at most 3 bytes for each UTF-16 unit of the sample. */
const HEAD_BYTES = SAMPLE_CHARS * 3 + 4096;
const LF = 0x0a;
const CR = 0x0d;

export function planFastCsv(
  bytes: Uint8Array,
  dataset: DatasetDef,
  maxRows: number,
): FastCsvPlan | undefined {
  if (bytes[0] === 0xff || bytes[0] === 0xfe) return undefined;
  const offset = bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf ? 3 : 0;
  const headEnd = bytes.lastIndexOf(LF, offset + HEAD_BYTES);
  if (headEnd <= offset) return undefined;
  let head: string;
  try {
    head = new TextDecoder('utf-8', { fatal: true }).decode(bytes.subarray(offset, headEnd + 1));
  } catch {
    return undefined;
  }
  // The sample must be the one readCsv takes from the whole text, which is longer than it.
  if (head.length <= SAMPLE_CHARS) return undefined;
  const sample = csvSample(head);
  const delimiter = pickDelimiter(sample, (sheet) => headerScore(dataset, sheet));
  const crlf = head.indexOf('\r') >= 0;
  if (crlf && head.indexOf('\r') !== head.indexOf('\r\n')) return undefined;
  if (!lineEndsAgree(bytes, offset, crlf, maxRows)) return undefined;
  // Complete lines only: the sample's last line may be cut, and must not be judged.
  const complete = sample.slice(0, sample.lastIndexOf('\n') + 1);
  const records = splitSimpleCsv(complete, delimiter);
  if (!records) return undefined;
  const rows: GridRow[] = records
    .map((cells, index) => ({ number: index + 1, cells }))
    .filter((row) => !isBlankRow(row.cells));
  if (rows.length <= HEADER_SEARCH_ROWS + 1) return undefined;
  // The JavaScript path refuses TCVN3 or VNI text in the first rows: they must all be here to tell.
  if (rows.length < ROWS_LOOKED_AT || legacyEncoding([{ name: null, rows }])) return undefined;
  const header = findHeader(dataset, { name: null, rows });
  if (!header || header.columns.size !== dataset.columns.length) return undefined;
  if (header.rowCount !== 1) return undefined;
  if (header.duplicates.length > 0 || header.unknown.length > 0 || header.location.size > 0) return undefined;
  const first = rows[header.rowIndex + 1];
  if (!first) return undefined;
  const numbered = isColumnNumberRow(first.cells);
  return {
    offset,
    delimiter,
    skipLines: numbered ? first.number : header.headerRow.number,
    fieldCount: header.headerRow.cells.length,
    positions: header.columns,
    rowsAbove: header.rowIndex + 1 + (numbered ? 1 : 0),
    sampleRows: rows.slice(header.rowIndex + (numbered ? 2 : 1)),
  };
}

/**
 * Every line ends the way the first does (CRLF, or LF with no CR anywhere), so DuckDB and
 * csv-parse cut the same lines; and there are too few lines for readCsv's record limit.
 */
function lineEndsAgree(bytes: Uint8Array, offset: number, crlf: boolean, maxRows: number): boolean {
  const recordLimit = maxRows * 2 + 100;
  if (!crlf) {
    if (bytes.indexOf(CR, offset) >= 0) return false;
    return countLines(bytes, offset, recordLimit) < recordLimit;
  }
  let lines = 0;
  let crs = 0;
  for (let at = bytes.indexOf(LF, offset); at >= 0; at = bytes.indexOf(LF, at + 1)) {
    if (bytes[at - 1] !== CR) return false;
    if (++lines >= recordLimit) return false;
  }
  for (let at = bytes.indexOf(CR, offset); at >= 0; at = bytes.indexOf(CR, at + 1)) crs += 1;
  return crs === lines;
}

function countLines(bytes: Uint8Array, offset: number, limit: number): number {
  let lines = 0;
  for (let at = bytes.indexOf(LF, offset); at >= 0 && lines < limit; at = bytes.indexOf(LF, at + 1))
    lines += 1;
  return lines + 1;
}
