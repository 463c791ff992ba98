import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DATASETS, isRequired } from '../../../core/datasets/index.ts';
import { csvOf, debtRow, rulesOf, validate } from './validate-upload-helpers.ts';

describe('validateUpload on a CSV', () => {
  it('accepts a valid file: typed rows in column order, totals, checksum', async () => {
    const csv = csvOf('debt', [
      debtRow(),
      debtRow({ ma_so_thue: '0101234567-001', no_bhxh: '2,000,000', tinh_trang: 'sued' }),
    ]);
    const { receipt, rows } = await validate('debt', csv);
    expect(receipt.status).toBe('accepted');
    expect(receipt.errors).toEqual([]);
    expect(receipt.rows).toEqual({ read: 2, accepted: 2, rejected: 0 });
    expect(rows[0]).toEqual({
      ma_so_thue: '0101234567',
      ten_don_vi: 'Công ty TNHH Minh Phát',
      no_bhxh: 1234567,
      no_bhyt: 200000,
      no_bhtn: 0,
      so_thang_no: 4,
      da_thu_hoi: 0,
      so_lao_dong: 12,
      tinh_trang: 'late',
    });
    expect(Object.keys(rows[1]!)).toEqual(Object.keys(rows[0]!));
    expect(receipt.totals).toEqual({
      no_bhxh: 3234567,
      no_bhyt: 400000,
      no_bhtn: 0,
      da_thu_hoi: 0,
      so_lao_dong: 24,
    });
    expect(receipt.upload.sha256).toBe(createHash('sha256').update(csv).digest('hex'));
    expect(receipt.upload.bytes).toBe(Buffer.byteLength(csv));
    expect(receipt.upload.received_at).toBe('2025-09-10T01:02:03.000Z');
  });

  it('reads UTF-8 with a BOM and semicolons, amounts with thousands commas included', async () => {
    const csv = `\ufeff${csvOf('debt', [debtRow({ no_bhxh: '1,234,567', ten_don_vi: 'Công ty; chi nhánh' })], ';')}`;
    const { receipt, rows } = await validate('debt', csv);
    expect(receipt.errors).toEqual([]);
    expect(rows[0]).toMatchObject({ no_bhxh: 1234567, ten_don_vi: 'Công ty; chi nhánh' });
  });

  it('reads tab-separated UTF-16 LE with a BOM (Excel "Unicode text")', async () => {
    const text = csvOf('debt', [debtRow()], '\t');
    const bytes = Buffer.concat([Buffer.from([0xff, 0xfe]), Buffer.from(text, 'utf16le')]);
    const { receipt, rows } = await validate('debt', bytes);
    expect(receipt.errors).toEqual([]);
    expect(rows[0]?.ten_don_vi).toBe('Công ty TNHH Minh Phát');
  });

  it('reads Windows-1258 when the bytes are not UTF-8', async () => {
    // Windows-1258 has some letters precomposed and writes the other tones as combining marks.
    const iconv = (await import('iconv-lite')).default;
    const encodable = (c: string) => iconv.decode(iconv.encode(c, 'windows-1258'), 'windows-1258') === c;
    const TONE = /[\u0300\u0301\u0303\u0309\u0323]/u;
    const splitTone = (c: string) => {
      const d = c.normalize('NFD');
      const tone = TONE.exec(d)?.[0] ?? '';
      return `${d.replace(tone, '').normalize('NFC')}${tone}`;
    };
    const text = [...csvOf('debt', [debtRow()])].map((c) => (encodable(c) ? c : splitTone(c))).join('');
    const bytes = iconv.encode(text, 'windows-1258');
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const { receipt, rows } = await validate('debt', bytes);
    expect(receipt.errors).toEqual([]);
    expect(rows[0]).toMatchObject({ ten_don_vi: 'Công ty TNHH Minh Phát', tinh_trang: 'late' });
  });

  it('numbers rows as the officer sees them, blank rows and the header counted', async () => {
    const [header, first] = csvOf('debt', [debtRow()]).split('\n');
    const csv = [
      header,
      first,
      '',
      ',,,,,,,,',
      first!.replace('0101234567', '0101234568').replace('chậm đóng', 'nợ xấu'),
    ].join('\n');
    const { receipt } = await validate('debt', csv);
    expect(receipt.errors).toHaveLength(1);
    expect(receipt.errors[0]).toMatchObject({
      sheet: null,
      row: 5,
      column: 'tinh_trang',
      rule: 'category.unknown',
      found: 'nợ xấu',
    });
    expect(receipt.rows).toEqual({ read: 2, accepted: 0, rejected: 2 });
    expect(receipt.totals.no_bhxh).toBe(0);
  });

  it('counts a multi-line quoted cell as one row', async () => {
    const csv = csvOf('debt', [
      debtRow({ ten_don_vi: 'Công ty\nMinh Phát' }),
      debtRow({ ma_so_thue: '0101234567', so_lao_dong: -1 }),
    ]);
    const { receipt } = await validate('debt', csv);
    expect(receipt.errors.map((e) => [e.row, e.rule])).toEqual([
      [3, 'unique'],
      [3, 'integer.min'],
    ]);
  });

  it('rejects empty, binary and header-less files', async () => {
    expect(rulesOf(await validate('debt', ''))).toEqual(['file.empty']);
    expect(rulesOf(await validate('debt', new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0, 0, 1, 2])))).toEqual([
      'file.type',
    ]);
    const noHeader = await validate('coverage', 'a,b\n1,2\n');
    // No row names any template column: one file-level error, not one per column.
    expect(rulesOf(noHeader)).toEqual(['header.not_found']);
    expect(noHeader.receipt.errors[0]).toMatchObject({ row: null, column: null });
    const headerOnly = await validate('debt', csvOf('debt', []));
    expect(rulesOf(headerOnly)).toEqual(['rows.none']);
  });

  it('rejects a missing required column and a duplicated one, and warns about unknown columns', async () => {
    // the required columns' headers (an older template, whose file is valid without the rest)
    const required = DATASETS.enforcement.columns.filter(isRequired).map((c) => `"${c.vi}"`);
    const csv =
      required.join(',').replace('"Tiền phạt (đồng)",', '') + ',Ghi chú,so cuoc thanh tra\n1,1,0,0,0,x,1\n';
    const { receipt } = await validate('enforcement', csv);
    expect(rulesOf({ receipt, rows: [] })).toEqual(['header.missing', 'header.duplicate']);
    expect(receipt.errors[0]).toMatchObject({ row: 1, column: 'tien_phat' });
    expect(receipt.warnings.map((w) => [w.rule, w.found])).toEqual([['header.unknown', 'Ghi chú']]);
  });

  it('accepts a file whose only note is an unknown column', async () => {
    const csv = csvOf('debt', [debtRow()])
      .replace('Tình trạng', 'Tình trạng,Ghi chú')
      .replace('chậm đóng', 'chậm đóng,đã nhắc');
    const { receipt, rows } = await validate('debt', csv);
    expect(receipt.status).toBe('accepted');
    expect(receipt.warnings).toHaveLength(1);
    expect(Object.keys(rows[0]!)).not.toContain('Ghi chú');
  });

  it('accepts the hand-written fixture with English keys and labels without diacritics', async () => {
    const bytes = readFileSync('test/fixtures/uploads/procedures/2025-08/48.csv');
    const { receipt, rows } = await validate('procedures', bytes);
    expect(receipt.errors).toEqual([]);
    expect(rows.map((r) => r.nhom_thu_tuc)).toEqual(['collection', 'short_term']);
    expect(receipt.totals.tiep_nhan).toBe(2100);
  });
});
