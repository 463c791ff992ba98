import { GetObjectCommand, NoSuchKey, type S3Client } from '@aws-sdk/client-s3';
import { StorageError } from '../errors.ts';

export interface StoredObject {
  bytes: Uint8Array;
  metadata: Record<string, string>;
  eTag: string | undefined;
  versionId: string | undefined;
}

/** Reads a whole object into memory; uploads and ledger records are small. */
export async function readObject(
  s3: S3Client,
  bucket: string,
  key: string,
  versionId?: string,
): Promise<StoredObject> {
  try {
    const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, VersionId: versionId }));
    if (!out.Body) throw new StorageError(`s3://${bucket}/${key} has no body`);
    return {
      bytes: await out.Body.transformToByteArray(),
      metadata: out.Metadata ?? {},
      eTag: out.ETag,
      versionId: out.VersionId,
    };
  } catch (error) {
    if (error instanceof StorageError) throw error;
    throw new StorageError(`cannot read s3://${bucket}/${key}`, { cause: error });
  }
}

/** True when the failure means the object is not there (as opposed to S3 being unreachable). */
export function isMissingObject(error: unknown): boolean {
  const cause = error instanceof StorageError ? error.cause : error;
  return cause instanceof NoSuchKey || (cause instanceof Error && cause.name === 'NoSuchKey');
}
