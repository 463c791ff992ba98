import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { parseParams } from '../../../cli/commands/query.ts';
import type { QueryResult } from '../../../pipeline/query/engine.ts';
import { csvCell, toCsv } from '../../../pipeline/query/format-csv.ts';
import { toTable } from '../../../pipeline/query/format-table.ts';

const result: QueryResult = {
  columns: [
    { name: 'ten_don_vi', type: 'VARCHAR' },
    { name: 'debt_change', type: 'BIGINT' },
  ],
  rows: [
    { ten_don_vi: 'Công ty "Bình Minh", Hà Nội', debt_change: -25 },
    { ten_don_vi: '=HYPERLINK("http://x")', debt_change: null },
    { ten_don_vi: '@SUM(A1)\nline', debt_change: 1_000_000 },
  ],
};

describe('toCsv', () => {
  it('starts with a BOM and reads back to the same cells, formulas defused', () => {
    const csv = toCsv(result);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    const back: string[][] = parse(csv.slice(1));
    expect(back).toEqual([
      ['ten_don_vi', 'debt_change'],
      ['Công ty "Bình Minh", Hà Nội', '-25'],
      ['\'=HYPERLINK("http://x")', ''],
      ["'@SUM(A1)\nline", '1000000'],
    ]);
  });

  it('leaves numbers and plain text alone', () => {
    expect([csvCell(-3), csvCell('-3'), csvCell('+84'), csvCell('Hà Nội')]).toEqual([
      '-3',
      "'-3",
      "'+84",
      'Hà Nội',
    ]);
  });
});

describe('toTable', () => {
  it('aligns columns and right-aligns numbers', () => {
    const table = toTable({
      columns: [
        { name: 'province', type: 'VARCHAR' },
        { name: 'debt', type: 'BIGINT' },
      ],
      rows: [
        { province: '01', debt: 5 },
        { province: '79', debt: 12345 },
      ],
    });
    expect(table).toBe(
      ['province   debt', '--------  -----', '01            5', '79        12345', '(2 rows)', ''].join('\n'),
    );
  });
});

describe('parseParams', () => {
  it('binds whole numbers as numbers and keeps codes with a leading zero as text', () => {
    expect(parseParams(['period=2025-07', 'province=01', 'n=12', 'q=a=b'])).toEqual({
      period: '2025-07',
      province: '01',
      n: 12,
      q: 'a=b',
    });
    expect(() => parseParams(['oops'])).toThrow(/name=value/);
  });
});
