/**
 * Vietnamese number, money and date formats for the page. Leadership reads amounts in "tỷ" and
 * "nghìn tỷ" đồng; the exact figure stays available beside the rounded one so nothing is hidden.
 */
import { type Lang, vietnamClock, KPI_TEXT } from './messages/index.ts';

const integer = new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 });
const oneDecimal = new Intl.NumberFormat('vi-VN', { minimumFractionDigits: 1, maximumFractionDigits: 1 });
const percent = new Intl.NumberFormat('vi-VN', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
});
const signedPercent = new Intl.NumberFormat('vi-VN', {
  style: 'percent',
  minimumFractionDigits: 1,
  maximumFractionDigits: 1,
  signDisplay: 'exceptZero',
});

const NGHIN_TY = 1e12;
const TY = 1e9;
const TRIEU = 1e6;

/** "1.234.567 đ" */
export function formatVnd(amount: number): string {
  return `${integer.format(amount)} đ`;
}

/**
 * "12,3 nghìn tỷ đồng", "12,3 tỷ đồng", "45,6 triệu đồng" or the exact amount below a million. In
 * English the words change ("12,3 billion VND") and the vi-VN digits stay, as on every other figure.
 */
export function formatVndCompact(amount: number, lang: Lang = 'vi'): string {
  const abs = Math.abs(amount);
  if (abs >= NGHIN_TY) return `${oneDecimal.format(amount / NGHIN_TY)} ${KPI_TEXT.trillion[lang]}`;
  if (abs >= TY) return `${oneDecimal.format(amount / TY)} ${KPI_TEXT.billion[lang]}`;
  if (abs >= TRIEU) return `${oneDecimal.format(amount / TRIEU)} ${KPI_TEXT.million[lang]}`;
  return `${integer.format(amount)} ${KPI_TEXT.dong[lang]}`;
}

/** "4.862,8 tỷ đồng": national pages state every amount in tỷ đồng, however large. */
export function formatTy(amount: number, lang: Lang = 'vi'): string {
  return `${oneDecimal.format(amount / TY)} ${KPI_TEXT.billion[lang]}`;
}

export function formatCount(n: number): string {
  return integer.format(n);
}

/** A share as "87,7%"; a missing base gives a dash rather than a misleading 0% or ∞. */
export function formatShare(part: number, whole: number): string {
  return whole > 0 ? percent.format(part / whole) : '—';
}

const finePercent = new Intl.NumberFormat('vi-VN', {
  style: 'percent',
  minimumFractionDigits: 2,
  maximumFractionDigits: 2,
});

/** "2,69%": a small rate read to the hundredth of a point, as VSS publishes the late-payment rate. */
export function formatFineShare(part: number, whole: number): string {
  return whole > 0 ? finePercent.format(part / whole) : '—';
}

/** "+2,1%" / "−0,4%" change from `before` to `now`. */
export function formatChange(now: number, before: number): string {
  return before !== 0 ? signedPercent.format((now - before) / before) : '—';
}

/** "07/2025" for the period "2025-07". */
export function formatPeriod(period: string): string {
  const [year, month] = period.split('-');
  return `${month}/${year}`;
}

/** "23/11/2026 11:02" in Vietnam's time, whatever the reader's clock says. */
export function formatTimestamp(iso: string): string {
  return vietnamClock(iso);
}
