import type { Geography } from './restate.ts';

/**
 * The chosen month (and, when restated, "/34") lives in the URL hash — "#2025-05" or
 * "#2025-05/34" — so a view can be shared as a link and the back button walks back through it.
 * Periods need no escaping: the raw text is compared, so a mangled link cannot throw URIError.
 */
export interface Route {
  period: string;
  geography: Geography;
}

const RESTATED = '34';

export function routeFromHash(hash: string, periods: readonly string[], fallback: string): Route {
  const [wanted = '', view] = hash.replace(/^#/, '').split('/');
  return {
    period: periods.includes(wanted) ? wanted : fallback,
    geography: view === RESTATED ? 'current' : 'as_reported',
  };
}

export function hashFor(route: Route): string {
  return `#${route.period}${route.geography === 'current' ? `/${RESTATED}` : ''}`;
}
