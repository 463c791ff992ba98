/**
 * Reads a generated sample file back as header and cell rows, CSV or XLSX alike. Used to check
 * the samples and by anything that wants the figures without the full upload validation.
 */
import { readFile } from 'node:fs/promises';
import { parse } from 'csv-parse/sync';
import ExcelJS from 'exceljs';
import { z } from 'zod';
import { SHEET_NAME } from './xlsx-file.ts';

export type SampleCell = string | number;

export interface SampleTable {
  header: string[];
  rows: SampleCell[][];
}

const csvRecords = z.array(z.array(z.string()));
const xlsxCell = z.union([z.string(), z.number(), z.null(), z.undefined()]);

export async function readSample(path: string): Promise<SampleTable> {
  const bytes = await readFile(path);
  if (path.endsWith('.csv')) {
    const [header = [], ...rows] = csvRecords.parse(parse(bytes, { bom: true }));
    return { header, rows };
  }
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(bytes as unknown as ArrayBuffer);
  const sheet = workbook.getWorksheet(SHEET_NAME);
  if (!sheet) throw new Error(`${path}: no sheet ${SHEET_NAME}`);
  const table: SampleCell[][] = [];
  sheet.eachRow((row) => {
    const values = z.array(xlsxCell).parse((row.values as unknown[]).slice(1));
    table.push(values.map((v) => v ?? ''));
  });
  const [header = [], ...rows] = table;
  return { header: header.map(String), rows };
}
