/**
 * Every object under a prefix, listed with ListObjects (v1) and markers: s3rver cannot page
 * ListObjectsV2, and AWS pages both alike. Replay and doctor read whole buckets with it.
 */
import { DeleteObjectsCommand, ListObjectsCommand, type S3Client } from '@aws-sdk/client-s3';
import { StorageError } from '../../core/errors.ts';

export interface ListedObject {
  key: string;
  /** Set only by listVersions (list-versions.ts), on a versioned bucket. */
  versionId?: string;
  eTag: string;
  size: number;
  lastModified: Date;
}

export async function listObjects(s3: S3Client, bucket: string, prefix: string): Promise<ListedObject[]> {
  const out: ListedObject[] = [];
  let marker: string | undefined;
  try {
    for (;;) {
      const page = await s3.send(new ListObjectsCommand({ Bucket: bucket, Prefix: prefix, Marker: marker }));
      const contents = page.Contents ?? [];
      for (const o of contents) {
        if (!o.Key) continue;
        out.push({
          key: o.Key,
          eTag: (o.ETag ?? '').replaceAll('"', ''),
          size: o.Size ?? 0,
          lastModified: o.LastModified ?? new Date(0),
        });
      }
      if (!page.IsTruncated || contents.length === 0) break;
      marker = contents.at(-1)?.Key;
    }
  } catch (error) {
    throw new StorageError(`cannot list s3://${bucket}/${prefix}`, { cause: error });
  }
  return out;
}

/** Deletes every object under `prefix`, a thousand per request (S3's limit). */
export async function deleteAll(s3: S3Client, bucket: string, prefix: string): Promise<number> {
  const keys = (await listObjects(s3, bucket, prefix)).map((o) => o.key);
  for (let i = 0; i < keys.length; i += 1000) {
    const batch = keys.slice(i, i + 1000).map((Key) => ({ Key }));
    try {
      await s3.send(new DeleteObjectsCommand({ Bucket: bucket, Delete: { Objects: batch, Quiet: true } }));
    } catch (error) {
      throw new StorageError(`cannot delete under s3://${bucket}/${prefix}`, { cause: error });
    }
  }
  return keys.length;
}
