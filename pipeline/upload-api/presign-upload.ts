/**
 * A short-lived URL to PUT exactly one upload: the key, the byte count and the SHA-256 are all
 * signed, so S3 refuses another key, another length or other bytes (and the versioned uploads
 * bucket never holds a body the page did not announce). The checksum must travel as a header,
 * not in the query string, or S3 would not check it; the page sends the headers returned here.
 */
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';

export const UPLOAD_URL_SECONDS = 300;

export interface PresignedUpload {
  url: string;
  method: 'PUT';
  /** Headers the PUT must carry with exactly these values (the signature covers them). */
  headers: Record<string, string>;
  expiresAt: string;
}

export function contentTypeOf(fileName: string): string {
  return /\.xlsx$/i.test(fileName)
    ? 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet'
    : 'text/csv';
}

export async function presignUpload(
  s3: S3Client,
  opts: { bucket: string; key: string; size: number; sha256Hex: string; now: Date },
): Promise<PresignedUpload> {
  const checksum = Buffer.from(opts.sha256Hex, 'hex').toString('base64');
  const contentType = contentTypeOf(opts.key);
  const url = await getSignedUrl(
    s3,
    new PutObjectCommand({
      Bucket: opts.bucket,
      Key: opts.key,
      ContentLength: opts.size,
      ContentType: contentType,
      ChecksumSHA256: checksum,
    }),
    {
      expiresIn: UPLOAD_URL_SECONDS,
      signingDate: opts.now,
      signableHeaders: new Set(['content-length', 'content-type']),
      unhoistableHeaders: new Set(['x-amz-checksum-sha256', 'x-amz-sdk-checksum-algorithm', 'content-type']),
    },
  );
  const signed = new URL(url).searchParams.get('X-Amz-SignedHeaders')?.split(';') ?? [];
  const known: Record<string, string> = {
    'content-type': contentType,
    'x-amz-checksum-sha256': checksum,
    'x-amz-sdk-checksum-algorithm': 'SHA256',
  };
  const headers: Record<string, string> = {};
  // host and content-length are set by the browser itself (and may not be set by a script).
  for (const name of signed) if (known[name] !== undefined) headers[name] = known[name];
  return {
    url,
    method: 'PUT',
    headers,
    expiresAt: new Date(opts.now.getTime() + UPLOAD_URL_SECONDS * 1000).toISOString(),
  };
}
