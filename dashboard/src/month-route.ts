/**
 * The chosen month lives in the URL hash ("#2025-08") so a link to a month can be shared and the
 * browser's back button walks back through the months viewed.
 */
export function periodFromHash(hash: string, periods: readonly string[], fallback: string): string {
  // Periods need no escaping; compare the raw text so a mangled link cannot throw URIError.
  const wanted = hash.replace(/^#/, '');
  return periods.includes(wanted) ? wanted : fallback;
}

export function hashFor(period: string): string {
  return `#${period}`;
}
