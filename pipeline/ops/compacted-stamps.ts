/**
 * What doctor learns from the compacted months (pipeline/lake/compact-month.ts): for every
 * province a compacted object holds, the stamp it records for it (the upload, row count and
 * checksum the per-province object had), so the ledger check treats it as the province's lake
 * object wherever no per-province object is left; and whether the object's rows are still those
 * it records, by counting and digesting them again: an object whose rows were altered is reported.
 */
import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { provinceMonthName } from '../../core/contracts/layout.ts';
import { parseCompactedLakeKey, parseCompactedSummaryKey } from '../../core/contracts/layout-parse.ts';
import { lakeDuckDB } from '../lake/duckdb-instance.ts';
import {
  digestScheme,
  readManifest,
  rowsDigestSql,
  type CompactedManifest,
} from '../lake/compacted-manifest.ts';
import type { LakeStamp } from '../lake/write-partition.ts';
import { readObject } from '../storage/object-bytes.ts';

const quoteLiteral = (text: string) => `'${text.replaceAll("'", "''")}'`;

export interface CompactedStamps {
  /** Per province-month ("dataset/period/province"): the lake stamp its compacted object records. */
  lake: Map<string, LakeStamp>;
  /** Per province-month: the upload its compacted summary was computed from. */
  summaries: Map<string, string>;
  /** Compacted objects whose rows disagree with their own record. */
  altered: string[];
}

/** Reads and checks every compacted object among `keys` (a listing of lake/ and summaries/). */
export async function readCompactedStamps(
  s3: S3Client,
  bucket: string,
  keys: readonly string[],
  tmpDir?: string,
): Promise<CompactedStamps> {
  const out: CompactedStamps = { lake: new Map(), summaries: new Map(), altered: [] };
  for (const key of keys) {
    const lake = parseCompactedLakeKey(key);
    const summary = lake ? null : parseCompactedSummaryKey(key);
    const month = lake ?? summary;
    if (!month) continue;
    const checked = await checkObject(s3, bucket, key, tmpDir);
    // Altered or not, what it records still stands for its provinces in the ledger check.
    if (!checked.agrees) out.altered.push(key);
    for (const [province, entry] of Object.entries(checked.manifest?.provinces ?? {})) {
      const pm = provinceMonthName(month.dataset, month.period, province);
      if (lake) out.lake.set(pm, entry);
      else out.summaries.set(pm, entry.uploadId);
    }
  }
  return out;
}

/** A compacted object's manifest (none: unreadable) and whether its rows agree with it. */
async function checkObject(
  s3: S3Client,
  bucket: string,
  key: string,
  tmpDir?: string,
): Promise<{ manifest?: CompactedManifest; agrees: boolean }> {
  const path = join(tmpDir ?? tmpdir(), `vss-doctor-compacted-${randomUUID()}.parquet`);
  const connection = await (await lakeDuckDB()).connect();
  try {
    await writeFile(path, (await readObject(s3, bucket, key)).bytes);
    let manifest: CompactedManifest;
    try {
      manifest = await readManifest(connection, path);
    } catch {
      return { agrees: false };
    }
    const rows =
      `(SELECT * EXCLUDE (file_row_number), row_number() OVER (PARTITION BY province ORDER BY file_row_number) ` +
      `AS file_row FROM read_parquet(${quoteLiteral(path)}, file_row_number = true))`;
    const counts = await connection.runAndReadAll(`SELECT province, count(*) FROM ${rows} GROUP BY province`);
    const counted = new Map(counts.getRowsJS().map(([p, n]) => [String(p), Number(n)]));
    const isLake = parseCompactedLakeKey(key) !== null;
    // A summary's entry counts no rows (compaction-sources.ts); a lake entry its accepted rows.
    const countsAgree =
      (!isLake ||
        Object.entries(manifest.provinces).every(([p, entry]) => (counted.get(p) ?? 0) === entry.rows)) &&
      [...counted.keys()].every((p) => p in manifest.provinces);
    // The digests are of DuckDB's text of the rows: comparable under the same DuckDB version only.
    let digestsAgree = true;
    if (manifest.digestScheme === digestScheme()) {
      const digests = await connection.runAndReadAll(rowsDigestSql(rows));
      const found = Object.fromEntries(digests.getRowsJS().map(([p, d]) => [String(p), String(d)]));
      digestsAgree = JSON.stringify(sorted(found)) === JSON.stringify(sorted(manifest.digests));
    }
    return { manifest, agrees: countsAgree && digestsAgree };
  } finally {
    connection.closeSync();
    await rm(path, { force: true });
  }
}

const sorted = (record: Record<string, string>) =>
  Object.fromEntries(Object.entries(record).sort(([a], [b]) => a.localeCompare(b)));
