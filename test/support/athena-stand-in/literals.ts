/**
 * How the Athena stand-in reads ExecutionParameters: each must be one SQL literal, as Athena
 * requires. A quote left undoubled, or a bare word, is refused rather than guessed at, so a test
 * through the stand-in proves the engine quotes what it sends.
 */
const TEXT = /^'((?:[^']|'')*)'$/;
const INTEGER = /^-?\d+$/;
const DECIMAL = /^-?\d+\.\d+$/;

export function parseLiteral(literal: string): string | number {
  const text = TEXT.exec(literal);
  if (text) return (text[1] ?? '').replaceAll("''", "'");
  if (INTEGER.test(literal)) {
    const n = Number(literal);
    if (!Number.isSafeInteger(n)) throw new Error(`integer literal out of range: ${literal}`);
    return n;
  }
  if (DECIMAL.test(literal)) return Number(literal);
  throw new Error(`not a SQL literal: ${literal}`);
}
