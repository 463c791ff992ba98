/**
 * The marked workbook goes back as a link, not a body: a Lambda response stops at 6 MB (less
 * once base64-encoded), and a CSV over about 7 MB marks up past it. The copy is written under
 * annotated/ (expired after a day by a lifecycle rule) and the API answers 303 to a GET URL
 * signed for five minutes, which names the file for the download.
 */
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { getSignedUrl } from '@aws-sdk/s3-request-presigner';
import { StorageError } from '../../core/errors.ts';
import { annotatedKey, type UploadLocation } from '../../core/contracts/layout.ts';

export const ANNOTATED_URL_SECONDS = 300;
const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export async function annotatedLink(
  s3: S3Client,
  o: {
    bucket: string;
    location: UploadLocation;
    uploadId: string;
    fileName: string;
    bytes: Uint8Array;
    now: Date;
  },
): Promise<string> {
  const key = annotatedKey(o.location, o.uploadId);
  try {
    await s3.send(new PutObjectCommand({ Bucket: o.bucket, Key: key, Body: o.bytes, ContentType: XLSX }));
  } catch (error) {
    throw new StorageError(`cannot write s3://${o.bucket}/${key}`, { cause: error });
  }
  const disposition = `attachment; filename="${o.fileName.replace(/[^\w.-]/g, '_')}"`;
  return getSignedUrl(
    s3,
    new GetObjectCommand({
      Bucket: o.bucket,
      Key: key,
      ResponseContentDisposition: disposition,
      ResponseContentType: XLSX,
    }),
    { expiresIn: ANNOTATED_URL_SECONDS, signingDate: o.now },
  );
}
