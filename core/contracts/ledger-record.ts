/**
 * One immutable ledger record per upload, stored as JSON at ledgerKey(...); once its month is
 * closed and compacted, a row of the month's Parquet object (compactedLedgerKey) and the JSON
 * moved, bytes unchanged, to closedLedgerKey(...). `vss.uploads` (DuckDB view, Athena view) reads
 * both; completeness and timeliness are queries over them.
 */
import { z } from 'zod';

export const ledgerRecord = z.object({
  /** Stable id of this upload: the receipt and ledger object names use it. */
  upload_id: z.string(),
  key: z.string(),
  /** S3 version id of the upload object where the bucket is versioned. */
  version_id: z.string().nullable(),
  dataset: z.string(),
  period: z.string(),
  province: z.string(),
  file_name: z.string(),
  sha256: z.string(),
  bytes: z.number().int(),
  /** When the upload arrived (ISO 8601, UTC). */
  received_at: z.string(),
  /** When this record was written. */
  ingested_at: z.string(),
  /** `duplicate`: same checksum as the accepted upload already in force; nothing changed. */
  status: z.enum(['accepted', 'rejected', 'duplicate']),
  rows_read: z.number().int(),
  rows_accepted: z.number().int(),
  rows_rejected: z.number().int(),
  error_count: z.number().int(),
  warning_count: z.number().int(),
  /**
   * upload_id of the accepted upload this one replaced in the lake, if any; for an upload held
   * because its report is approved, the approved upload it would replace once reopened.
   */
  supersedes: z.string().nullable(),
  /**
   * Checksum of the accepted rows as written to the lake, versioned by its form
   * (pipeline/lake/lake-checksum.ts): v1 64 hex digits over the rows as JSON lines (older records),
   * v2 `parquet-sha256/<duckdb version>:<hex>` over the lake file's bytes. Null when rejected.
   * `vss doctor` compares it with the lake object. Absent in records written before it.
   */
  rows_sha256: z.string().nullable().optional(),
  /** The upload object's ETag, so `vss doctor` can tell a re-PUT of one key from the one on record. */
  etag: z.string().nullable().optional(),
});
export type LedgerRecord = z.infer<typeof ledgerRecord>;
