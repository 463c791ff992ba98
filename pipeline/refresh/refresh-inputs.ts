/**
 * The lake objects a DuckDB refresh reads, as a listing names them (key, size, ETag): everything
 * under refreshMirrorPrefixes() and the employer-level debt of one month, the latest with a debt
 * summary (its police lists). The same set is taken from the bucket's listing (a new container,
 * refresh-cold-start.ts) and from the mirror's index after a sync (the full path), so the stored
 * state's per-month inputs (stored-state.ts) compare like with like.
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import { periodOfKey } from '../../core/contracts/layout-parse.ts';
import { SUMMARIES_PREFIX } from '../../core/contracts/layout.ts';
import { StorageError } from '../../core/errors.ts';
import { indexSchema, MIRROR_INDEX } from '../mirror/mirror-listing.ts';
import { listObjects, type ListedObject } from '../mirror/mirror.ts';
import { debtMonthPrefix } from './refresh-bundles.ts';
import { refreshMirrorPrefixes } from './refresh.ts';

export interface RefreshInputs {
  /** Every object the refresh reads, by key. */
  objects: Map<string, ListedObject>;
  /** The month of employer-level debt among them, if any. */
  debtMonth: string | undefined;
}

const DEBT_SUMMARIES = `${SUMMARIES_PREFIX}debt/`;

/** The latest month with a debt summary among the keys: the one whose detail the refresh reads. */
function latestDebtMonth(keys: Iterable<string>): string | undefined {
  let latest: string | undefined;
  for (const key of keys) {
    if (!key.startsWith(DEBT_SUMMARIES)) continue;
    const month = periodOfKey(key);
    if (month !== null && (latest === undefined || month > latest)) latest = month;
  }
  return latest;
}

/** The refresh's inputs from the lake bucket's listing: no object is read. */
export async function listRefreshInputs(s3: S3Client, bucket: string): Promise<RefreshInputs> {
  const list = async (prefix: string) => {
    try {
      return await listObjects(s3, bucket, prefix);
    } catch (error) {
      throw new StorageError(`cannot list s3://${bucket}/${prefix}: ${String(error)}`, { cause: error });
    }
  };
  // A listing pages one request after another: the prefixes are listed side by side.
  const pages = await Promise.all(refreshMirrorPrefixes().map(list));
  const objects = new Map<string, ListedObject>(pages.flatMap((found) => [...found]));
  const debtMonth = latestDebtMonth(objects.keys());
  if (debtMonth !== undefined)
    for (const entry of await list(debtMonthPrefix(debtMonth))) objects.set(...entry);
  return { objects, debtMonth };
}

/**
 * The same set from a synced mirror's index (which may also hold earlier months of debt detail,
 * left from when they were the latest); undefined without an index.
 */
export function mirroredInputs(mirrorDir: string): RefreshInputs | undefined {
  const path = join(mirrorDir, MIRROR_INDEX);
  if (!existsSync(path)) return undefined;
  let parsed;
  try {
    parsed = indexSchema.safeParse(JSON.parse(readFileSync(path, 'utf8')));
  } catch {
    return undefined;
  }
  if (!parsed.success) return undefined;
  const prefixes = refreshMirrorPrefixes();
  const debtMonth = latestDebtMonth(Object.keys(parsed.data));
  if (debtMonth !== undefined) prefixes.push(debtMonthPrefix(debtMonth));
  const objects = new Map<string, ListedObject>();
  for (const [key, meta] of Object.entries(parsed.data)) {
    if (prefixes.some((p) => key.startsWith(p))) objects.set(key, meta);
  }
  return { objects, debtMonth };
}
