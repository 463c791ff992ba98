const SIMPLE = /^[a-z0-9]*$/;

/**
 * The one comparison key for headers and category labels: provinces type "Mã số thuế",
 * "ma so thue", "MA_SO_THUE" or "Ma So Thue" and all of them mean the same column.
 */
export function matchKey(text: string): string {
  if (SIMPLE.test(text)) return text;
  return text
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]/g, '');
}

/**
 * Text as stored: composed (NFC) so that one word has one spelling whatever keyboard or legacy
 * encoding produced it, trimmed of the spaces spreadsheets leave around values.
 */
export function cleanText(text: string): string {
  // trim() also removes the no-break spaces spreadsheets use; ASCII needs no composing.
  const trimmed = text.trim();
  return ASCII.test(trimmed) ? trimmed : trimmed.normalize('NFC');
}

const ASCII = /^[\x20-\x7e]*$/;
