/**
 * The upload template a province fills: a data sheet with the Vietnamese headers, dropdowns for
 * category columns and number checks for integer columns; a lists sheet the dropdowns read; and
 * an instructions sheet. Everything comes from the dataset definition, so the template cannot
 * disagree with validation.
 */
import ExcelJS from 'exceljs';
import type { ColumnDef } from '../../core/datasets/index.ts';
import { TEMPLATE_TEXT } from '../../core/messages/index.ts';
import { presenceText, rowRuleText, typeText, type TemplateSource } from './describe-column.ts';

/** Rows that carry the dropdowns and number checks; a province with more rows copies them down. */
export const TEMPLATE_ROWS = 5000;

function columnLetter(n: number): string {
  let letters = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26))
    letters = String.fromCharCode(65 + ((k - 1) % 26)) + letters;
  return letters;
}

function validationOf(c: ColumnDef, listRange: string | undefined): ExcelJS.DataValidation | undefined {
  const t = c.type;
  if (t.kind === 'category' && listRange)
    return { type: 'list', allowBlank: true, formulae: [listRange], showErrorMessage: true };
  if (t.kind === 'integer')
    return {
      type: 'whole',
      allowBlank: true,
      operator: t.max === undefined ? 'greaterThanOrEqual' : 'between',
      formulae: t.max === undefined ? [t.min] : [t.min, t.max],
      showErrorMessage: true,
    };
  return undefined;
}

/** Category labels, one column per category column, for the dropdowns to reference. */
function addLists(workbook: ExcelJS.Workbook, dataset: TemplateSource): Map<string, string> {
  const sheet = workbook.addWorksheet(TEMPLATE_TEXT.listsSheet.vi, { state: 'hidden' });
  const ranges = new Map<string, string>();
  let col = 0;
  for (const c of dataset.columns) {
    if (c.type.kind !== 'category') continue;
    col += 1;
    sheet.getCell(1, col).value = c.vi;
    c.type.options.forEach((o, i) => (sheet.getCell(i + 2, col).value = o.vi));
    const letter = columnLetter(col);
    ranges.set(c.key, `'${sheet.name}'!$${letter}$2:$${letter}$${c.type.options.length + 1}`);
  }
  return ranges;
}

function addInstructions(workbook: ExcelJS.Workbook, dataset: TemplateSource): void {
  const sheet = workbook.addWorksheet(TEMPLATE_TEXT.instructionsSheet.vi);
  sheet.addRow([`${dataset.titleVi} — ${dataset.titleEn}`]).font = { bold: true, size: 14 };
  sheet.addRow([
    `${TEMPLATE_TEXT.grain.vi}: ${dataset.grainVi}. ${TEMPLATE_TEXT.grain.en}: ${dataset.grainEn}.`,
  ]);
  sheet.addRow([TEMPLATE_TEXT.intro.vi]);
  sheet.addRow([TEMPLATE_TEXT.intro.en]);
  sheet.addRow([]);
  const headings = TEMPLATE_TEXT.headings;
  sheet.addRow(headings.vi.map((h, i) => `${h} / ${headings.en[i]}`)).font = { bold: true };
  for (const c of dataset.columns) {
    const type = typeText(c);
    const presence = presenceText(c, dataset);
    sheet.addRow([`${c.vi}\n${c.en}`, c.key, `${type.vi}\n${type.en}`, `${presence.vi}\n${presence.en}`]);
  }
  if (dataset.rowRules.length > 0) {
    sheet.addRow([]);
    const heading = TEMPLATE_TEXT.rowRulesHeading;
    sheet.addRow([`${heading.vi} / ${heading.en}`]).font = { bold: true };
    for (const rule of dataset.rowRules) {
      const text = rowRuleText(dataset, rule);
      sheet.addRow([`${text.vi}\n${text.en}`]);
    }
  }
  sheet.columns.forEach((col, i) => {
    col.width = [40, 24, 60, 30][i] ?? 20;
    col.alignment = { wrapText: true, vertical: 'top' };
  });
}

interface RangeValidations {
  add(range: string, validation: ExcelJS.DataValidation): void;
}

/**
 * exceljs keeps a sheet's validations keyed by address and writes a range key as one sqref,
 * far cheaper than one validation per cell; its type declarations omit the collection.
 */
function rangeValidations(sheet: ExcelJS.Worksheet): RangeValidations {
  const collection: unknown = Reflect.get(sheet, 'dataValidations');
  const add: unknown =
    typeof collection === 'object' && collection ? Reflect.get(collection, 'add') : undefined;
  if (typeof add !== 'function') throw new TypeError('exceljs worksheet without dataValidations.add');
  return { add: (range, validation) => Reflect.apply(add, collection, [range, validation]) };
}

export async function writeTemplate(dataset: TemplateSource): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const data = workbook.addWorksheet(TEMPLATE_TEXT.dataSheet.vi, { views: [{ state: 'frozen', ySplit: 1 }] });
  const lists = addLists(workbook, dataset);
  addInstructions(workbook, dataset);
  const header = data.addRow(dataset.columns.map((c) => c.vi));
  header.font = { bold: true };
  dataset.columns.forEach((c, i) => {
    const col = data.getColumn(i + 1);
    col.width = Math.max(14, c.vi.length + 4);
    // Tax codes and dossier ids keep their leading zeros only in a text-formatted column.
    if (c.type.kind === 'tax_code' || c.type.kind === 'text') col.numFmt = '@';
    const validation = validationOf(c, lists.get(c.key));
    if (!validation) return;
    const letter = columnLetter(i + 1);
    rangeValidations(data).add(`${letter}2:${letter}${TEMPLATE_ROWS + 1}`, validation);
  });
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
