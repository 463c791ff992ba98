import { parse } from 'csv-parse/sync';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { CSV_DIALECTS, csvDocument, defuseText } from '../../core/csv-dialect.ts';
import { toCsv } from '../../pipeline/query/format-csv.ts';
import { formatResult } from '../../pipeline/query/format-result.ts';

const HOSTILE = [
  'Công ty A;=HYPERLINK("http://x","y")',
  'Công ty B,=1+1',
  "Công ty C\t=cmd|' /C calc'!A0",
  'Công ty D\r\n@SUM(A1)',
  'Công ty E; -2+3',
  '=HYPERLINK("http://x")',
  '+84 912',
];
const FORMULA = /^\s*[=+\-@]/;

/** How a reader could cut a line: with quotes honoured (csv-parse), or on the raw separator. */
function splits(csv: string): string[][] {
  const body = csv.slice(1);
  const cuts: string[][] = [];
  for (const delimiter of [',', ';', '\t']) {
    cuts.push(parse(body, { delimiter, relax_quotes: true, relax_column_count: true }).flat());
    cuts.push(
      body.split(/\r\n|\r|\n/).flatMap((line) => line.split(delimiter).map((f) => f.replace(/^"/, ''))),
    );
  }
  return cuts;
}

describe('CSV for the Excel that opens it', () => {
  for (const [name, dialect] of Object.entries(CSV_DIALECTS)) {
    it(`no cell of a hostile name starts a formula, split on ",", ";" or tab (${name} dialect)`, () => {
      const csv = csvDocument([['ten_don_vi', 'no'], ...HOSTILE.map((text, i) => [text, i - 0.5])], dialect);
      for (const cells of splits(csv)) {
        expect(cells.length).toBeGreaterThan(HOSTILE.length);
        for (const cell of cells) expect(FORMULA.test(cell) && !/^-?\d/.test(cell.trim()), cell).toBe(false);
      }
    });
  }

  it('round-trips the hostile name as text in its own dialect, one quoted cell, an apostrophe marking the defusing', () => {
    for (const [dialect, delimiter] of [
      [CSV_DIALECTS.standard, ','],
      [CSV_DIALECTS.vi, ';'],
    ] as const) {
      const csv = csvDocument([[HOSTILE[0], 1234.5]], dialect);
      const [row] = parse(csv.slice(1), { delimiter }) as string[][];
      expect(row).toEqual([
        `Công ty A;'=HYPERLINK("http://x","y")`,
        dialect === CSV_DIALECTS.vi ? '1234,5' : '1234.5',
      ]);
    }
  });

  it('leaves text with no formula start unchanged, and defuses any that has one', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 30 }), (text) => {
        const out = defuseText(text);
        expect(out.replaceAll("'", '')).toBe(text.replaceAll("'", ''));
        if (!/(^|[,;\t\r\n])\s*[=+\-@]|^[\t\r\n]/.test(text)) expect(out).toBe(text);
        for (const piece of out.split(/[,;\t\r\n]/)) expect(/^\s*[=+\-@]/.test(piece)).toBe(false);
      }),
      { numRuns: 3000 },
    );
  });

  it('`vss query --format csv-vi` writes ";" fields, "," decimals and a BOM', async () => {
    const result = {
      columns: [
        { name: 'tinh', type: 'VARCHAR' },
        { name: 'ty_le', type: 'DOUBLE' },
      ],
      rows: [{ tinh: 'Đà Nẵng', ty_le: 0.25 }],
    };
    expect(await formatResult(result, 'csv-vi')).toBe('\uFEFFtinh;ty_le\r\nĐà Nẵng;0,25\r\n');
    expect(await formatResult(result, 'csv')).toBe(toCsv(result));
  });
});
