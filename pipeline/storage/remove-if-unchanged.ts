/**
 * Removes an object unless it changed since it was read: what compaction does with each object it
 * folded in (pipeline/lake/compact-month.ts, pipeline/ledger/compact-ledger-month.ts). A re-upload
 * that landed meanwhile must stay, and it wins. The HEAD sees that here; S3's conditional delete
 * (If-Match) closes the gap between the HEAD and the removal where the store honours it.
 */
import { DeleteObjectCommand, HeadObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { StorageError } from '../../core/errors.ts';

/** True when removed; false when it changed or was gone already. */
export async function removeIfUnchanged(
  s3: S3Client,
  bucket: string,
  key: string,
  eTag: string,
): Promise<boolean> {
  try {
    const head = await s3.send(new HeadObjectCommand({ Bucket: bucket, Key: key }));
    if (head.ETag !== eTag) return false;
    await s3.send(new DeleteObjectCommand({ Bucket: bucket, Key: key, IfMatch: eTag }));
    return true;
  } catch (error) {
    if (error instanceof Error && (error.name === 'NotFound' || error.name === 'NoSuchKey')) return false;
    // Changed between the HEAD and the removal: kept, as it must be.
    if (error instanceof Error && error.name === 'PreconditionFailed') return false;
    throw new StorageError(`cannot remove s3://${bucket}/${key}`, { cause: error });
  }
}
