// A listing for the local S3 that reads only the folder its prefix names. s3rver answers every
// ListObjects by walking its bucket folder from the top and stat-ing each entry on the way down,
// so listing one province-month's ledger stat-ed every dataset, month and province folder beside
// it: about a hundred syscalls a list, three lists an upload, more with every month of history.
// This one reads the prefix's own folder and what is below it, by directory entry types (no stat),
// and answers as S3 does: keys in byte order, after the marker, at most max-keys, truncated flag.
// Listings with a delimiter, or prefixes s3rver's path mapping would normalise, go to s3rver's own.
// Plain JavaScript: it runs on the S3 thread, which has no TypeScript loader.
import { createRequire } from 'node:module';
import { readdir } from 'node:fs/promises';
import { join } from 'node:path';
import { Buffer } from 'node:buffer';

const require = createRequire(import.meta.url);
const S3Object = require('s3rver/lib/models/object');

const OBJECT_SUFFIX = '._S3rver_object';

const byBytes = (a, b) => Buffer.compare(Buffer.from(a), Buffer.from(b));

/**
 * Keys (relative to the bucket) at or below `folder` (relative, ending in '/') that start with
 * `prefix` and sort after `startAfter`, in byte order, stopping once `limit` are found: a page
 * reads only the folders its keys are in, not every folder of the prefix again for every page.
 * Every key below a folder starts with the folder's path, so a folder that sorts before
 * `startAfter` without being a start of it holds no key after it, and one that sorts after it
 * holds only such keys; it is the same test for the prefix.
 */
async function keysBelow(bucketPath, folder, prefix, startAfter, limit, keys = []) {
  let entries;
  try {
    entries = await readdir(join(bucketPath, folder), { withFileTypes: true });
  } catch (error) {
    if (error.code === 'ENOENT' || error.code === 'ENOTDIR') return keys;
    throw error;
  }
  const named = [];
  for (const entry of entries) {
    if (entry.isDirectory()) named.push({ path: `${folder}${entry.name}/`, folder: true });
    else if (entry.name.endsWith(OBJECT_SUFFIX))
      named.push({ path: `${folder}${entry.name.slice(0, -OBJECT_SUFFIX.length)}`, folder: false });
  }
  named.sort((a, b) => byBytes(a.path, b.path));
  for (const { path, folder: isFolder } of named) {
    if (keys.length >= limit) break;
    if (isFolder) {
      const mayHoldPrefix = path.startsWith(prefix) || prefix.startsWith(path);
      const mayFollow = byBytes(path, startAfter) > 0 || startAfter.startsWith(path);
      if (mayHoldPrefix && mayFollow) await keysBelow(bucketPath, path, prefix, startAfter, limit, keys);
    } else if (path.startsWith(prefix) && byBytes(path, startAfter) > 0) keys.push(path);
  }
  return keys;
}

/** The folder part of a prefix, when it maps onto the disk as it is (no empty, '.' or '..' parts). */
function plainFolder(prefix) {
  const folder = prefix.slice(0, prefix.lastIndexOf('/') + 1);
  if (folder === '') return undefined;
  const parts = folder.slice(0, -1).split('/');
  return parts.every((p) => p !== '' && p !== '.' && p !== '..') ? folder : undefined;
}

/** Replaces `store.listObjects` (s3rver's FilesystemStore) for delimiter-free, folder prefixes. */
export function listByPrefixFolder(store) {
  const walkingList = store.listObjects.bind(store);
  store.listObjects = async (bucket, options) => {
    const { delimiter = '', startAfter = '', prefix = '', maxKeys = Infinity } = options;
    const folder = plainFolder(prefix);
    if (delimiter || folder === undefined || process.platform === 'win32')
      return walkingList(bucket, options);
    // One key past the page says whether it is truncated.
    const limit = maxKeys === Infinity ? Infinity : maxKeys + 1;
    const all = await keysBelow(store.getBucketPath(bucket), folder, prefix, startAfter, limit);
    const keys = all.slice(0, maxKeys);
    const metadata = await Promise.all(
      keys.map((key) =>
        store.getMetadata(bucket, key).catch((error) => {
          if (error.code === 'ENOENT') return undefined; // deleted while listed
          throw error;
        }),
      ),
    );
    const objects = [];
    keys.forEach((key, i) => {
      if (metadata[i] !== undefined) objects.push(new S3Object(bucket, key, null, metadata[i]));
    });
    return { objects, commonPrefixes: [], isTruncated: all.length > keys.length };
  };
}
