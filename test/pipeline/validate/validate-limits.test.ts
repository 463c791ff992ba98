import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { ConfigError } from '../../../core/errors.ts';
import { DEFAULT_LIMITS, limitsFromEnv, validateUpload } from '../../../pipeline/validate/index.ts';
import { ReadLimitError } from '../../../pipeline/validate/grid.ts';
import { columnNumber, columnScanner } from '../../../pipeline/validate/sheet-scan.ts';
import { zipEntries } from '../../../pipeline/validate/zip-guard.ts';
import * as bombs from '../../support/upload-bombs.ts';
import { csvOf, debtRow, NOW, rulesOf } from './validate-upload-helpers.ts';
import { deflateRepeated, zipOf } from './validate-zip-helpers.ts';

const location = { dataset: 'debt', period: '2025-08', province: '48', fileName: 'f' } as const;
const run = (bytes: Uint8Array, limits = DEFAULT_LIMITS) =>
  validateUpload({ bytes, key: 'k', location, receivedAt: NOW.toISOString(), now: NOW, limits });

const rows = (n: number) =>
  Array.from({ length: n }, (_, i) => debtRow({ ma_so_thue: String(100_000_0000 + i) }));

describe('upload limits', () => {
  it('default to 50 MB and can be set from VSS_MAX_UPLOAD_BYTES / VSS_MAX_UPLOAD_ROWS', () => {
    expect(limitsFromEnv({}).maxBytes).toBe(50 * 1024 * 1024);
    expect(limitsFromEnv({ VSS_MAX_UPLOAD_BYTES: '1000', VSS_MAX_UPLOAD_ROWS: '7' })).toMatchObject({
      maxBytes: 1000,
      maxRows: 7,
    });
    expect(() => limitsFromEnv({ VSS_MAX_UPLOAD_BYTES: 'lots' })).toThrow(ConfigError);
  });

  it('refuse a file over the size cap before reading it', async () => {
    const bytes = new TextEncoder().encode(csvOf('debt', rows(3)));
    const { receipt } = await run(bytes, { ...DEFAULT_LIMITS, maxBytes: bytes.length - 1 });
    expect(receipt.errors.map((e) => [e.rule, e.expected, e.found])).toEqual([
      ['file.too_large', `<= ${bytes.length - 1}`, String(bytes.length)],
    ]);
    expect((await run(bytes, { ...DEFAULT_LIMITS, maxBytes: bytes.length })).receipt.status).toBe('accepted');
  });

  it('refuse a CSV or an XLSX with more rows than the cap, and accept one at the cap', async () => {
    const limits = { ...DEFAULT_LIMITS, maxRows: 6 };
    const csv = (n: number) => new TextEncoder().encode(csvOf('debt', rows(n)));
    expect(rulesOf(await run(csv(6), limits))).toEqual(['file.too_many_rows']);
    expect((await run(csv(5), limits)).receipt.status).toBe('accepted');
    const workbook = new ExcelJS.Workbook();
    const sheet = workbook.addWorksheet('Nợ');
    sheet.addRow(['Mã số thuế', 'Tên đơn vị']);
    for (let i = 0; i < 10; i += 1) sheet.addRow([`010000000${i}`, 'X']);
    const xlsx = new Uint8Array(await workbook.xlsx.writeBuffer());
    expect(rulesOf(await run(xlsx, limits))).toEqual(['file.too_many_rows']);
  });
});

describe('the XLSX decompression guard', () => {
  it('refuses a zip bomb from its central directory, without inflating it', async () => {
    const huge = 200 * 1024 * 1024;
    const data = await deflateRepeated(huge);
    const bomb = zipOf([{ name: 'xl/worksheets/sheet1.xml', data, declaredSize: huge }]);
    expect(bomb.length).toBeLessThan(1024 * 1024);
    const before = process.memoryUsage().rss;
    const { receipt } = await run(bomb);
    expect(receipt.errors.map((e) => [e.rule, e.found, e.row, e.column])).toEqual([
      ['file.decompression', 'ratio', null, null],
    ]);
    expect(receipt.errors[0]!.message_vi).toContain('giải nén');
    expect(process.memoryUsage().rss - before).toBeLessThan(100 * 1024 * 1024);
  });

  it('refuses a bomb whose headers lie about its size once inflation passes the declared size', async () => {
    const data = await deflateRepeated(64 * 1024 * 1024);
    const liar = zipOf([
      { name: '[Content_Types].xml', data: await deflateRepeated(10), declaredSize: 1024 * 1024 },
      { name: 'xl/worksheets/sheet1.xml', data, declaredSize: 5000 },
    ]);
    expect(zipEntries(liar, DEFAULT_LIMITS)).toHaveLength(2);
    const { receipt } = await run(liar);
    expect(receipt.errors.map((e) => [e.rule, e.found])).toEqual([['file.decompression', 'size_mismatch']]);
  });

  it('refuses a total declared size over the limit and a zip with data the directory hides', async () => {
    const small = await deflateRepeated(1024);
    const two = () =>
      zipOf([
        { name: 'a.xml', data: small, declaredSize: 1024 },
        { name: 'b.xml', data: small, declaredSize: 1024 },
      ]);
    expect(rulesOf(await run(two(), { ...DEFAULT_LIMITS, maxUnzippedBytes: 1500 }))).toEqual([
      'file.decompression',
    ]);
    // Two entries stored, only the second declared: a streaming reader would still inflate the first.
    const hidden = two();
    const view = new DataView(hidden.buffer, hidden.byteOffset);
    const eocd = hidden.length - 22;
    const directoryAt = view.getUint32(eocd + 16, true);
    view.setUint16(eocd + 8, 1, true);
    view.setUint16(eocd + 10, 1, true);
    view.setUint32(eocd + 16, directoryAt + 46 + 'a.xml'.length, true);
    expect(zipEntries(two(), DEFAULT_LIMITS)).toHaveLength(2);
    expect(rulesOf(await run(hidden))).toEqual(['file.unreadable']);
  });
});

describe('reading limits, checked before the memory is taken', () => {
  const refusal = (result: Awaited<ReturnType<typeof run>>) =>
    result.receipt.errors.map((e) => [e.rule, e.expected, e.found]);

  it('refuses a value past the column limit, naming the limit in both languages', async () => {
    const result = await run(bombs.widthBomb(50));
    expect(refusal(result)).toEqual([['file.limit', 'columns <= 256', '16384']]);
    const [error] = result.receipt.errors;
    expect(error!.message_vi).toContain('tối đa 256 cột');
    expect(error!.message_en).toContain('at most 256 columns');
    expect(error!.message_en).toContain('16,384');
  });

  it('reads a row out to the column limit, and refuses one cell further', async () => {
    expect(rulesOf(await run(bombs.wideRow(256)))).not.toContain('file.limit');
    expect(refusal(await run(bombs.wideRow(257)))).toEqual([['file.limit', 'columns <= 256', '257']]);
    expect(refusal(await run(bombs.wideRow(40), { ...DEFAULT_LIMITS, maxColumns: 39 }))).toEqual([
      ['file.limit', 'columns <= 39', '40'],
    ]);
  });

  it('refuses a styled empty cell at XFD too: the reader would walk every column up to it', async () => {
    expect(refusal(await run(bombs.sparseRowsBomb(3)))).toEqual([['file.limit', 'columns <= 256', '16384']]);
  });

  it('finds a cell tag that the inflater splits across two chunks', () => {
    const scan = columnScanner(256);
    expect(() => scan(Buffer.from('<row r="1"><c s="0" r="X'))).not.toThrow();
    expect(() => scan(Buffer.from('FD1"/></row>'))).toThrow(ReadLimitError);
    expect(columnNumber('A')).toBe(1);
    expect(columnNumber('IV')).toBe(256);
    expect(columnNumber('XFD')).toBe(16_384);
  });

  it('refuses more non-empty cells than the cell limit, counted across the file', async () => {
    const limits = { ...DEFAULT_LIMITS, maxCells: 999 };
    expect(refusal(await run(bombs.manyCells(100, 10), limits))).toEqual([
      ['file.limit', 'cells <= 999', '1000'],
    ]);
    expect(rulesOf(await run(bombs.manyCells(100, 10), { ...limits, maxCells: 1000 }))).not.toContain(
      'file.limit',
    );
  });

  it('refuses a shared-strings table larger than the decoded-text limit before it is cached', async () => {
    const bomb = bombs.sharedStringsBomb(2000, 50);
    const [entry] = zipEntries(bomb, DEFAULT_LIMITS).filter((e) => e.name === 'xl/sharedStrings.xml');
    const limits = { ...DEFAULT_LIMITS, maxDecodedBytes: entry!.uncompressedSize - 1 };
    expect(refusal(await run(bomb, limits))).toEqual([
      ['file.limit', `decoded_bytes <= ${entry!.uncompressedSize - 1}`, String(entry!.uncompressedSize)],
    ]);
    expect(rulesOf(await run(bomb, { ...limits, maxDecodedBytes: entry!.uncompressedSize }))).not.toContain(
      'file.limit',
    );
  });

  it('counts blank rows towards the rows a file may make the reader walk', async () => {
    const limits = { ...DEFAULT_LIMITS, maxRows: 100 };
    expect(rulesOf(await run(bombs.blankRowsBomb(301), limits))).toEqual(['file.too_many_rows']);
    expect(rulesOf(await run(bombs.blankRowsBomb(300), limits))).toEqual(['file.empty']);
  });

  it('refuses a CSV line of more fields than the column limit before splitting it', async () => {
    const header = csvOf('debt', []).trim();
    expect(refusal(await run(bombs.separatorCsv(header, 100_000)))).toEqual([
      ['file.limit', 'columns <= 256', '257'],
    ]);
    expect(refusal(await run(bombs.separatorCsv(csvOf('debt', [], ';').trim(), 100_000, ';')))).toEqual([
      ['file.limit', 'columns <= 256', '257'],
    ]);
    const wide = new TextEncoder().encode(csvOf('debt', rows(3)));
    expect((await run(wide, { ...DEFAULT_LIMITS, maxColumns: 9 })).receipt.status).toBe('accepted');
    expect(rulesOf(await run(wide, { ...DEFAULT_LIMITS, maxColumns: 8 }))).toEqual(['file.limit']);
  });
});
