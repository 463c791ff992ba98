/**
 * What a refresh is asked and what it answers: the types both the full refresh (refresh.ts) and
 * the refresh by month (refresh-delta.ts) take, in a file of their own so neither imports the other
 * for them.
 */
import type { Engine } from '../query/engine.ts';

export interface RefreshOptions {
  mirrorDir: string;
  outDir: string;
  now?: () => Date;
  /** Another engine for the same named queries (Athena in AWS); default: DuckDB over mirrorDir. */
  openEngine?: () => Promise<Engine>;
  /**
   * Compute missing summaries from lake objects first (default true). The Lambda turns it off: its
   * mirror holds the summaries ingest wrote and only the latest month of debt detail, which the
   * backfill would take for a lake whose other months were withdrawn.
   */
  backfillSummaries?: boolean;
}

/** The site's files, those whose bytes this run replaced, and the months recomputed ('all': in full). */
export interface RefreshResult {
  files: string[];
  written: string[];
  recomputed: readonly string[] | 'all';
}
