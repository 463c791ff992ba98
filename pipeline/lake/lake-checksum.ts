/**
 * The lake's checksum contract, versioned by the value's own form:
 * - v1 (records before it): 64 hex digits, SHA-256 of the rows as JSON lines (rows-checksum.ts).
 *   Computing it for a large upload was a pass of its own over every row.
 * - v2: `parquet-sha256/<duckdb version>:<64 hex>`, SHA-256 of the lake object's bytes, the
 *   canonical Parquet file of the rows (both validation paths write the same bytes, proven by
 *   the differential tests). Hashing the file ingest sends anyway costs no pass over the rows.
 *   The Parquet bytes are only canonical for one DuckDB writer, so its version is part of the
 *   scheme: two checksums compare only when their schemes are the same.
 */
import { createHash } from 'node:crypto';
import { version } from '@duckdb/node-api';

const V2 = 'parquet-sha256';
const V1_FORM = /^[0-9a-f]{64}$/;

/** The v2 checksum of a lake object's bytes, as ingest writes it to the ledger and the stamp. */
export function lakeFileChecksum(bytes: Uint8Array): string {
  return `${V2}/${version()}:${createHash('sha256').update(bytes).digest('hex')}`;
}

/** `rows-json` for a v1 value, the v2 scheme with its writer's version, or undefined if neither. */
export function checksumScheme(value: string): string | undefined {
  if (V1_FORM.test(value)) return 'rows-json';
  const colon = value.indexOf(':');
  const scheme = value.slice(0, colon);
  return colon > 0 && scheme.startsWith(`${V2}/`) && V1_FORM.test(value.slice(colon + 1))
    ? scheme
    : undefined;
}

/**
 * Whether two checksums can say anything about each other: the same scheme (v1 and v1, or v2
 * from one DuckDB version). A ledger record written before v2 and a lake object rewritten since
 * are not comparable; the caller then relies on the upload id and row count alone.
 */
export function checksumsComparable(a: string, b: string): boolean {
  const scheme = checksumScheme(a);
  return scheme !== undefined && scheme === checksumScheme(b);
}
