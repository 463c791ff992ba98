import { parse } from 'csv-parse/sync';
import { decodeText } from './decode-text.ts';
import { isBlankRow, TooManyRowsError, UnreadableFileError, type Sheet } from './grid.ts';
import type { UploadLimits } from './limits.ts';
import { checkCsvWidth } from './read-budget.ts';
import { splitSimpleCsv } from './split-csv.ts';

const DELIMITERS = [',', ';', '\t'] as const;
/** Enough lines to see the header under a few title rows. */
export const SAMPLE_CHARS = 16_384;

function parseRows(text: string, delimiter: string, sample: boolean, maxRows = Infinity): Sheet {
  // Blank lines count here; the exact non-blank count is checked below.
  const limit = Number.isFinite(maxRows) ? maxRows * 2 + 100 : Infinity;
  const records: string[][] =
    splitSimpleCsv(text, delimiter, limit) ??
    parse(text, {
      to: Number.isFinite(limit) ? limit : null,
      delimiter,
      relax_column_count: true,
      relax_quotes: true,
      skip_empty_lines: false,
      // The sample is cut mid-file, maybe inside a quoted cell: that must not fail the guess.
      skip_records_with_error: sample,
    });
  // Each record is one row in Excel, a multi-line quoted cell included, so numbers follow records.
  const rows = records
    .map((cells, index) => ({ number: index + 1, cells }))
    .filter((row) => !isBlankRow(row.cells));
  if (rows.length > maxRows || records.length === maxRows * 2 + 100) throw new TooManyRowsError(maxRows);
  return { name: null, rows };
}

/** The first lines of a file's text, cut at a line end: enough to see the header. */
export function csvSample(text: string): string {
  const sampleEnd = text.length > SAMPLE_CHARS ? text.lastIndexOf('\n', SAMPLE_CHARS) : text.length;
  return text.slice(0, sampleEnd > 0 ? sampleEnd : text.length);
}

/**
 * The delimiter under which the sample's header best matches the template (`scoreHeader`):
 * counting separators fails on semicolon files whose amounts use commas.
 */
export function pickDelimiter(sample: string, scoreHeader: (sheet: Sheet) => number): string {
  let best: { delimiter: string; score: number } = { delimiter: ',', score: -1 };
  for (const delimiter of DELIMITERS) {
    try {
      const score = scoreHeader(parseRows(sample, delimiter, true));
      if (score > best.score) best = { delimiter, score };
    } catch {
      // This delimiter does not fit; another will.
    }
  }
  return best.delimiter;
}

/** Reads a CSV upload, its delimiter chosen by pickDelimiter on the first lines. */
export function readCsv(
  bytes: Uint8Array,
  scoreHeader: (sheet: Sheet) => number,
  maxRows = Infinity,
  limits?: UploadLimits,
): Sheet {
  const text = decodeText(bytes);
  const delimiter = pickDelimiter(csvSample(text), scoreHeader);
  if (limits) checkCsvWidth(text, delimiter, limits);
  try {
    return parseRows(text, delimiter, false, maxRows);
  } catch (error) {
    if (error instanceof TooManyRowsError) throw error;
    throw new UnreadableFileError(error instanceof Error ? error.message : String(error));
  }
}
