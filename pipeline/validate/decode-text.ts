import iconv from 'iconv-lite';

/**
 * Text of a CSV upload. Provinces export from several tools: Excel's "CSV UTF-8" (with BOM),
 * LibreOffice (UTF-8, no BOM), Excel's "Unicode text" (UTF-16 with BOM, tab-separated) and
 * older Vietnamese Windows setups (Windows-1258). The BOM decides where there is one; otherwise
 * bytes that are not valid UTF-8 are read as Windows-1258.
 */
export function decodeText(bytes: Uint8Array): string {
  const b = bytes;
  if (b[0] === 0xef && b[1] === 0xbb && b[2] === 0xbf) return utf8(b.subarray(3));
  if (b[0] === 0xff && b[1] === 0xfe) return new TextDecoder('utf-16le').decode(b.subarray(2));
  if (b[0] === 0xfe && b[1] === 0xff) return iconv.decode(Buffer.from(b.subarray(2)), 'utf16-be');
  try {
    return new TextDecoder('utf-8', { fatal: true }).decode(b);
  } catch {
    // Windows-1258 writes tone marks as combining characters: compose them so text compares.
    return iconv.decode(Buffer.from(b), 'windows-1258').normalize('NFC');
  }
}

function utf8(bytes: Uint8Array): string {
  return new TextDecoder('utf-8').decode(bytes);
}

/** Formats officers send by mistake, known by their first bytes: old .xls/.doc, PDF, images. */
const BINARY_MAGIC = [
  [0xd0, 0xcf, 0x11, 0xe0],
  [0x25, 0x50, 0x44, 0x46],
  [0x89, 0x50, 0x4e, 0x47],
  [0xff, 0xd8, 0xff],
  [0x47, 0x49, 0x46, 0x38],
  [0x50, 0x4b],
];

/** True when the bytes look like text rather than a binary format we do not read. */
export function looksLikeText(bytes: Uint8Array): boolean {
  const sample = bytes.subarray(0, 4096);
  if (sample[0] === 0xff && sample[1] === 0xfe) return true;
  if (sample[0] === 0xfe && sample[1] === 0xff) return true;
  if (BINARY_MAGIC.some((magic) => magic.every((b, i) => sample[i] === b))) return false;
  // A NUL byte never occurs in 8-bit text; binary formats (old .xls, PDF, images) are full of them.
  if (sample.includes(0)) return false;
  // Control characters other than tab and line breaks are rare in text and common in binary.
  let controls = 0;
  for (const b of sample) if (b < 0x20 && b !== 0x09 && b !== 0x0a && b !== 0x0d) controls += 1;
  return controls <= sample.length / 100;
}
