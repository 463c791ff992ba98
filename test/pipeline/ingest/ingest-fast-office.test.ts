/**
 * The DuckDB path against the JavaScript path on the shapes office Excel gives a file (see
 * test/fixtures/office): large uploads bent one shape at a time, each of which the DuckDB path
 * must leave to JavaScript (it alone reads subtotals, dash zeros, restored tax codes … and says
 * so in the receipt), and every CSV of the office corpus itself.
 */
import { mkdtemp, readdir, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS, type DatasetName } from '../../../core/datasets/index.ts';
import { OFFICE_DIR } from '../../fixtures/office/generate.ts';
import { csvBytes, dataRows, headerRow, type Cell, type Upload } from './ingest-fast-corpus.ts';
import { bothPaths, expectSameOutcome } from './ingest-fast-compare.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vss-fast-office-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const COUNT = 400;
const at = (name: DatasetName, key: string) => DATASETS[name].columns.findIndex((c) => c.key === key);
function withCells(name: DatasetName, cells: Array<[number, string, Cell]>): Cell[][] {
  const rows = dataRows(name, COUNT);
  for (const [row, key, value] of cells) rows[row]![at(name, key)] = value;
  return rows;
}
const debt = (name: string, fast: boolean, cells: Array<[number, string, Cell]>): Upload => ({
  name,
  dataset: 'debt',
  fast,
  bytes: csvBytes('debt', { delimiter: ';', rows: withCells('debt', cells) }),
});
/** A debt upload with a line inserted before data row `at`. */
function inserted(name: string, line: Cell[], at = 40): Upload {
  const rows = dataRows('debt', COUNT);
  rows.splice(at, 0, line);
  return { name, dataset: 'debt', fast: false, bytes: csvBytes('debt', { delimiter: ';', rows }) };
}
const names = (count: number, name: (i: number) => string): Array<[number, string, Cell]> =>
  Array.from({ length: count }, (_, i) => [i, 'ten_don_vi', name(i)]);

/** The debt header with "Số nợ (đồng)" merged over BHXH | BHYT | BHTN, as Excel saves it to CSV. */
function mergedHeader(): Upload {
  const top = headerRow('debt').map((h, i) => (i === 2 ? 'Số nợ (đồng)' : i === 3 || i === 4 ? '' : h));
  const bottom = top.map((_, i) => (i === 2 ? 'BHXH' : i === 3 ? 'BHYT' : i === 4 ? 'BHTN' : ''));
  return {
    name: 'two-row merged header',
    dataset: 'debt',
    fast: false,
    bytes: csvBytes('debt', { delimiter: ';', header: top, rows: [bottom, ...dataRows('debt', COUNT)] }),
  };
}
const SHAPES: Upload[] = [
  debt(
    'names beginning "Công ty", "Công thương" (judged, not subtotals)',
    true,
    names(60, (i) => `Công thương Hà Nội ${i}`),
  ),
  debt('a subtotal label in a name cell', false, [[30, 'ten_don_vi', 'Cộng quận Ba Đình']]),
  debt('a decomposed, capitalised subtotal label', false, [
    [31, 'ten_don_vi', 'II. CỘNG HUYỆN GIA LÂM'.normalize('NFD')],
  ]),
  mergedHeader(),
  debt('a zero shown as "-"', false, [[12, 'no_bhtn', ' - ']]),
  debt('a negative in parentheses', false, [[12, 'no_bhxh', '(1.234.000)']]),
  debt('a tax code that lost its leading 0', false, [[12, 'ma_so_thue', '370000099']]),
  debt('a tax code in scientific notation', false, [[12, 'ma_so_thue', '3,7E+09']]),
  debt('an amount with a currency sign', false, [[12, 'no_bhxh', '1.234 ₫']]),
  debt('an amount with two zero decimals', false, [[12, 'no_bhxh', '1.234,00']]),
  debt(
    'VNI letters in names saved as UTF-8',
    false,
    names(6, (i) => `Coâng ty Hoøa Bình ñoàng ${i}`),
  ),
  inserted('a section heading', ['I', 'Quận Ba Đình']),
  inserted(
    'a section heading with its sums',
    ['', 'I. Quận Ba Đình', '1.000', '2', '3', '', '4', '5', ''],
    0,
  ),
  inserted('the grand total first', ['', 'Tổng cộng', '1', '2', '3', '', '4', '5', ''], 0),
  inserted('a signature block, no totals row', ['', 'Người lập biểu', '', '', '', '', 'Giám đốc'], COUNT),
  {
    name: 'an STT column',
    dataset: 'debt',
    fast: false,
    bytes: csvBytes('debt', {
      header: ['STT', ...headerRow('debt')],
      rows: dataRows('debt', COUNT).map((r, i) => [String(i + 1), ...r]),
    }),
  },
  {
    name: 'dates typed month first',
    dataset: 'prosecution',
    fast: false,
    bytes: csvBytes('prosecution', {
      rows: (() => {
        const rows = dataRows('prosecution', COUNT);
        rows[20]![at('prosecution', 'ngay_gui')] = '8/25/2025';
        return rows;
      })(),
    }),
  },
];

describe('the DuckDB path on office-made shapes', () => {
  it.each(SHAPES.map((u) => [u.name, u] as const))('%s', async (_name, u) => {
    const { js, fast } = await bothPaths(u, dir);
    try {
      expect(fast.lake !== undefined).toBe(u.fast);
      await expectSameOutcome(u, js, fast, dir);
    } finally {
      await fast.lake?.dispose();
    }
  });

  it('agrees with the JavaScript path on every CSV of the office corpus', async () => {
    const files = (await readdir(join(OFFICE_DIR, 'files'))).filter((f) => f.endsWith('.csv'));
    expect(files.length).toBeGreaterThanOrEqual(20);
    for (const file of files) {
      const dataset: DatasetName = file.startsWith('prosecution') ? 'prosecution' : 'debt';
      const bytes = new Uint8Array(await readFile(join(OFFICE_DIR, 'files', file)));
      const { js, fast } = await bothPaths({ dataset, bytes }, dir);
      try {
        await expectSameOutcome({ dataset }, js, fast, dir);
      } finally {
        await fast.lake?.dispose();
      }
    }
  });
});
