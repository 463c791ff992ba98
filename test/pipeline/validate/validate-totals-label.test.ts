import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { matchKey } from '../../../pipeline/validate/normalize.ts';
import { isTotalsRow } from '../../../pipeline/validate/sheet-body.ts';

/** The plain definition: fold the whole cell, then compare it with the labels. */
const LABELS = new Set(['tongcong', 'cong', 'tong', 'total', 'totals', 'grandtotal', 'tongso']);
function plainIsTotal(text: string): boolean {
  const key = matchKey(text);
  if (LABELS.has(key)) return true;
  const spelled = text
    .normalize('NFC')
    .toLowerCase()
    .replace(/^[^\p{L}]*/u, '');
  return key.startsWith('tongcong') && /^(tổng|tong)\s*(cộng|cong)(?!\s*ty\b)/u.test(spelled);
}

const pieces = fc.constantFrom(
  'Tổng',
  ' cộng',
  'CỘNG',
  ':',
  'Tong',
  'cong',
  'Grand',
  ' total',
  'S',
  'số',
  'Đ',
  '(',
  ')',
  ' ',
  'toàn tỉnh',
  'Công ty',
  ' công',
  ' ty',
  '7931486054',
  'İ',
  '\u0301',
  'ﬁ',
  '\u0010',
  '\u00a0',
);
const cell = fc.oneof(
  fc.array(pieces, { maxLength: 6 }).map((p) => p.join('')),
  fc.string({ maxLength: 12, unit: 'binary' }),
);

describe('isTotalsRow', () => {
  it('agrees with folding each whole cell, for labels, near-labels and any text', () => {
    fc.assert(
      fc.property(fc.array(cell, { maxLength: 4 }), (cells) => {
        expect(isTotalsRow(cells)).toBe(cells.some(plainIsTotal));
      }),
      { numRuns: 5000 },
    );
  });

  it('knows the spellings provinces use', () => {
    for (const label of ['Tổng cộng', 'CỘNG:', 'Tong cong', 'Total', '(Tổng cộng toàn tỉnh)', 'Tổng số'])
      expect(isTotalsRow(['', label])).toBe(true);
    const employers = ['Tổng công ty Điện lực miền Nam', 'TỔNG CÔNG TY MAY 10', 'Tong cong ty Xi mang'];
    for (const text of ['Công ty Tổng cộng', '7931486054', 'Cộng hòa', ...employers])
      expect(isTotalsRow([text])).toBe(false);
  });
});
