/**
 * What doctor checks of the ledger's compacted months (pipeline/ledger/compact-ledger-month.ts):
 * Athena reads a compacted month's records from its object alone once they are archived, so the
 * object must hold every record archived under ledger-closed/ for that month, and nothing that is
 * no record at all. A record still under ledger/ may or may not be in it (a re-upload since the
 * compaction, or a compaction stopped between the copy and the removal): both read once.
 */
import { randomUUID } from 'node:crypto';
import { rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { compactedLedgerKey, LEDGER_COMPACTED_PREFIX } from '../../core/contracts/layout.ts';
import {
  parseClosedLedgerKey,
  parseCompactedLedgerKey,
  parseLedgerKey,
  type UploadRecordParts,
} from '../../core/contracts/layout-parse.ts';
import type { DatasetName } from '../../core/datasets/index.ts';
import type { Period } from '../../core/period.ts';
import { lakeDuckDB } from '../lake/duckdb-instance.ts';
import { readLedgerParquetIds } from '../ledger/ledger-parquet.ts';
import { listObjects } from '../storage/list-objects.ts';
import { readObject } from '../storage/object-bytes.ts';

/** `<dataset>/<YYYY-MM>`: a dataset-month, as the records' keys and the compacted keys name it. */
const monthOf = (parts: { dataset: string; period: string }) => `${parts.dataset}/${parts.period}`;

/**
 * The compacted ledger objects (and, for a month archived without one, the key it should have)
 * that disagree with the records: `ledgerKeys` and `archivedKeys` are listings of ledger/ and
 * ledger-closed/.
 */
export async function staleCompactedLedger(
  s3: S3Client,
  bucket: string,
  ledgerKeys: readonly string[],
  archivedKeys: readonly string[],
  tmpDir?: string,
): Promise<string[]> {
  const live = idsByMonth(ledgerKeys, parseLedgerKey);
  const archived = idsByMonth(archivedKeys, parseClosedLedgerKey);
  const compacted = new Map<string, string>();
  for (const o of await listObjects(s3, bucket, LEDGER_COMPACTED_PREFIX)) {
    const parts = parseCompactedLedgerKey(o.key);
    if (parts) compacted.set(monthOf(parts), o.key);
  }
  const stale: string[] = [];
  // Records archived and no object: Athena reads them nowhere.
  for (const [month, { dataset, period }] of archived) {
    if (!compacted.has(month)) stale.push(compactedLedgerKey(dataset, period));
  }
  for (const [month, key] of compacted) {
    const held = new Set(await idsOf(s3, bucket, key, tmpDir));
    const archivedIds = archived.get(month)?.ids ?? new Set<string>();
    const liveIds = live.get(month)?.ids ?? new Set<string>();
    const missing = [...archivedIds].some((id) => !held.has(id));
    const unknown = [...held].some((id) => !archivedIds.has(id) && !liveIds.has(id));
    if (missing || unknown) stale.push(key);
  }
  return [...new Set(stale)].sort();
}

interface MonthIds {
  dataset: DatasetName;
  period: Period;
  ids: Set<string>;
}

function idsByMonth(
  keys: readonly string[],
  parse: (key: string) => UploadRecordParts | null,
): Map<string, MonthIds> {
  const out = new Map<string, MonthIds>();
  for (const key of keys) {
    const parts = parse(key);
    if (!parts) continue;
    const month = monthOf(parts);
    const entry = out.get(month) ?? { dataset: parts.dataset, period: parts.period, ids: new Set<string>() };
    entry.ids.add(parts.uploadId);
    out.set(month, entry);
  }
  return out;
}

async function idsOf(s3: S3Client, bucket: string, key: string, tmpDir?: string): Promise<string[]> {
  const path = join(tmpDir ?? tmpdir(), `vss-doctor-ledger-${process.pid}-${randomUUID()}.parquet`);
  await writeFile(path, (await readObject(s3, bucket, key)).bytes);
  const connection = await (await lakeDuckDB()).connect();
  try {
    return await readLedgerParquetIds(connection, path);
  } catch {
    // An object that is no readable Parquet holds no record.
    return [];
  } finally {
    connection.closeSync();
    await rm(path, { force: true });
  }
}
