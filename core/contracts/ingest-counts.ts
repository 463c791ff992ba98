/**
 * What a local ingest of many files counts (local/ingest-files.ts), as `vss ingest` and
 * `vss start` print it (core/messages): one count per outcome, and the files not sent again.
 */
export interface IngestCounts {
  uploaded: number;
  /** Already in the local S3 with the same bytes: not uploaded, not counted again. */
  skipped: number;
  accepted: number;
  rejected: number;
  duplicate: number;
  failed: number;
}
