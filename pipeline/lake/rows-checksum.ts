import { createHash } from 'node:crypto';
import { DATASETS, type DatasetName } from '../../core/datasets/index.ts';
import type { LakeRow } from './parquet-writer.ts';

/**
 * Ingest asks for the checksum of the same accepted rows twice (the ledger record, then the lake
 * object's stamp); hashing a large upload costs seconds, so the answer is kept per rows array.
 * The rows are never changed after validation; a new array is hashed anew.
 */
const computed = new WeakMap<readonly LakeRow[], Map<DatasetName, string>>();

/**
 * A checksum of the rows a province-month holds, over the dataset's columns in schema order. The
 * ledger keeps it for the accepted upload and the lake object carries it, so a check can tell
 * whether the lake holds exactly the rows of the upload in force without reading the Parquet.
 */
export function rowsChecksum(dataset: DatasetName, rows: readonly LakeRow[]): string {
  const known = computed.get(rows)?.get(dataset);
  if (known !== undefined) return known;
  const keys = DATASETS[dataset].columns.map((c) => c.key);
  const hash = createHash('sha256');
  // The same bytes as one update per row, handed over in larger pieces: each update has a cost.
  let pending = '';
  for (const row of rows) {
    pending += `${JSON.stringify(keys.map((k) => row[k] ?? null))}\n`;
    if (pending.length > 65_536) {
      hash.update(pending);
      pending = '';
    }
  }
  hash.update(pending);
  const digest = hash.digest('hex');
  const byDataset = computed.get(rows) ?? new Map<DatasetName, string>();
  byDataset.set(dataset, digest);
  computed.set(rows, byDataset);
  return digest;
}
