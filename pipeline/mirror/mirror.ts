/**
 * DuckDB here cannot read S3 (no httpfs offline), so the queries read a local copy of the lake
 * bucket's prefixes. The copy is incremental: an object whose size and ETag are those recorded in
 * the index is not downloaded again, and a local file whose object is gone is deleted, so a
 * replaced or withdrawn province-month never lingers in the figures.
 */
import { existsSync } from 'node:fs';
import { mkdir, readFile, rename, rm, rmdir, writeFile } from 'node:fs/promises';
import { dirname, join, resolve, sep } from 'node:path';
import { GetObjectCommand, ListObjectsCommand, type S3Client } from '@aws-sdk/client-s3';
import { StorageError } from '../../core/errors.ts';
import { journaled, remoteStamp } from './mirror-journal.ts';
import { holdsObject } from './mirror-holds.ts';
import { indexSchema, MIRROR_INDEX, type MirrorIndex } from './mirror-listing.ts';

export interface MirrorOptions {
  s3: S3Client;
  bucket: string;
  dir: string;
  prefixes: string[];
  /** Downloads at a time. */
  concurrency?: number;
  /** Keys per listing page (S3's default and maximum is 1000). */
  pageSize?: number;
}

/** An object as a listing gives it: no GET. */
export interface ListedObject {
  size: number;
  etag: string;
}

export interface MirrorReport {
  downloaded: number;
  deleted: number;
  unchanged: number;
}

const INDEX_FILE = MIRROR_INDEX;

async function readIndex(dir: string): Promise<MirrorIndex> {
  try {
    return indexSchema.parse(JSON.parse(await readFile(join(dir, INDEX_FILE), 'utf8')));
  } catch {
    return {}; // no index (or a damaged one): everything is downloaded again, which is safe
  }
}

/**
 * Writes through a temporary file and a rename, so a reader sees the old file or the new one.
 * `made` holds the folders this sync already created: a mirror has one folder per province-month,
 * and asking for each of them again for every object cost more than writing the objects.
 */
export async function writeAtomically(
  path: string,
  body: Uint8Array | string,
  made?: Set<string>,
): Promise<void> {
  const folder = dirname(path);
  if (!made?.has(folder)) {
    await mkdir(folder, { recursive: true });
    made?.add(folder);
  }
  const temporary = `${path}.${process.pid}.tmp`;
  await writeFile(temporary, body);
  await rename(temporary, path);
}

/**
 * Removes a mirrored file and the folders it leaves empty, up to the mirror's root: S3 has no
 * folders, so a month whose per-province objects were compacted away leaves none behind, and the
 * views' walks of the per-province globs would otherwise open thousands of empty ones.
 */
export async function removeMirrored(dir: string, key: string): Promise<void> {
  const root = resolve(dir);
  const path = localPath(dir, key);
  await rm(path, { force: true });
  for (let folder = dirname(path); folder.startsWith(root + sep); folder = dirname(folder)) {
    try {
      await rmdir(folder);
    } catch {
      return; // a folder that still holds anything: the walk up stops there
    }
  }
}

/** The local path of a key, refusing keys that would land outside the mirror. */
export function localPath(dir: string, key: string): string {
  const root = resolve(dir);
  const path = resolve(root, key);
  if (!path.startsWith(root + sep))
    throw new StorageError(`refusing to mirror the key ${JSON.stringify(key)}`);
  return path;
}

/**
 * Lists with ListObjects (v1) and Marker = the last key seen. ListObjectsV2 cannot page on s3rver:
 * it builds every NextContinuationToken with DES, which OpenSSL 3 refuses, so any truncated
 * listing answered 500. S3 itself lists the same keys either way when no delimiter is used.
 */
export async function listObjects(
  s3: S3Client,
  bucket: string,
  prefix: string,
  pageSize?: number,
): Promise<Map<string, ListedObject>> {
  const found = new Map<string, ListedObject>();
  let marker: string | undefined;
  for (;;) {
    const page = await s3.send(
      new ListObjectsCommand({ Bucket: bucket, Prefix: prefix, Marker: marker, MaxKeys: pageSize }),
    );
    const contents = page.Contents ?? [];
    for (const object of contents) {
      if (object.Key === undefined || object.Key.endsWith('/')) continue;
      found.set(object.Key, { size: object.Size ?? 0, etag: object.ETag ?? '' });
    }
    const last = contents.at(-1)?.Key;
    if (!page.IsTruncated || last === undefined) return found;
    marker = last;
  }
}

/** Runs `work` on every item, `size` at a time. */
export async function inPool<T>(items: T[], size: number, work: (item: T) => Promise<void>): Promise<void> {
  let next = 0;
  const worker = async () => {
    while (next < items.length) {
      const item = items[next++] as T;
      await work(item);
    }
  };
  await Promise.all(Array.from({ length: Math.min(size, items.length) }, worker));
}

export async function syncMirror(opts: MirrorOptions): Promise<MirrorReport> {
  const index = await readIndex(opts.dir);
  const remote = new Map<string, { size: number; etag: string }>();
  try {
    for (const prefix of opts.prefixes) {
      for (const [key, meta] of await listObjects(opts.s3, opts.bucket, prefix, opts.pageSize))
        remote.set(key, meta);
    }
  } catch (error) {
    throw new StorageError(`cannot list s3://${opts.bucket}: ${String(error)}`, { cause: error });
  }
  const inScope = (key: string) => opts.prefixes.some((p) => key.startsWith(p));
  const stale = Object.keys(index).filter((key) => inScope(key) && !remote.has(key));
  for (const key of stale) {
    await removeMirrored(opts.dir, key);
    delete index[key];
  }
  const wanted = [...remote].filter(([key, meta]) => {
    const known = index[key];
    return (
      !known || known.size !== meta.size || known.etag !== meta.etag || !existsSync(localPath(opts.dir, key))
    );
  });
  const made = new Set<string>();
  await inPool(wanted, opts.concurrency ?? 8, async ([key, meta]) => {
    try {
      const path = localPath(opts.dir, key);
      if (await holdsObject(path, meta)) {
        index[key] = meta;
        return;
      }
      const object = await opts.s3.send(new GetObjectCommand({ Bucket: opts.bucket, Key: key }));
      if (!object.Body) throw new Error('empty body');
      await writeAtomically(path, await object.Body.transformToByteArray(), made);
    } catch (error) {
      if (error instanceof StorageError) throw error;
      throw new StorageError(`cannot download s3://${opts.bucket}/${key}: ${String(error)}`, {
        cause: error,
      });
    }
    index[key] = meta;
  });
  // Rewritten only when something changed: its stamp tells the refresh whether to look further, and
  // the journal which keys to look at.
  if (wanted.length > 0 || stale.length > 0 || !existsSync(join(opts.dir, INDEX_FILE))) {
    const changes = new Map<string, string | null>(stale.map((key) => [key, null]));
    for (const [key, meta] of wanted) changes.set(key, remoteStamp(meta));
    await journaled(opts.dir, changes, () =>
      writeAtomically(join(opts.dir, INDEX_FILE), JSON.stringify(index)),
    );
  }
  return { downloaded: wanted.length, deleted: stale.length, unchanged: remote.size - wanted.length };
}
