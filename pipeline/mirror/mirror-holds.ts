/**
 * Whether a file already in the mirror holds an object's bytes, so the sync need not download it:
 * the size the listing gives and the MD5 of the file equal to the object's ETag, which S3 (and
 * s3rver) set to the MD5 of the bytes for a single-part PUT. A multipart ETag ("…-N") or any
 * other doubt answers no, and the object is downloaded as before.
 */
import { createHash } from 'node:crypto';
import { readFile, stat } from 'node:fs/promises';

const SINGLE_PART_ETAG = /^[0-9a-f]{32}$/;

export async function holdsObject(path: string, remote: { size: number; etag: string }): Promise<boolean> {
  const etag = remote.etag.replaceAll('"', '').toLowerCase();
  if (!SINGLE_PART_ETAG.test(etag)) return false;
  try {
    if ((await stat(path)).size !== remote.size) return false;
    return (
      createHash('md5')
        .update(await readFile(path))
        .digest('hex') === etag
    );
  } catch {
    return false; // no such file (the usual case) or unreadable: download it
  }
}
