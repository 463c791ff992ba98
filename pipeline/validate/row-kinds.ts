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

/** Every place heading matches this on its raw text, in any case, composed or not. */
const MAYBE_HEADING = /^(?:(?:[ivxlc]+|[a-z]|\d{1,2})\s*[.)\-–:]\s*)?(?:qu|hu|th|tp|ph|x|kh)/i;
const SECTIONED = /^(?:[ivxlc]+|[a-z])\s*[.)\-–:]\s*/u;

/**
 * The label of a group's heading row that also states the group's sums ("II | Huyện Gia Lâm |
 * 59.300.000 | …", above the group's rows): a place heading marked with its section number,
 * other cells filled, and the cells that name an employer or a dossier (`ids`: the tax code,
 * the unique columns) blank — a row with any of them is data, whatever its name says.
 */
export function groupHeadLabel(cells: readonly RawCell[], ids: readonly number[]): string | undefined {
  // Every data row passes here, and its tax code ends it at once.
  if (ids.some((position) => !isBlank(cells[position] ?? null))) return undefined;
  let label: string | undefined;
  let numbered = false;
  let others = 0;
  for (const cell of cells) {
    if (isBlank(cell)) continue;
    const raw = typeof cell === 'string' ? cell.trim() : String(cell);
    if (
      typeof cell === 'string' &&
      label === undefined &&
      MAYBE_HEADING.test(raw) &&
      HEADING.test(lower(raw))
    ) {
      label = showRaw(cell);
      numbered ||= SECTIONED.test(lower(raw));
    } else if (typeof cell === 'string' && raw.length <= 5 && SECTION_NUMBER.test(raw.toLowerCase()))
      numbered = true;
    else others += 1;
  }
  return label !== undefined && numbered && others > 0 ? label : undefined;
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
