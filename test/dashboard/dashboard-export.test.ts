import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import type { DataTable } from '../../dashboard/src/data-table.ts';
import { neutralise, tableToCsv } from '../../dashboard/src/export-table.ts';
import { tableToXlsx } from '../../dashboard/src/export-xlsx.ts';
import { CSV_DIALECTS } from '../../core/csv-dialect.ts';

const table: DataTable = {
  columns: [
    { key: 'name', label: 'Tỉnh, thành phố' },
    { key: 'debt', label: 'Tổng nợ' },
  ],
  rows: [
    { name: 'Hà Nội', debt: 1_234_567 },
    { name: '=HYPERLINK("http://x")', debt: -5 },
    { name: 'Bà Rịa - Vũng Tàu, "cũ"', debt: null },
    { name: '@SUM(A1)', debt: 0 },
  ],
};

describe('chart data export', () => {
  it('neutralises text a spreadsheet would run as a formula, and only that', () => {
    for (const text of ['=1+1', '+1', '-1', '@A1', '\tx', '\rx']) expect(neutralise(text)).toBe(`'${text}`);
    for (const text of ['Hà Nội', '1-2', 'a=b']) expect(neutralise(text)).toBe(text);
  });

  it('writes the vi-VN dialect: ";" between fields, "," before decimals, text quoted', () => {
    const csv = tableToCsv({ columns: table.columns, rows: [{ name: 'A;=B', debt: 1.5 }] }, CSV_DIALECTS.vi);
    expect(csv.slice(1).split('\r\n')).toEqual(['"Tỉnh, thành phố";Tổng nợ', `"A;'=B";1,5`, '']);
  });

  it('writes CSV with a byte-order mark, quoted fields and numbers left as numbers', () => {
    const csv = tableToCsv(table);
    expect(csv.startsWith('\uFEFF')).toBe(true);
    expect(csv.slice(1).split('\r\n')).toEqual([
      '"Tỉnh, thành phố",Tổng nợ',
      'Hà Nội,1234567',
      `"'=HYPERLINK(""http://x"")",-5`,
      '"Bà Rịa - Vũng Tàu, ""cũ""",',
      "'@SUM(A1),0",
      '',
    ]);
  });

  it('writes an XLSX workbook with the same cells, formulas neutralised', async () => {
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(await tableToXlsx(table, 'Nợ: theo tỉnh [08/2025]'));
    const sheet = workbook.worksheets[0];
    expect(sheet?.name).toBe('Nợ  theo tỉnh  08 2025 ');
    expect(sheet?.getRow(1).values).toEqual([undefined, 'Tỉnh, thành phố', 'Tổng nợ']);
    expect(sheet?.getCell('A3').value).toBe(`'=HYPERLINK("http://x")`);
    expect(sheet?.getCell('B2').value).toBe(1_234_567);
    expect(sheet?.getCell('A3').formula).toBeUndefined();
  });
});
