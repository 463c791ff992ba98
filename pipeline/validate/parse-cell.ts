/**
 * One cell against its column type. Returns the stored value, or the rule it breaks.
 * Empty cells are decided by the caller (required columns, row rules), never here.
 */
import type { CategoryOption, CellType } from '../../core/datasets/index.ts';
import type { RuleId } from '../../core/messages/index.ts';
import type { RawCell } from './grid.ts';
import { cleanText, matchKey } from './normalize.ts';
import { officeNumber } from './office-number.ts';

export type CellValue = string | number | null;

/** What a reading normalised, for the receipt's warnings (never a changed figure). */
export type CellNote = 'dash_zero' | 'leading_zero';

export type CellOutcome =
  | { ok: true; value: string | number; note?: CellNote }
  | { ok: false; rule: RuleId; expected: string; value?: number };

const fail = (rule: RuleId, expected: string, value?: number): CellOutcome =>
  value === undefined ? { ok: false, rule, expected } : { ok: false, rule, expected, value };
const SCIENTIFIC_EXPECTED = 'every digit, not scientific notation';

/** How a raw cell is echoed in a receipt's `found`. */
export function showRaw(raw: RawCell): string {
  if (raw === null) return '';
  if (raw instanceof Date)
    return Number.isNaN(raw.getTime()) ? 'Invalid Date' : raw.toISOString().slice(0, 10);
  return cleanText(String(raw));
}

export function parseCell(type: CellType, raw: RawCell): CellOutcome {
  switch (type.kind) {
    case 'text':
      return { ok: true, value: showRaw(raw) };
    case 'tax_code':
      return parseTaxCode(raw);
    case 'integer':
      return parseInteger(raw, type.min, type.max);
    case 'category':
      return parseCategory(raw, type.options);
    case 'date':
      return parseDate(raw);
  }
}

const TAX_CODE = /^\d{10}(-\d{3})?$/;
/**
 * A code typed as a number loses its leading 0 (every Hà Nội code begins 01): nine digits are a
 * ten-digit code with the 0 dropped, the only reading that gives a code at all. Eight digits
 * could have lost two zeros or a digit anywhere, and a branch code was never a number.
 */
const LOST_ZERO = /^[1-9]\d{8}$/;
const SCIENTIFIC = /^\d+([.,]\d+)?E\+?\d+$/i;
function parseTaxCode(raw: RawCell): CellOutcome {
  const text = showRaw(raw);
  if (TAX_CODE.test(text)) return { ok: true, value: text };
  if (LOST_ZERO.test(text)) return { ok: true, value: `0${text}`, note: 'leading_zero' };
  if (SCIENTIFIC.test(text)) return fail('number.scientific', SCIENTIFIC_EXPECTED);
  return fail('tax_code.format', '10 digits or 10 digits-3 digits');
}

/** Digits only, or groups of three separated by dots, commas or spaces: all the same integer. */
const PLAIN = /^-?\d+$/;
const DIGITS = /^\d+$/;
const GROUPED = [/^-?\d{1,3}(\.\d{3})+$/, /^-?\d{1,3}(,\d{3})+$/, /^-?\d{1,3}( \d{3})+$/];
const DECIMAL = /^-?(\d+|\d{1,3}([., ]\d{3})+)[.,]\d+$/;

export function parseInteger(raw: RawCell, min: number, max = Number.MAX_SAFE_INTEGER): CellOutcome {
  const limit = Math.min(max, Number.MAX_SAFE_INTEGER);
  let value: number;
  let negative = false;
  let note: CellNote | undefined;
  if (typeof raw === 'number') {
    if (!Number.isFinite(raw)) return fail('integer.format', 'whole number');
    if (!Number.isInteger(raw)) return fail('integer.decimal', 'whole number');
    value = raw;
  } else if (typeof raw === 'string' && DIGITS.test(raw)) {
    // The common cell, bare digits: what the general path below would make of it, without copies.
    value = Number(raw);
  } else {
    let text = showRaw(raw).replace(/[\u00a0\u202f]/g, ' ');
    // Office shapes ("-", "(1.250)", "1,2E+09" …) only for text that is no plain integer.
    const office = PLAIN.test(text) || GROUPED.some((g) => g.test(text)) ? undefined : officeNumber(text);
    if (office?.kind === 'scientific') return fail('number.scientific', SCIENTIFIC_EXPECTED);
    if (office) ({ text, negative, note } = office);
    if (PLAIN.test(text) || GROUPED.some((g) => g.test(text))) value = Number(text.replace(/[., ]/g, ''));
    else if (DECIMAL.test(text)) return fail('integer.decimal', 'whole number');
    else return fail('integer.format', 'whole number');
  }
  if (negative) {
    value = -value;
    // "(1.250.000)" is how Excel shows a negative: refused as one, never read as its digits.
    if (value < min) return fail('integer.negative', `>= ${min}`, value);
  }
  if (value < min) return fail('integer.min', `>= ${min}`);
  if (value > limit || !Number.isSafeInteger(value)) return fail('integer.max', `<= ${limit}`);
  const ok: CellOutcome = { ok: true, value: value === 0 ? 0 : value };
  return note ? { ...ok, note } : ok;
}

/** matchKey of each option's code and label → code, built once per option list. */
const optionIndex = new WeakMap<readonly CategoryOption[], Map<string, string>>();
function indexOf(options: readonly CategoryOption[]): Map<string, string> {
  let index = optionIndex.get(options);
  if (!index) {
    index = new Map(
      options.flatMap((o) => [[matchKey(o.vi), o.code] as const, [matchKey(o.code), o.code] as const]),
    );
    optionIndex.set(options, index);
  }
  return index;
}

/** A category column repeats a handful of spellings: remember them instead of re-folding each. */
const spellings = new Map<string, string>();
function cachedMatchKey(text: string): string {
  let key = spellings.get(text);
  if (key === undefined) {
    key = matchKey(text);
    if (spellings.size < 10_000) spellings.set(text, key);
  }
  return key;
}

function parseCategory(raw: RawCell, options: readonly CategoryOption[]): CellOutcome {
  const code = indexOf(options).get(cachedMatchKey(showRaw(raw)));
  return code !== undefined
    ? { ok: true, value: code }
    : fail('category.unknown', options.map((o) => o.code).join('|'));
}

/** Excel counts days from 1899-12-30 (its 1900 leap-year bug folded in). */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const DAY_MS = 86_400_000;

function isoDate(year: number, month: number, day: number): string | undefined {
  if (year < 1900 || year > 2999) return undefined;
  const date = new Date(Date.UTC(year, month - 1, day));
  const valid =
    date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return valid ? date.toISOString().slice(0, 10) : undefined;
}

export function parseDate(raw: RawCell): CellOutcome {
  let iso: string | undefined;
  if (raw instanceof Date) {
    iso = Number.isNaN(raw.getTime())
      ? undefined
      : isoDate(raw.getUTCFullYear(), raw.getUTCMonth() + 1, raw.getUTCDate());
  } else if (typeof raw === 'number') {
    // A date typed into a cell not formatted as a date arrives as Excel's serial day number.
    if (Number.isInteger(raw) && raw > 0) {
      const d = new Date(EXCEL_EPOCH_MS + raw * DAY_MS);
      iso = isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
    }
  } else {
    const text = showRaw(raw);
    const dmy = /^(\d{1,2})[/.-](\d{1,2})[/.-](\d{4})$/.exec(text);
    const ymd = /^(\d{4})-(\d{1,2})-(\d{1,2})$/.exec(text);
    if (dmy) iso = isoDate(Number(dmy[3]), Number(dmy[2]), Number(dmy[1]));
    else if (ymd) iso = isoDate(Number(ymd[1]), Number(ymd[2]), Number(ymd[3]));
  }
  return iso ? { ok: true, value: iso } : fail('date.format', 'dd/mm/yyyy or yyyy-mm-dd');
}
