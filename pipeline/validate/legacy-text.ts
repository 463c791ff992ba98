/**
 * Files from before Unicode: Excel 97–2003 workbooks (.xls, an OLE2 compound file) and
 * Vietnamese typed with the legacy TCVN3 (ABC) or VNI fonts. Neither can be read correctly, so
 * both get a plain answer saying how to save the file again.
 *
 * TCVN3 and VNI put Vietnamese letters on Latin-1 code points that Vietnamese in Unicode never
 * uses inside a word: TCVN3 "M· sè thuÕ", "Tªn ®¬n vÞ" (· ª ® ¬ …), VNI "Maõ soá thueá",
 * "Teân ñôn vò" (ñ ø û ï ö å ä …). Such a character next to a letter, a few times over the first
 * rows, tells the encoding; one foreign name ("Müller") does not.
 */
import type { Sheet } from './grid.ts';

/** The first 8 bytes of every OLE2 compound file, the container of .xls (and .doc). */
const OLE2 = [0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1];

export function isOle2(bytes: Uint8Array): boolean {
  return OLE2.every((b, i) => bytes[i] === b);
}

const SIGNS = {
  'TCVN3 (ABC)': /\p{L}[\u00a8-\u00ae\u00b5-\u00b9]|[\u00a8-\u00ae\u00b5-\u00b9]\p{L}/gu,
  // Letters Vietnamese never uses, or pairs it never writes: "oâ", "eâ" (VNI's ô, ê), "ôù" (ớ).
  VNI: /[A-Za-z][\u00e4\u00e5\u00eb\u00ef\u00f1\u00f6\u00f8\u00fb\u00fc\u00c4\u00c5\u00cb\u00cf\u00d1\u00d6\u00d8\u00db\u00dc]|[\u00f1\u00d1]\p{L}|[aeoAEO][\u00e2\u00c2]|[\u00f4\u00d4][\u00f9\u00d9]/gu,
} as const;
/** Signs needed before a file is called legacy-encoded. */
const ENOUGH = 3;
/** Rows of each sheet looked at (the DuckDB path's plan must see as many to agree). */
export const ROWS_LOOKED_AT = 40;

export interface LegacyEncoding {
  encoding: keyof typeof SIGNS;
  /** The first cell that shows it, to quote in the receipt. */
  sample: string;
}

/** The legacy encoding the first rows of the sheets are written in, if any. */
export function legacyEncoding(sheets: readonly Sheet[]): LegacyEncoding | undefined {
  for (const encoding of Object.keys(SIGNS) as Array<keyof typeof SIGNS>) {
    let count = 0;
    let sample: string | undefined;
    for (const sheet of sheets)
      for (const row of sheet.rows.slice(0, ROWS_LOOKED_AT))
        for (const cell of row.cells) {
          if (typeof cell !== 'string') continue;
          const found = cell.match(SIGNS[encoding])?.length ?? 0;
          if (found === 0) continue;
          // The first word that shows it: a whole CSV line may be one cell when nothing matched.
          sample ??= cell
            .split(/[\s;,\t]+/)
            .find((word) => new RegExp(SIGNS[encoding].source, 'u').test(word));
          count += found;
        }
    if (count >= ENOUGH && sample !== undefined) return { encoding, sample };
  }
  return undefined;
}
