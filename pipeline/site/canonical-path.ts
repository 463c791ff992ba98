/**
 * The one path a request names, decoded once, or undefined when it could name more than one.
 * S3 (behind CloudFront) decodes the key it serves, and WHATWG URL parsing folds "\" and dot
 * segments; a path guard that read the raw text and a store that read the decoded one would
 * disagree. These are the rules of infra/auth/viewer-auth.js (CloudFront runs that file, which
 * cannot import this one); test/infra/canonical-path.test.ts holds both to the same table.
 */

/** Percent-encodings no legitimate link needs: separators, dots, letters, digits, "%", controls. */
const AMBIGUOUS_ESCAPE = /%(?:[01][0-9A-F]|2[5DEF]|3[0-9]|[46][1-9A-F]|[57][0-9A]|5[CF]|7[EF])/i;
// eslint-disable-next-line no-control-regex -- control characters are exactly what is refused
const REFUSED_DECODED = /[\\\u0000-\u001f\u007f]/;

export function canonicalPath(raw: string): string | undefined {
  if (!raw.startsWith('/') || AMBIGUOUS_ESCAPE.test(raw)) return undefined;
  let decoded: string;
  try {
    decoded = decodeURIComponent(raw);
  } catch {
    return undefined; // bad percent-encoding or invalid UTF-8
  }
  if (REFUSED_DECODED.test(decoded)) return undefined;
  const segments = decoded.split('/');
  for (let i = 1; i < segments.length; i += 1) {
    const segment = segments[i];
    if (segment === '.' || segment === '..' || (segment === '' && i < segments.length - 1)) return undefined;
  }
  return decoded;
}

/** The raw path of a request target, before any URL parser has normalised it. */
export function rawPathOf(target: string): string {
  const cut = target.search(/[?#]/);
  return cut < 0 ? target : target.slice(0, cut);
}
