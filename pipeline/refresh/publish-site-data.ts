/**
 * Publishes the refresh's site data files to the site bucket, sending only those whose bytes
 * changed. What the bucket holds is known from one manifest object beside them
 * (data/.published.json: key → SHA-256 of the bytes last PUT), read at the start: a container's
 * own memory would not do, since another container may have published since. The function may
 * read that one object only (infra/constructs/refresh-schedule.ts); a missing, unreadable or
 * malformed manifest means "publish everything", as before. Before the first PUT the manifest
 * forgets every file about to change, so a run cut off midway never leaves it claiming bytes
 * the bucket may not hold; after the last PUT it names them all.
 *
 * Hashing every local file (about 41 MB at six years) is needed only when nothing vouches for the
 * files the refresh did not write. When the caller knows the other local files are exactly those
 * of a manifest (`baseline`: its SHA-256, from the container's last publish or from files fetched
 * and checked against it) and the bucket's manifest is still that one, only the files written are
 * hashed; the others keep the manifest's claim, which was true of the bucket and is left as it was.
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
export type Manifest = z.infer<typeof manifest>;

export interface Published {
  /** Every site data key of this refresh, sent or already in the bucket with these bytes. */
  keys: string[];
  /** The keys sent by this run. */
  sent: string[];
  /** SHA-256 of the manifest's bytes in the bucket now (undefined: there is none). */
  manifest: string | undefined;
}

export interface PublishOptions {
  /** The files this refresh wrote; with `baseline`, the only ones hashed. */
  written?: readonly string[];
  /** SHA-256 of the manifest every local file not written is known to match. */
  baseline?: string;
  /** Keys whose bucket bytes are known to differ from the manifest's claim: sent whatever it says. */
  resend?: readonly string[];
}

const sha256Of = (bytes: Uint8Array | string) => createHash('sha256').update(bytes).digest('hex');

/** A site data key of a local file: bundles keep their folder (data/provinces/<code>/…). */
export const siteDataKey = (outDir: string, file: string) =>
  `${SITE_DATA_PREFIX}${relative(outDir, file).split(sep).join('/')}`;

export async function publishSiteData(
  s3: S3Client,
  bucket: string,
  outDir: string,
  files: readonly string[],
  options: PublishOptions = {},
): Promise<Published> {
  const read = await readManifest(s3, bucket);
  const before: Manifest = { ...read.entries };
  for (const key of options.resend ?? []) delete before[key];
  const trusted =
    options.baseline !== undefined && read.sha256 === options.baseline && options.written !== undefined;
  const written = new Set(options.written);
  const keys = files.map((file) => siteDataKey(outDir, file));
  // Not hashed: a file this run did not write whose bytes the trusted manifest names.
  const claimed = (file: string, key: string) => trusted && !written.has(file) && before[key] !== undefined;
  const entries = await Promise.all(
    files
      .map((file, i) => ({ file, key: keys[i] ?? siteDataKey(outDir, file) }))
      .filter(({ file, key }) => !claimed(file, key))
      .map(async ({ file, key }) => {
        const body = await readFile(file);
        return { key, body, sha256: sha256Of(body) };
      }),
  );
  const changed = entries.filter((e) => before[e.key] !== e.sha256);
  if (changed.length === 0) {
    return { keys, sent: [], manifest: read.sha256 };
  }
  const kept: Manifest = { ...before };
  for (const e of changed) delete kept[e.key];
  await put(s3, bucket, PUBLISHED_MANIFEST_KEY, JSON.stringify(kept), 'no-store');
  for (const e of changed) {
    // The page must see a refresh within minutes, not after a day of caching.
    await put(s3, bucket, e.key, e.body, 'max-age=300');
  }
  const after = JSON.stringify({ ...kept, ...Object.fromEntries(changed.map((e) => [e.key, e.sha256])) });
  await put(s3, bucket, PUBLISHED_MANIFEST_KEY, after, 'no-store');
  return { keys, sent: changed.map((e) => e.key), manifest: sha256Of(after) };
}

/** The manifest's entries and the SHA-256 of its bytes; empty and undefined when there is none. */
export async function readManifest(
  s3: S3Client,
  bucket: string,
): Promise<{ entries: Manifest; sha256: string | undefined }> {
  try {
    const object = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: PUBLISHED_MANIFEST_KEY }));
    const text = (await object.Body?.transformToString()) ?? 'null';
    const parsed = manifest.safeParse(JSON.parse(text));
    return parsed.success
      ? { entries: parsed.data, sha256: sha256Of(text) }
      : { entries: {}, sha256: undefined };
  } catch {
    // Absent (without s3:ListBucket S3 answers a missing key with AccessDenied), or unreadable.
    return { entries: {}, sha256: undefined };
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
