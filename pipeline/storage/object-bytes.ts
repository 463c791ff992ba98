import { Readable } from 'node:stream';
import {
  GetObjectCommand,
  NoSuchKey,
  PutObjectCommand,
  type PutObjectCommandInput,
  type S3Client,
} from '@aws-sdk/client-s3';
import { StorageError } from '../../core/errors.ts';

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

/** What a size-checked read finds: the object, or only its size and headers when it is too large. */
export type SizedRead =
  | { tooLarge: false; object: StoredObject }
  | { tooLarge: true; bytes: number; metadata: Record<string, string>; eTag: string | undefined };

/**
 * Reads an object unless its size, from the GET's own response headers, is over `maxBytes`: then
 * the body is dropped unread. One request where a HeadObject and then a GetObject took two, and
 * the size is that of the very version whose bytes would be read.
 */
export async function readObjectWithin(
  s3: S3Client,
  bucket: string,
  key: string,
  versionId: string | undefined,
  maxBytes: number,
): Promise<SizedRead> {
  try {
    const out = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: key, VersionId: versionId }));
    if (!out.Body) throw new StorageError(`s3://${bucket}/${key} has no body`);
    const bytes = out.ContentLength ?? 0;
    if (bytes > maxBytes) {
      dropBody(out.Body);
      return { tooLarge: true, bytes, metadata: out.Metadata ?? {}, eTag: out.ETag };
    }
    const object = {
      bytes: await out.Body.transformToByteArray(),
      metadata: out.Metadata ?? {},
      eTag: out.ETag,
      versionId: out.VersionId,
    };
    return { tooLarge: false, object };
  } catch (error) {
    if (error instanceof StorageError) throw error;
    throw new StorageError(`cannot read s3://${bucket}/${key}`, { cause: error });
  }
}

/** Ends a response body without reading it (in Node the SDK's body is a readable stream). */
function dropBody(body: unknown): void {
  if (body instanceof Readable) body.destroy();
}

/** True when the failure means the object is not there (as opposed to S3 being unreachable). */
export function isMissingObject(error: unknown): boolean {
  const cause = error instanceof StorageError ? error.cause : error;
  return cause instanceof NoSuchKey || (cause instanceof Error && cause.name === 'NoSuchKey');
}

/** One PUT of an object, its failure a StorageError naming it. */
async function putObject(
  s3: S3Client,
  input: { Bucket: string; Key: string; Body: Uint8Array | string; ContentType: string } & Omit<
    PutObjectCommandInput,
    'Bucket' | 'Key' | 'Body' | 'ContentType'
  >,
): Promise<void> {
  try {
    await s3.send(new PutObjectCommand(input));
  } catch (error) {
    throw new StorageError(`cannot write s3://${input.Bucket}/${input.Key}`, { cause: error });
  }
}

/**
 * Writes a value as a JSON object. `once`: refuse to replace an object already there (S3's
 * If-None-Match), for records that are written once and never changed.
 */
export function putJsonObject(
  s3: S3Client,
  bucket: string,
  key: string,
  value: unknown,
  options: { once?: boolean } = {},
): Promise<void> {
  return putObject(s3, {
    Bucket: bucket,
    Key: key,
    Body: JSON.stringify(value),
    ContentType: 'application/json',
    ...(options.once ? { IfNoneMatch: '*' } : {}),
  });
}

/** Writes the bytes of a Parquet file as an object, with its user metadata (x-amz-meta-*). */
export function putParquetObject(
  s3: S3Client,
  bucket: string,
  key: string,
  body: Uint8Array,
  metadata: Record<string, string>,
): Promise<void> {
  return putObject(s3, {
    Bucket: bucket,
    Key: key,
    Body: body,
    ContentType: 'application/vnd.apache.parquet',
    Metadata: metadata,
  });
}
