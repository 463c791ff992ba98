import { extname } from 'node:path';
import { isHashedAsset } from './hashed-assets.ts';

/** What the dashboard serves. Anything else is sent as bytes so a browser never guesses. */
const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.topojson': 'application/json; charset=utf-8',
  '.geojson': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.txt': 'text/plain; charset=utf-8',
  '.parquet': 'application/vnd.apache.parquet',
  '.csv': 'text/csv; charset=utf-8',
};

export function contentTypeOf(path: string): string {
  return TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Text formats shrink a lot with gzip or brotli; images and Parquet are already compressed. */
export function isCompressible(contentType: string): boolean {
  return /^(text\/|application\/json|image\/svg)/.test(contentType);
}

/**
 * Data files change with every refresh: browsers must revalidate them, as the pages (stable
 * names) are; ETags keep the revalidation cheap. Everything else carries a content hash in its
 * name (pipeline/site/hashed-assets.ts): a new build gives a new name, so it is kept for a year.
 */
export function cacheControlOf(relativePath: string): string {
  if (relativePath.startsWith('data/')) return 'no-cache, max-age=0';
  if (isHashedAsset(relativePath)) return 'public, max-age=31536000, immutable';
  return 'no-cache';
}
