import { createHash } from 'node:crypto';
import { DATASETS, type DatasetName } from '../datasets/index.ts';
import type { LakeRow } from './parquet-writer.ts';

/**
 * A checksum of the rows a province-month holds, over the dataset's columns in schema order. The
 * ledger keeps it for the accepted upload and the lake object carries it, so a check can tell
 * whether the lake holds exactly the rows of the upload in force without reading the Parquet.
 */
export function rowsChecksum(dataset: DatasetName, rows: readonly LakeRow[]): string {
  const keys = DATASETS[dataset].columns.map((c) => c.key);
  const hash = createHash('sha256');
  for (const row of rows) hash.update(JSON.stringify(keys.map((k) => row[k] ?? null))).update('\n');
  return hash.digest('hex');
}
