import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { splitSimpleCsv } from '../../../pipeline/validate/split-csv.ts';

/** csv-parse with the options read-csv gives it: the reference the fast reader must equal. */
function reference(text: string, delimiter: string, limit?: number): string[][] {
  return parse(text, {
    to: limit ?? null,
    delimiter,
    relax_column_count: true,
    relax_quotes: true,
    skip_empty_lines: false,
  });
}

/** Text made of the characters that matter to a CSV reader, in any order. */
const csvText = fc
  .array(fc.constantFrom('a', 'Đ', ' ', ',', ';', '\t', '"', '""', '\r', '\n', '\r\n', '1', ''), {
    maxLength: 40,
  })
  .map((parts) => parts.join(''));

/** Well-formed files: the fast reader must answer for these, not fall back. */
const field = fc.oneof(
  fc.constantFrom('7931486054', 'Hợp tác xã Tân Phú', '', ' 12.345 ', 'chậm đóng'),
  fc.constantFrom('giải thể, chủ bỏ trốn', 'say "hi"', '', ';').map((s) => `"${s.replaceAll('"', '""')}"`),
);
const wellFormed = fc
  .record({
    rows: fc.array(fc.array(field, { minLength: 1, maxLength: 5 }), { maxLength: 8 }),
    ending: fc.constantFrom('\r\n', '\n', '\r'),
    last: fc.boolean(),
  })
  .map(({ rows, ending, last }) => rows.map((r) => r.join(',')).join(ending) + (last ? ending : ''));

describe('splitSimpleCsv', () => {
  it('gives exactly what csv-parse gives whenever it answers, for any text and delimiter', () => {
    fc.assert(
      fc.property(
        csvText,
        fc.constantFrom(',', ';', '\t'),
        fc.option(fc.integer({ min: 1, max: 6 })),
        (text, d, limit) => {
          const fast = splitSimpleCsv(text, d, limit ?? Infinity);
          if (fast !== undefined) expect(fast).toEqual(reference(text, d, limit ?? undefined));
        },
      ),
      { numRuns: 3000 },
    );
  });

  it('answers for well-formed files (bare or wholly quoted fields) and equals csv-parse there', () => {
    fc.assert(
      fc.property(wellFormed, (text) => {
        const fast = splitSimpleCsv(text, ',');
        expect(fast).toBeDefined();
        expect(fast).toEqual(reference(text, ','));
      }),
      { numRuns: 1000 },
    );
  });

  it('leaves quoted line breaks, stray quotes and mixed line endings to the full parser', () => {
    expect(splitSimpleCsv('a,"b\r\nc"\r\n', ',')).toBeUndefined();
    expect(splitSimpleCsv('a,b"c\n', ',')).toBeUndefined();
    expect(splitSimpleCsv('a,"b"c\n', ',')).toBeUndefined();
    expect(splitSimpleCsv('a,b\r\nc,d\ne\r\n', ',')).toBeUndefined();
  });

  it('reads empty lines, a missing last line ending and the record limit as csv-parse does', () => {
    expect(splitSimpleCsv('', ',')).toEqual([]);
    expect(splitSimpleCsv('\n', ',')).toEqual([['']]);
    expect(splitSimpleCsv('a,b\r\n\r\nc', ',')).toEqual([['a', 'b'], [''], ['c']]);
    expect(splitSimpleCsv('a\nb\nc\n', ',', 2)).toEqual([['a'], ['b']]);
  });
});
