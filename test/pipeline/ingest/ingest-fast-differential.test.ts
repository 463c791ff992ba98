/**
 * The DuckDB path of validation against the JavaScript path, file by file (ingest-fast-compare.ts
 * says what must agree). Office-made shapes are in ingest-fast-office.test.ts. Files the DuckDB path cannot prove clean must be left
 * to the JavaScript path, which alone writes a receipt with problems in it.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS, type DatasetName } from '../../../core/datasets/index.ts';
import { validateUpload, type ValidationResult } from '../../../pipeline/validate/index.ts';
import { csvBytes, dataRows, headerRow, type Cell, type Upload } from './ingest-fast-corpus.ts';
import { bothPaths, expectSameOutcome as expectSameCompared, fastLocation } from './ingest-fast-compare.ts';

let dir = '';
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vss-fast-'));
});
afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

const ROWS: Record<DatasetName, number> = {
  debt: 400,
  prosecution: 400,
  enforcement: 900,
  coverage: 4,
  procedures: 5,
  collection: 3,
};
const at = (name: DatasetName, key: string) => DATASETS[name].columns.findIndex((c) => c.key === key);
const rows = (name: DatasetName) => dataRows(name, ROWS[name]);
/** The rows with cell (row, key) set to `value`. */
function withCell(name: DatasetName, row: number, key: string, value: Cell): Cell[][] {
  const out = rows(name);
  out[row]![at(name, key)] = value;
  return out;
}
const upload = (name: string, dataset: DatasetName, fast: boolean, bytes: Uint8Array): Upload => ({
  name,
  dataset,
  fast,
  bytes,
});

const GOOD: Upload[] = [
  ...(['debt', 'prosecution', 'enforcement'] as const).map((d) =>
    upload(`${d}: plain`, d, true, csvBytes(d, { rows: rows(d) })),
  ),
  ...(['coverage', 'procedures'] as const).map((d) =>
    upload(`${d}: a few rows, too small`, d, false, csvBytes(d, { rows: rows(d) })),
  ),
  upload('LF line ends', 'debt', true, csvBytes('debt', { eol: '\n', rows: rows('debt') })),
  upload('UTF-8 BOM', 'debt', true, csvBytes('debt', { bom: true, rows: rows('debt') })),
  upload('semicolons', 'debt', true, csvBytes('debt', { delimiter: ';', rows: rows('debt') })),
  upload(
    'tabs',
    'prosecution',
    true,
    csvBytes('prosecution', { delimiter: '\t', rows: rows('prosecution') }),
  ),
  upload(
    'title rows and a blank line above the header',
    'debt',
    true,
    csvBytes('debt', {
      titles: [['BẢO HIỂM XÃ HỘI TỈNH'], ['Báo cáo nợ, tháng 10/2026'], []],
      rows: rows('debt'),
    }),
  ),
  upload(
    'numbering row',
    'enforcement',
    true,
    csvBytes('enforcement', { numbering: true, rows: rows('enforcement') }),
  ),
  upload(
    'blank lines and empty-field lines in the body',
    'debt',
    true,
    csvBytes('debt', {
      rows: [...rows('debt').slice(0, 50), [], Array<Cell>(9).fill(''), ...rows('debt').slice(50)],
    }),
  ),
  upload(
    'blank lines all through the body, in one pass',
    'debt',
    true,
    csvBytes('debt', { rows: rows('debt').flatMap((r, i) => (i % 37 === 5 ? [[], r] : [r])) }),
  ),
  upload(
    "a status by its code after the first lines (judged with the options' spellings)",
    'debt',
    true,
    csvBytes('debt', { rows: withCell('debt', 350, 'tinh_trang', 'sued') }),
  ),
  upload(
    'a status spelled otherwise after the first lines (left to JS)',
    'debt',
    false,
    csvBytes('debt', { rows: withCell('debt', 350, 'tinh_trang', 'CHẬM  ĐÓNG') }),
  ),
  upload(
    'grouped digits (valid, left to JS)',
    'debt',
    false,
    csvBytes('debt', { rows: withCell('debt', 7, 'no_bhxh', '1.234.567') }),
  ),
  upload(
    'leading zeros (valid, read as the number by both paths)',
    'debt',
    true,
    csvBytes('debt', { rows: withCell('debt', 7, 'so_lao_dong', '007') }),
  ),
  upload(
    'leading zeros in a bounded column (valid)',
    'debt',
    true,
    csvBytes('debt', { rows: withCell('debt', 7, 'so_thang_no', '0012') }),
  ),
  upload(
    'sixteen digits, a safe integer (valid, left to JS)',
    'debt',
    false,
    csvBytes('debt', { rows: withCell('debt', 7, 'no_bhxh', '1000000000000000') }),
  ),
  upload(
    'spaces around a name (valid, left to JS)',
    'debt',
    false,
    csvBytes('debt', { rows: withCell('debt', 3, 'ten_don_vi', ' Công ty A ') }),
  ),
  upload(
    'a quote inside a name (valid, left to JS)',
    'debt',
    false,
    csvBytes('debt', { rows: withCell('debt', 3, 'ten_don_vi', 'Công ty "Sao Mai"') }),
  ),
  upload(
    'decomposed diacritics (valid, left to JS)',
    'debt',
    false,
    csvBytes('debt', { rows: withCell('debt', 3, 'ten_don_vi', 'Công ty'.normalize('NFD')) }),
  ),
  upload(
    'multi-line quoted name (valid, left to JS)',
    'debt',
    false,
    csvBytes('debt', { rows: withCell('debt', 30, 'ten_don_vi', 'Công ty\r\nSao Mai') }),
  ),
  upload('one LF line end in a CRLF file (left to JS)', 'debt', false, mixedLineEnds()),
];

/** The rows with cell (row, key) written as a quoted empty field, `""`. */
function quotedEmpty(name: DatasetName, row: number, key: string): Uint8Array {
  const mark = 'QUOTED-EMPTY-FIELD';
  const text = Buffer.from(csvBytes(name, { rows: withCell(name, row, key, mark) })).toString('utf8');
  return Buffer.from(text.replace(mark, '""'), 'utf8');
}

/** A CRLF file one of whose lines ends in a bare LF. */
function mixedLineEnds(): Uint8Array {
  const text = Buffer.from(csvBytes('debt', { rows: rows('debt') })).toString('utf8');
  const at = text.indexOf('\r\n', 5000);
  return Buffer.from(text.slice(0, at) + text.slice(at + 1), 'utf8');
}

const BROKEN: Upload[] = [
  upload(
    'text in an amount',
    'debt',
    false,
    csvBytes('debt', { rows: withCell('debt', 10, 'no_bhyt', 'abc') }),
  ),
  upload('decimal amount', 'debt', false, csvBytes('debt', { rows: withCell('debt', 10, 'no_bhyt', '1,5') })),
  upload('negative amount', 'debt', false, csvBytes('debt', { rows: withCell('debt', 10, 'no_bhyt', '-5') })),
  upload(
    'months above max',
    'debt',
    false,
    csvBytes('debt', { rows: withCell('debt', 10, 'so_thang_no', '601') }),
  ),
  upload('blank tax code', 'debt', false, csvBytes('debt', { rows: withCell('debt', 10, 'ma_so_thue', '') })),
  ...(['ma_so_thue', 'ten_don_vi', 'no_bhyt', 'tinh_trang'] as const).map((key) =>
    upload(`a quoted empty ${key} (a blank required cell)`, 'debt', false, quotedEmpty('debt', 10, key)),
  ),
  upload(
    'bad tax code',
    'debt',
    false,
    csvBytes('debt', { rows: withCell('debt', 10, 'ma_so_thue', '12345') }),
  ),
  upload(
    'duplicate tax code',
    'debt',
    false,
    csvBytes('debt', { rows: withCell('debt', 10, 'ma_so_thue', '3700000001') }),
  ),
  upload(
    'unknown status',
    'debt',
    false,
    csvBytes('debt', { rows: withCell('debt', 10, 'tinh_trang', 'đang nợ') }),
  ),
  upload(
    'impossible date',
    'prosecution',
    false,
    csvBytes('prosecution', { rows: withCell('prosecution', 10, 'ngay_gui', '31/02/2025') }),
  ),
  upload(
    'required-unless breach',
    'prosecution',
    false,
    csvBytes('prosecution', { rows: withCell('prosecution', 11, 'ma_so_thue', '') }),
  ),
  upload(
    'rule warning',
    'enforcement',
    false,
    csvBytes('enforcement', { rows: withCell('enforcement', 10, 'tien_phat_da_thu', '99999') }),
  ),
  upload(
    'rule error',
    'enforcement',
    false,
    csvBytes('enforcement', { rows: withCell('enforcement', 10, 'so_don_vi_vi_pham', '99999') }),
  ),
  upload(
    'totals row and a signature',
    'debt',
    false,
    csvBytes('debt', { rows: rows('debt'), after: [['Tổng cộng', '', '1'], ['Người lập biểu']] }),
  ),
  upload(
    '"Cộng" in a name cell',
    'debt',
    false,
    csvBytes('debt', { rows: withCell('debt', 30, 'ten_don_vi', 'Cộng') }),
  ),
  upload(
    'extra column',
    'debt',
    false,
    csvBytes('debt', {
      header: [...headerRow('debt'), 'Ghi chú'],
      rows: rows('debt').map((r) => [...r, 'x']),
    }),
  ),
  upload(
    'ragged row',
    'debt',
    false,
    csvBytes('debt', {
      rows: [...rows('debt').slice(0, 20), ['3799999999', 'Công ty B'], ...rows('debt').slice(20)],
    }),
  ),
  upload('Windows-1258', 'debt', false, csvBytes('debt', { encoding: 'windows-1258', rows: rows('debt') })),
  upload(
    'missing header column',
    'debt',
    false,
    csvBytes('debt', { header: headerRow('debt').slice(0, 8), rows: rows('debt').map((r) => r.slice(0, 8)) }),
  ),
];

const location = fastLocation;
const both = (u: Upload) => bothPaths(u, dir);
const expectSameOutcome = (u: Upload, js: ValidationResult, fast: ValidationResult) =>
  expectSameCompared(u, js, fast, dir);

describe('the DuckDB path of validation against the JavaScript path', () => {
  it.each([...GOOD, ...BROKEN].map((u) => [u.name, u] as const))('%s', async (_name, u) => {
    const { js, fast } = await both(u);
    try {
      expect(fast.lake !== undefined).toBe(u.fast);
      await expectSameOutcome(u, js, fast);
      if (BROKEN.includes(u))
        expect(js.receipt.errors.length + js.receipt.warnings.length).toBeGreaterThan(0);
    } finally {
      await fast.lake?.dispose();
    }
  });

  it('takes the JavaScript path below its size threshold', async () => {
    const bytes = csvBytes('debt', { rows: rows('debt') });
    const input = {
      bytes,
      key: 'uploads/debt/2026-10/79/a.csv',
      location: location('debt'),
      receivedAt: '2026-11-05T02:00:00.000Z',
      now: new Date('2026-11-05T02:00:00.000Z'),
    };
    const small = await validateUpload({ ...input, fastPath: { tmpDir: dir, minBytes: bytes.length + 1 } });
    expect(small.lake).toBeUndefined();
    expect(small.rows.length).toBe(ROWS.debt);
  });

  it('would notice a receipt, rows or checksum that differ', async () => {
    const u = GOOD[0]!;
    const { js, fast } = await both(u);
    try {
      const totals = { ...fast.receipt.totals, no_bhxh: (fast.receipt.totals.no_bhxh ?? 0) + 1 };
      const altered = { ...fast, receipt: { ...fast.receipt, totals } };
      await expect(expectSameOutcome(u, js, altered)).rejects.toThrow();
      const shorter = { ...js, rows: js.rows.slice(1) };
      await expect(expectSameOutcome(u, shorter, { ...fast, receipt: js.receipt })).rejects.toThrow();
      expect(isDeepStrictEqual(fast.receipt, js.receipt)).toBe(true);
    } finally {
      await fast.lake?.dispose();
    }
  });
});
