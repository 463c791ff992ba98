/**
 * Numbers as office Excel writes them when it saves the displayed text (vi-VN "Save as CSV"):
 * accounting zeros shown as "-", negatives in parentheses, a currency sign after the amount,
 * two zero decimals, and long numbers cut to scientific notation. Each shape is read only when
 * its figure is certain; scientific notation never is (its last digits are gone).
 */

export type OfficeNumber =
  /** The figure is certain; `note` says what the reading normalised, when the officer should know. */
  { kind: 'digits'; text: string; negative: boolean; note?: 'dash_zero' } | { kind: 'scientific' };

/** Accounting format shows zero as a dash (hyphen, en dash or em dash), often padded. */
const DASH = /^[-\u2013\u2014]$/;
const PARENTHESIZED = /^\((.+)\)$/;
const CURRENCY = /\s*(₫|VNĐ|VND)$/iu;
/** "1,23E+09", "1.2E+10", "3E+09": what Excel prints for a long number in a narrow column. */
const SCIENTIFIC = /^-?\d+([.,]\d+)?E[+-]?\d+$/i;
/** Two zero decimals after the other separator than the grouping one: "1.250.000,00", "1,250.00". */
const ZERO_DECIMALS = [/^(\d{1,3}(?:\.\d{3})+|\d+),00$/, /^(\d{1,3}(?:,\d{3})+|\d+)\.00$/];

/**
 * The office shape of `text` (already trimmed, no-break spaces made plain), or undefined when it
 * is none of them and the ordinary integer reading decides.
 */
export function officeNumber(text: string): OfficeNumber | undefined {
  if (DASH.test(text)) return { kind: 'digits', text: '0', negative: false, note: 'dash_zero' };
  if (SCIENTIFIC.test(text)) return { kind: 'scientific' };
  let body = text;
  let negative = false;
  const currency = CURRENCY.exec(body);
  if (currency) body = body.slice(0, currency.index).trim();
  const parenthesized = PARENTHESIZED.exec(body);
  if (parenthesized) {
    body = parenthesized[1]!.trim();
    negative = true;
  }
  for (const shape of ZERO_DECIMALS) {
    const m = shape.exec(body);
    if (m) body = m[1]!;
  }
  if (body === text) return undefined;
  if (body.startsWith('-') || body.startsWith('(')) return undefined;
  return { kind: 'digits', text: body, negative };
}
