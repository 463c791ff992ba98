/**
 * Publishes the refresh's site data files to the site bucket, sending only those whose bytes
 * changed. What the bucket holds is known from one manifest object beside them
 * (data/.published.json: key → SHA-256 of the bytes last PUT), read at the start: a container's
 * own memory would not do, since another container may have published since. The function may
 * read that one object only (infra/constructs/refresh-schedule.ts); a missing, unreadable or
 * malformed manifest means "publish everything", as before. Before the first PUT the manifest
 * forgets every file about to change, so a run cut off midway never leaves it claiming bytes
 * the bucket may not hold; after the last PUT it names them all.
 */
import { createHash } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { relative, sep } from 'node:path';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { z } from 'zod';
import { StorageError } from '../../core/errors.ts';

export const SITE_DATA_PREFIX = 'data/';
export const PUBLISHED_MANIFEST_KEY = `${SITE_DATA_PREFIX}.published.json`;

const manifest = z.record(z.string(), z.string().regex(/^[0-9a-f]{64}$/));
type Manifest = z.infer<typeof manifest>;

export interface Published {
  /** Every site data key of this refresh, sent or already in the bucket with these bytes. */
  keys: string[];
  /** The keys sent by this run. */
  sent: string[];
}

export async function publishSiteData(
  s3: S3Client,
  bucket: string,
  outDir: string,
  files: readonly string[],
): Promise<Published> {
  const before = await readManifest(s3, bucket);
  const entries = await Promise.all(
    files.map(async (file) => {
      // Bundles keep their folder: data/provinces/<code>/…
      const key = `${SITE_DATA_PREFIX}${relative(outDir, file).split(sep).join('/')}`;
      const body = await readFile(file);
      return { key, body, sha256: createHash('sha256').update(body).digest('hex') };
    }),
  );
  const changed = entries.filter((e) => before[e.key] !== e.sha256);
  if (changed.length > 0) {
    const kept: Manifest = { ...before };
    for (const e of changed) delete kept[e.key];
    await put(s3, bucket, PUBLISHED_MANIFEST_KEY, JSON.stringify(kept), 'no-store');
    for (const e of changed) {
      // The page must see a refresh within minutes, not after a day of caching.
      await put(s3, bucket, e.key, e.body, 'max-age=300');
    }
    const after = { ...kept, ...Object.fromEntries(changed.map((e) => [e.key, e.sha256])) };
    await put(s3, bucket, PUBLISHED_MANIFEST_KEY, JSON.stringify(after), 'no-store');
  }
  return { keys: entries.map((e) => e.key), sent: changed.map((e) => e.key) };
}

async function readManifest(s3: S3Client, bucket: string): Promise<Manifest> {
  try {
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: PUBLISHED_MANIFEST_KEY }));
    const parsed = manifest.safeParse(JSON.parse((await object.Body?.transformToString()) ?? 'null'));
    return parsed.success ? parsed.data : {};
  } catch {
    // Absent (without s3:ListBucket S3 answers a missing key with AccessDenied), or unreadable.
    return {};
  }
}

async function put(
  s3: S3Client,
  bucket: string,
  key: string,
  body: Uint8Array | string,
  cacheControl: string,
): Promise<void> {
  try {
    await s3.send(
      new PutObjectCommand({
        Bucket: bucket,
        Key: key,
        Body: body,
        ContentType: 'application/json; charset=utf-8',
        CacheControl: cacheControl,
      }),
    );
  } catch (error) {
    throw new StorageError(`cannot publish s3://${bucket}/${key}: ${String(error)}`, { cause: error });
  }
}
