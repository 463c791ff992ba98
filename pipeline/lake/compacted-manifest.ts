/**
 * What a compacted object says about itself, kept inside it (a Parquet key-value entry, written by
 * the same COPY as the rows, so the rows and their account cannot part): for each province whose
 * rows it holds, the upload they are of, their number and checksum as the per-province object was
 * stamped (write-partition.ts), and a digest of the rows as compacted, so `vss doctor` can tell
 * both that the object holds the ledger's upload and that its rows are still those folded in.
 */
import { version } from '@duckdb/node-api';
import { z } from 'zod';
import { StorageError } from '../../core/errors.ts';
import type { DuckDBConnection } from '@duckdb/node-api';

/** The key-value entry's name in the Parquet footer. */
export const MANIFEST_KEY = 'vss-compacted';

const provinceEntry = z.object({
  uploadId: z.string(),
  rows: z.number().int().nonnegative(),
  /** The per-province object's stamp (v1 or v2, lake-checksum.ts), carried as it was. */
  rowsSha256: z.string(),
});

export const compactedManifest = z.object({
  /** The scheme of `digests`: the rows' text form is DuckDB's, so its version is part of it. */
  digestScheme: z.string(),
  provinces: z.record(z.string().regex(/^\d{2}$/u), provinceEntry),
  /** Per province, rowsDigestSql over its rows in the compacted object. */
  digests: z.record(z.string(), z.string()),
});
export type CompactedManifest = z.infer<typeof compactedManifest>;
export type ProvinceEntry = z.infer<typeof provinceEntry>;

export const digestScheme = () => `rows-text-md5/${version()}`;

const quoteLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;

/**
 * SELECT province, digest over a relation (a table name or a parenthesised query) holding the
 * file's columns, then `province` and `file_row` (each row's place within its province, from 1):
 * every row as DuckDB's text of the whole row, in that order. The writer and doctor build the
 * relation alike, so the two texts are the same exactly when the rows are.
 */
export function rowsDigestSql(relation: string): string {
  return (
    `SELECT r.province, md5(string_agg(CAST(r AS VARCHAR), chr(10) ORDER BY r.file_row)) AS digest ` +
    `FROM ${relation} r GROUP BY r.province`
  );
}

/** The manifest as the value of the COPY's KV_METADATA option. */
export function manifestOption(manifest: CompactedManifest): string {
  return `KV_METADATA {${quoteLiteral(MANIFEST_KEY)}: ${quoteLiteral(JSON.stringify(manifest))}}`;
}

/** The manifest of a compacted Parquet file on disk; a file without a readable one is refused. */
export async function readManifest(connection: DuckDBConnection, path: string): Promise<CompactedManifest> {
  const reader = await connection.runAndReadAll(
    `SELECT decode(value) AS value FROM parquet_kv_metadata(${quoteLiteral(path)}) ` +
      `WHERE decode(key) = ${quoteLiteral(MANIFEST_KEY)}`,
  );
  const value = reader.getRowsJS()[0]?.[0];
  const parsed = typeof value === 'string' ? compactedManifest.safeParse(safeJson(value)) : undefined;
  if (!parsed?.success) throw new StorageError(`${path}: no compaction manifest`);
  return parsed.data;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}
