/**
 * Both validation paths on one upload, and everything they must agree on: the same receipt
 * (deep-equal) and, for a file the DuckDB path takes, the same rows in the lake file, the same
 * Parquet bytes and so the same checksum (v2, of those bytes).
 */
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { expect } from 'vitest';
import type { DatasetName } from '../../../core/datasets/index.ts';
import { writeParquetFile } from '../../../pipeline/lake/parquet-writer.ts';
import { readPreparedRows } from '../../../pipeline/lake/prepared-lake.ts';
import { lakeFileChecksum } from '../../../pipeline/lake/lake-checksum.ts';
import { validateUpload, type ValidationResult } from '../../../pipeline/validate/index.ts';

export const fastLocation = (dataset: DatasetName) =>
  ({ dataset, period: '2026-06', province: '79', fileName: 'upload.csv' }) as const;

export async function bothPaths(
  u: { dataset: DatasetName; bytes: Uint8Array },
  dir: string,
): Promise<{ js: ValidationResult; fast: ValidationResult }> {
  const input = {
    bytes: u.bytes,
    key: `uploads/${u.dataset}/2026-10/79/upload.csv`,
    location: fastLocation(u.dataset),
    receivedAt: '2026-11-05T02:00:00.000Z',
    now: new Date('2026-11-05T02:00:00.000Z'),
  };
  const js = await validateUpload(input);
  const fast = await validateUpload({ ...input, fastPath: { tmpDir: dir, minBytes: 0 } });
  return { js, fast };
}

/** Everything the two paths must agree on; throws on the first difference. */
export async function expectSameOutcome(
  u: { dataset: DatasetName },
  js: ValidationResult,
  fast: ValidationResult,
  dir: string,
): Promise<void> {
  expect(fast.receipt).toStrictEqual(js.receipt);
  if (!fast.lake) {
    expect(fast.rows).toStrictEqual(js.rows);
    return;
  }
  expect(fast.rows).toStrictEqual([]);
  expect(fast.lake.rows).toBe(js.rows.length);
  expect(await readPreparedRows(fast.lake)).toStrictEqual(js.rows);
  const written = join(dir, `js-${u.dataset}.parquet`);
  await writeParquetFile(u.dataset, fastLocation(u.dataset).period, js.rows, written);
  expect(Buffer.compare(await readFile(fast.lake.path), await readFile(written))).toBe(0);
  // The v2 checksum is of those bytes: the JavaScript path's file gives the same value.
  expect(fast.lake.rowsSha256).toBe(lakeFileChecksum(await readFile(written)));
}
