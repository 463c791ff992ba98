/**
 * Every stored version under a prefix, for replay and doctor on the deployed, versioned buckets:
 * a re-upload of the same file name hides the earlier version from a plain listing, and the
 * ledger names versions. ListObjectVersions pages by key and version-id markers. A bucket that
 * has never had versioning holds only current objects, so for it the plain listing is exact;
 * that is also the local s3rver, which implements neither versioning nor ListObjectVersions.
 */
import { GetBucketVersioningCommand, ListObjectVersionsCommand, type S3Client } from '@aws-sdk/client-s3';
import { StorageError } from '../../core/errors.ts';
import { listObjects, type ListedObject } from './list-objects.ts';

export type Versioning = 'enabled' | 'suspended' | 'never';

export async function bucketVersioning(s3: S3Client, bucket: string): Promise<Versioning> {
  try {
    const out = await s3.send(new GetBucketVersioningCommand({ Bucket: bucket }));
    if (out.Status === 'Enabled') return 'enabled';
    return out.Status === 'Suspended' ? 'suspended' : 'never';
  } catch (error) {
    throw new StorageError(`cannot read the versioning of s3://${bucket}`, { cause: error });
  }
}

/** Every version (delete markers left out), oldest first within a key; `versionId` set when versioned. */
export async function listVersions(s3: S3Client, bucket: string, prefix: string): Promise<ListedObject[]> {
  if ((await bucketVersioning(s3, bucket)) === 'never') return listObjects(s3, bucket, prefix);
  const out: ListedObject[] = [];
  let keyMarker: string | undefined;
  let versionIdMarker: string | undefined;
  try {
    for (;;) {
      const page = await s3.send(
        new ListObjectVersionsCommand({
          Bucket: bucket,
          Prefix: prefix,
          KeyMarker: keyMarker,
          VersionIdMarker: versionIdMarker,
        }),
      );
      for (const v of page.Versions ?? []) {
        if (!v.Key) continue;
        out.push({
          key: v.Key,
          versionId: v.VersionId && v.VersionId !== 'null' ? v.VersionId : undefined,
          eTag: (v.ETag ?? '').replaceAll('"', ''),
          size: v.Size ?? 0,
          lastModified: v.LastModified ?? new Date(0),
        });
      }
      if (!page.IsTruncated) break;
      keyMarker = page.NextKeyMarker;
      versionIdMarker = page.NextVersionIdMarker;
    }
  } catch (error) {
    throw new StorageError(`cannot list the versions of s3://${bucket}/${prefix}`, { cause: error });
  }
  return out.sort(
    (a, b) => a.key.localeCompare(b.key) || a.lastModified.getTime() - b.lastModified.getTime(),
  );
}
