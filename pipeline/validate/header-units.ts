/**
 * What office forms write in parentheses after a column title. A unit the template also means
 * ("(đồng)", "(VNĐ)", "(người)") or a plain note ("(MST)") is dropped to match the title; a
 * scaled unit ("(nghìn đồng)", "(triệu đồng)") never is: its figures are a thousand or a million
 * times the đồng the template takes, and reading them as đồng would change every amount.
 */

/** Notes that leave the column's meaning as the template's. */
const HARMLESS = new Set(['đồng', 'vnđ', 'vnd', 'đ', 'người', 'lao động', 'tháng', 'mst', 'mã số thuế']);
const SCALED =
  /\b(nghìn|ngàn|nghin|ngan|triệu|trieu|tỷ|tỉ|ty)\s*(đồng|dong|vnđ|vnd|đ)\b|\b1[.,]?000\s*(đồng|đ)/iu;
const NOTE = /\(([^)]*)\)/gu;

const lower = (text: string) => text.normalize('NFC').toLowerCase().trim();

/** The scaled unit a title's parentheses name ("nghìn đồng"), if any. */
export function scaledUnit(title: string): string | undefined {
  for (const [, note] of title.matchAll(NOTE)) {
    const unit = SCALED.exec(lower(note!));
    if (unit) return unit[0];
  }
  return undefined;
}

/** The title without its harmless notes, or undefined when it has none to drop. */
export function withoutNotes(title: string): string | undefined {
  let dropped = false;
  const plain = title.replace(NOTE, (whole, note: string) => {
    if (!HARMLESS.has(lower(note))) return whole;
    dropped = true;
    return ' ';
  });
  return dropped ? plain.trim() : undefined;
}

/** The title with every parenthesis dropped: only to name the column a scaled unit is refused for. */
export const withoutAnyNotes = (title: string): string => title.replace(NOTE, ' ').trim();
