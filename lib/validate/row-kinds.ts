/**
 * Rows of an office form's body that are not data: subtotals ("Cộng quận Ba Đình", "Cộng huyện
 * Gia Lâm"), section headings ("I. Quận Ba Đình") and the signature block ("Người lập biểu",
 * "Giám đốc", "Hà Nội, ngày 05 tháng 9 năm 2025"). Each is recognised by its words only when no
 * data row could be written that way; anything else stays data and is checked as data.
 */
import { isBlank, type RawCell } from './grid.ts';
import { matchKey } from './normalize.ts';
import { showRaw } from './parse-cell.ts';

/** Units a province's report groups its employers by. */
const PLACES =
  '(?:quận|huyện|thị xã|thành phố|tp\\.?|phường|xã|thị trấn|khu vực|quan|huyen|thi xa|thanh pho|phuong|xa|thi tran|khu vuc)';
/** An optional section number in front: "I.", "II -", "A)", "1.". */
const SECTION = '(?:(?:[ivxlc]+|[a-z]|\\d{1,2})\\s*[.)\\-–:]\\s*)?';
const SUBTOTAL = new RegExp(`^${SECTION}(?:cộng|cong)\\s*[:\\-–]?\\s*${PLACES}(?=\\s|$)`, 'u');
const HEADING = new RegExp(`^${SECTION}${PLACES}\\s+\\S`, 'u');
const SECTION_NUMBER = /^(?:[ivxlc]+|[a-z])[.)]?$/u;

const lower = (text: string) => text.normalize('NFC').toLowerCase().trim();
/**
 * Every subtotal label matches this on its raw text (any case, composed or not), and almost no
 * employer name does ("Công ty …" does not): every cell of a large upload passes here, and only
 * these few are composed and lowered for the exact test.
 */
const MAYBE_SUBTOTAL =
  /^\s*(?:(?:[ivxlc]+|[a-z]|\d{1,2})\s*[.)\-–:]\s*)?c\S{0,3}ng\s*[:\-–]?\s*(?:qu|hu|th|tp|ph|x|kh)/i;

/** "Cộng quận Ba Đình": a subtotal's label (the grand total is isTotalsRow's). */
export function isSubtotalLabel(text: string): boolean {
  return MAYBE_SUBTOTAL.test(text) && SUBTOTAL.test(lower(text));
}

/** The cell of a row that labels it as a subtotal, if any. */
export function subtotalLabel(cells: readonly RawCell[]): string | undefined {
  for (const cell of cells) if (typeof cell === 'string' && isSubtotalLabel(cell)) return showRaw(cell);
  return undefined;
}

/** A row holding only a place heading, maybe with its section number: no figures, no codes. */
export function isHeadingRow(cells: readonly RawCell[]): boolean {
  const filled: string[] = [];
  for (const cell of cells) {
    if (isBlank(cell)) continue;
    // A data row fills more cells than a heading does: decided before any text is looked at.
    if (typeof cell !== 'string' || filled.length === 2) return false;
    filled.push(cell);
  }
  if (filled.length === 0) return false;
  const texts = filled.map(lower);
  const heading = texts.filter((text) => HEADING.test(text));
  return heading.length === 1 && texts.every((text) => HEADING.test(text) || SECTION_NUMBER.test(text));
}

/** Words of a signature block, compared by matchKey (marks, case and punctuation dropped). */
const SIGNATURE =
  /^(?:nguoilap(?:bieu|bang)?|lapbieu|ketoan(?:truong)?|(?:pho)?giamdoc|thutruong(?:donvi)?|truongphong\w*|(?:kt|tl|tm)(?:giamdoc|thutruong)\w*|ky(?:ghiro)?hoten(?:dongdau)?|kydongdau|\w*ngay\d*thang\d*nam\d*)$/;

/** A row of the signature block below the figures: every filled cell a signature's words. */
export function isSignatureRow(cells: readonly RawCell[]): boolean {
  let filled = 0;
  for (const cell of cells) {
    if (isBlank(cell)) continue;
    // A data row's first filled cell (a code, a number) ends the test.
    if (typeof cell !== 'string' || !SIGNATURE.test(matchKey(cell))) return false;
    filled += 1;
  }
  return filled > 0;
}
