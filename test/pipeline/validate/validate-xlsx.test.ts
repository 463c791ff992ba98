import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { rulesOf, validate } from './validate-upload-helpers.ts';

async function workbookBytes(fill: (wb: ExcelJS.Workbook) => void): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  fill(workbook);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

const dossierHeader = ['Mã hồ sơ', 'Điều luật', 'Mã số thuế', 'Ngày gửi', 'Trạng thái', 'Số tiền (đồng)'];

describe('validateUpload on an XLSX', () => {
  it('uses the first sheet with the header, cached formula results, typed numbers and dates, text "0…" kept', async () => {
    const bytes = await workbookBytes((wb) => {
      wb.addWorksheet('Hướng dẫn').addRow(['Điền số liệu vào trang "Số liệu"']);
      const sheet = wb.addWorksheet('Số liệu');
      sheet.addRow(['BÁO CÁO HỒ SƠ ĐỀ NGHỊ KHỞI TỐ']);
      sheet.addRow(dossierHeader);
      sheet.addRow(['HS-01', 216, '0101234567', new Date(Date.UTC(2025, 7, 5)), 'đã khởi tố', 1_500_000_000]);
      sheet.addRow([
        'HS-02',
        '214',
        null,
        '06/08/2025',
        { richText: [{ text: 'trả ' }, { text: 'hồ sơ' }] },
        // Never evaluated: the cached result is what the officer saw.
        { formula: 'F3*2', result: 3_000_000_000 },
      ]);
    });
    const { receipt, rows } = await validate('prosecution', bytes);
    expect(receipt.errors).toEqual([]);
    expect(receipt.status).toBe('accepted');
    expect(rows).toEqual([
      {
        ma_ho_so: 'HS-01',
        dieu_luat: '216',
        ma_so_thue: '0101234567',
        ngay_gui: '2025-08-05',
        trang_thai: 'prosecuted',
        so_tien: 1_500_000_000,
      },
      {
        ma_ho_so: 'HS-02',
        dieu_luat: '214',
        ma_so_thue: null,
        ngay_gui: '2025-08-06',
        trang_thai: 'returned',
        so_tien: 3_000_000_000,
      },
    ]);
    expect(receipt.totals).toEqual({ so_tien: 4_500_000_000 });
  });

  it('reports errors with the sheet name and Excel row numbers', async () => {
    const bytes = await workbookBytes((wb) => {
      const sheet = wb.addWorksheet('T8');
      sheet.addRow(dossierHeader);
      sheet.addRow(['HS-01', 216, 10123456, '05/08/2025', 'đã gửi', 10.5]);
      sheet.getCell('A5').value = 'HS-02';
      sheet.getCell('B5').value = 217;
      sheet.getCell('C5').value = '0101234567';
      sheet.getCell('D5').value = '05/08/2025';
      sheet.getCell('E5').value = 'đã gửi';
      sheet.getCell('F5').value = { formula: '1/0', result: { error: '#DIV/0!' } };
    });
    const { receipt, rows } = await validate('prosecution', bytes);
    expect(rows).toEqual([]);
    expect(receipt.errors.map((e) => [e.sheet, e.row, e.column, e.rule, e.found])).toEqual([
      ['T8', 2, 'ma_so_thue', 'tax_code.format', '10123456'],
      ['T8', 2, 'so_tien', 'integer.decimal', '10.5'],
      ['T8', 5, 'dieu_luat', 'category.unknown', '217'],
      ['T8', 5, 'so_tien', 'integer.format', '#DIV/0!'],
    ]);
  });

  it('refuses a workbook with no matching sheet and a broken zip', async () => {
    const other = await workbookBytes((wb) => wb.addWorksheet('X').addRow(['a', 'b']));
    expect(rulesOf(await validate('coverage', other))).toEqual(['header.not_found']);
    const broken = new Uint8Array([0x50, 0x4b, 0x03, 0x04, 1, 2, 3, 4, 5]);
    expect(rulesOf(await validate('coverage', broken))).toEqual(['file.unreadable']);
  });
});
