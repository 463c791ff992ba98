/**
 * The files DuckDB reads from a mirror of the lake bucket, as glob segments below each folder of
 * core/contracts/layout.ts, and the same shapes as a test of a relative path (the engine's file
 * cache lists the mirror itself and must pick the very files the glob would). The lake glob takes
 * any `.parquet` name, as the views always have: benches and fixtures write others than data.parquet.
 */

/** Below `lake/<dataset>/`. */
export const LAKE_FILE_GLOB: readonly string[] = ['period=*', 'province=*', '*.parquet'];
/** Below `summaries/`. */
export const SUMMARY_FILE_GLOB: readonly string[] = ['*', 'period=*', 'province=*', 'summary.parquet'];
/** Below `lake/<dataset>/`: a closed month's compacted object (layout.ts compactedLakeKey). */
export const COMPACTED_LAKE_FILE_GLOB: readonly string[] = ['compacted', 'period=*', 'data.parquet'];
/** Below `summaries/`: the compacted summaries of every dataset. */
export const COMPACTED_SUMMARY_FILE_GLOB: readonly string[] = [
  '*',
  'compacted',
  'period=*',
  'summary.parquet',
];
/** Below `ledger/`: `<dataset>/<YYYY-MM>/<province>/<upload id>.json`. */
export const LEDGER_FILE_GLOB: readonly string[] = ['*', '*', '*', '*.json'];
/** Below `ledger-compacted/`: a closed month's records (layout.ts compactedLedgerKey). */
export const COMPACTED_LEDGER_FILE_GLOB: readonly string[] = ['*', 'period=*', 'records.parquet'];

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/gu, '\\$&');

/** The relative paths a glob's segments match, `*` standing for one or more characters but `/`. */
export function globMatcher(segments: readonly string[]): RegExp {
  const parts = segments.map((s) => s.split('*').map(escapeRegExp).join('[^/]+'));
  return new RegExp(`^${parts.join('\\/')}$`);
}
