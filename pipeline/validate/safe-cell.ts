/**
 * Text written back into a CSV or XLSX must never be taken for a formula by the spreadsheet
 * that opens it ("=HYPERLINK(...)", "+cmd|...", "-2+3", "@SUM(...)"). Every writer of CSV or
 * XLSX in the project passes its text cells through here.
 */
const FORMULA_START = /^[=+\-@\t\r]/;

/** True when a spreadsheet could read the text as a formula. */
export function looksLikeFormula(text: string): boolean {
  return FORMULA_START.test(text);
}

/**
 * The text prefixed with an apostrophe when it could start a formula; numbers and other text
 * unchanged. Excel shows such a cell as the text the officer typed.
 */
export function neutralizeCell<T>(value: T): T | string {
  if (typeof value !== 'string') return value;
  return looksLikeFormula(value) ? `'${value}` : value;
}
