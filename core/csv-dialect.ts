/**
 * CSV fields that a spreadsheet cannot run as formulas, in the dialect of the Excel that opens
 * them. Excel splits a CSV on the list separator of its locale: "," in en-US, ";" in vi-VN
 * (where "," is the decimal mark). A file written with "," and opened in vi-VN is split on ";",
 * so a name such as `Công ty A;=HYPERLINK(…)` would start a cell with "=". Hence, whatever the
 * dialect: every text field holding any dialect's separator, a tab or a line break is quoted
 * (it cannot split where quotes are honoured), a leading =, +, -, @, tab or line break is defused with an apostrophe, and so is
 * one after any separator-like character (",", ";", tab, line break), for readers that split
 * without honouring quotes. Shared by `vss query` and the dashboard's export.
 */

export interface CsvDialect {
  separator: ',' | ';';
  decimal: '.' | ',';
}

export const CSV_DIALECTS = {
  /** RFC 4180 as en-US Excel, LibreOffice and scripts read it. */
  standard: { separator: ',', decimal: '.' },
  /** Excel with Vietnamese regional settings: ";" between fields, "," before decimals. */
  vi: { separator: ';', decimal: ',' },
} as const satisfies Record<string, CsvDialect>;

const FORMULA_START = /^(?:\s*[=+\-@]|[\t\r\n])/;
/** A formula start (after optional spaces) right behind a character some reader splits on. */
const FORMULA_AFTER_SEPARATOR = /([,;\t\r\n])(\s*)(?=[=+\-@])/g;

/** Text that cannot start a formula, whichever separator a reader splits it on. */
export function defuseText(text: string): string {
  const inner = text.replace(FORMULA_AFTER_SEPARATOR, "$1$2'");
  return FORMULA_START.test(inner) ? `'${inner}` : inner;
}

export function csvField(value: unknown, dialect: CsvDialect = CSV_DIALECTS.standard): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'boolean') return String(value);
  if (typeof value === 'number' || typeof value === 'bigint') {
    const text = String(value);
    return dialect.decimal === ',' ? text.replace('.', ',') : text;
  }
  const text = defuseText(typeof value === 'string' ? value : JSON.stringify(value));
  // Quoted whenever any dialect's separator or a line break is inside, not only this one's.
  return /[",;\t\r\n]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/** Lines of fields as a file: a UTF-8 BOM (so Excel reads Vietnamese as UTF-8), CRLF endings. */
export function csvDocument(
  lines: readonly (readonly unknown[])[],
  dialect: CsvDialect = CSV_DIALECTS.standard,
): string {
  const text = lines.map((fields) => fields.map((f) => csvField(f, dialect)).join(dialect.separator));
  return `\uFEFF${text.join('\r\n')}\r\n`;
}
