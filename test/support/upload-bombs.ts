/**
 * Hostile uploads made on the fly, each a few hundred KB at most: width bombs (a value in
 * column XFD), sparse bombs (rows out to 1,048,576), decompression bombs (a shared-strings
 * table or sheet that inflates far past its size) and a CSV of separators. Written by hand with
 * zipOf, since no honest XLSX writer makes them.
 */
import { deflateRawSync } from 'node:zlib';
import { deflateRepeated, zipOf, type RawZipEntry } from '../pipeline/validate/validate-zip-helpers.ts';

const XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>';
const MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';

function deflated(name: string, text: string): RawZipEntry {
  const raw = Buffer.from(text);
  return { name, data: deflateRawSync(raw), declaredSize: raw.length };
}

/** The parts every workbook needs, in the order a streaming reader wants them. */
function frame(withSharedStrings: boolean): RawZipEntry[] {
  const sharedType = withSharedStrings
    ? '<Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/>'
    : '';
  const sharedRel = withSharedStrings
    ? `<Relationship Id="rId2" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>`
    : '';
  return [
    deflated(
      '[Content_Types].xml',
      `${XML}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>${sharedType}</Types>`,
    ),
    deflated(
      '_rels/.rels',
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/></Relationships>`,
    ),
    deflated(
      'xl/workbook.xml',
      `${XML}<workbook xmlns="${MAIN}" xmlns:r="${REL}"><sheets><sheet name="Nợ" sheetId="1" r:id="rId1"/></sheets></workbook>`,
    ),
    deflated(
      'xl/_rels/workbook.xml.rels',
      `${XML}<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="${REL}/worksheet" Target="worksheets/sheet1.xml"/>${sharedRel}</Relationships>`,
    ),
  ];
}

const sheetXml = (rows: string) =>
  `${XML}<worksheet xmlns="${MAIN}"><sheetData>${rows}</sheetData></worksheet>`;
const number = (ref: string, value: number) => `<c r="${ref}"><v>${value}</v></c>`;

function workbook(rows: string, shared?: RawZipEntry): Uint8Array {
  const entries = frame(shared !== undefined);
  if (shared) entries.push(shared);
  entries.push(deflated('xl/worksheets/sheet1.xml', sheetXml(rows)));
  return zipOf(entries);
}

/** Every row one number in column XFD (16,384): the file that ran the validator out of memory. */
export function widthBomb(rows: number): Uint8Array {
  let xml = '';
  for (let r = 1; r <= rows; r += 1) xml += `<row r="${r}">${number(`XFD${r}`, r)}</row>`;
  return workbook(xml);
}

/** One value at A1 and one at the sheet's last cell, XFD1048576. */
export function sparseCornerBomb(): Uint8Array {
  return workbook(`<row r="1">${number('A1', 1)}</row><row r="1048576">${number('XFD1048576', 2)}</row>`);
}

/** Every one of Excel's 1,048,576 rows present, each with only a styled empty cell at XFD. */
export function sparseRowsBomb(rows = 1_048_576): Uint8Array {
  let xml = '';
  for (let r = 1; r <= rows; r += 1) xml += `<row r="${r}"><c r="XFD${r}" s="0"/></row>`;
  return workbook(xml);
}

/** Every one of Excel's rows present and styled, none with a cell: nothing kept, all read. */
export function blankRowsBomb(rows = 1_048_576): Uint8Array {
  let xml = '';
  for (let r = 1; r <= rows; r += 1) xml += `<row r="${r}" s="1" customFormat="1"/>`;
  return workbook(xml);
}

/** A value in every column up to `columns` on one row: wide, but each cell real. */
export function wideRow(columns: number): Uint8Array {
  let cells = '';
  for (let c = 1; c <= columns; c += 1) cells += number(`${columnName(c)}1`, c);
  return workbook(`<row r="1">${cells}</row>`);
}

/** `rows` rows of `columns` numbers each: a cell-count bomb once the cell limit is lowered. */
export function manyCells(rows: number, columns: number): Uint8Array {
  let xml = '';
  for (let r = 1; r <= rows; r += 1) {
    xml += `<row r="${r}">`;
    for (let c = 1; c <= columns; c += 1) xml += number(`${columnName(c)}${r}`, c);
    xml += '</row>';
  }
  return workbook(xml);
}

/** A shared-strings table of `count` distinct strings of `length` characters, one cell using it. */
export function sharedStringsBomb(count: number, length: number): Uint8Array {
  const items: string[] = [];
  for (let i = 0; i < count; i += 1) items.push(`<si><t>${String(i).padStart(length, 'x')}</t></si>`);
  const shared = deflated(
    'xl/sharedStrings.xml',
    `${XML}<sst xmlns="${MAIN}" count="${count}" uniqueCount="${count}">${items.join('')}</sst>`,
  );
  return workbook('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', shared);
}

/** A shared-strings table that inflates to `bytes` of one letter (ratio far past the guard's). */
export async function inflatingSharedStrings(bytes: number): Promise<Uint8Array> {
  const shared = { name: 'xl/sharedStrings.xml', data: await deflateRepeated(bytes), declaredSize: bytes };
  return workbook('<row r="1"><c r="A1" t="s"><v>0</v></c></row>', shared);
}

/** A worksheet that inflates to `bytes` of one letter. */
export async function inflatingSheet(bytes: number): Promise<Uint8Array> {
  const entries = frame(false);
  entries.push({ name: 'xl/worksheets/sheet1.xml', data: await deflateRepeated(bytes), declaredSize: bytes });
  return zipOf(entries);
}

/** A CSV whose header line is followed by one line of `count` separators. */
export function separatorCsv(header: string, count: number, separator = ','): Uint8Array {
  return Buffer.from(`${header}\n${separator.repeat(count)}\n`);
}

export function columnName(column: number): string {
  let name = '';
  for (let n = column; n > 0; n = Math.floor((n - 1) / 26))
    name = String.fromCharCode(65 + ((n - 1) % 26)) + name;
  return name;
}
