/**
 * What a reader may keep of a file, counted as it reads and checked before the memory is taken:
 * one value in column XFD must not become a row of 16,384 cells, nor a cheap file a full heap.
 */
import { ReadLimitError, type RawCell } from './grid.ts';
import type { UploadLimits } from './limits.ts';

export class ReadBudget {
  private cells = 0;
  private bytes = 0;
  /** Rows seen, blank ones counted: blank rows cost reading time though nothing is kept. */
  private rowsSeen = 0;

  constructor(private readonly limits: UploadLimits) {}

  /** Before a value in `column` (1-based) is placed in a row. */
  column(column: number): void {
    if (column > this.limits.maxColumns) throw new ReadLimitError('columns', this.limits.maxColumns, column);
  }

  /** Before a non-empty value is kept. */
  cell(value: RawCell): void {
    this.cells += 1;
    if (this.cells > this.limits.maxCells)
      throw new ReadLimitError('cells', this.limits.maxCells, this.cells);
    if (typeof value === 'string') this.decoded(value.length * 2);
  }

  /** Bytes of text about to be held (UTF-16 in memory: two bytes a character). */
  decoded(bytes: number): void {
    this.bytes += bytes;
    if (this.bytes > this.limits.maxDecodedBytes)
      throw new ReadLimitError('decoded_bytes', this.limits.maxDecodedBytes, this.bytes);
  }

  /** Each row a reader meets; true once there are more than a file under the row limit can have. */
  rowOverLimit(): boolean {
    this.rowsSeen += 1;
    return this.rowsSeen > this.limits.maxRows * 2 + 100;
  }
}

/**
 * Fields a delimited line would split into, counted without splitting: the count is refused
 * before a line of 50 MB of separators becomes 50 million strings. Quoted separators count too,
 * which only errs towards refusing a line far wider than any template.
 */
export function checkCsvWidth(text: string, delimiter: string, limits: UploadLimits): void {
  let fields = 1;
  let at = 0;
  let lineEnd = nextLineEnd(text, 0);
  for (;;) {
    const next = text.indexOf(delimiter, at);
    if (next < 0) return;
    while (next > lineEnd) {
      fields = 1;
      lineEnd = nextLineEnd(text, lineEnd + 1);
    }
    fields += 1;
    if (fields > limits.maxColumns) throw new ReadLimitError('columns', limits.maxColumns, fields);
    at = next + delimiter.length;
  }
}

function nextLineEnd(text: string, from: number): number {
  const lf = text.indexOf('\n', from);
  return lf < 0 ? text.length : lf;
}
