import { S3Client } from '@aws-sdk/client-s3';

export interface S3Settings {
  /** A local S3-compatible endpoint (s3rver on 127.0.0.1); absent in AWS. */
  endpoint?: string;
  region?: string;
}

/** s3rver accepts only these credentials; they open nothing outside this machine. */
const LOCAL_CREDENTIALS = { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' };

/**
 * The one way the platform makes an S3 client. Against a local endpoint it uses path-style
 * addressing and s3rver's credentials, and it sends checksums only when required: with the
 * SDK's newer defaults s3rver stores the chunk framing inside the object, silently corrupting it.
 */
export function createS3Client(settings: S3Settings = {}): S3Client {
  const region = settings.region ?? process.env.AWS_REGION ?? 'ap-southeast-1';
  if (!settings.endpoint) return new S3Client({ region });
  return new S3Client({
    region,
    endpoint: settings.endpoint,
    forcePathStyle: true,
    credentials: LOCAL_CREDENTIALS,
    requestChecksumCalculation: 'WHEN_REQUIRED',
    responseChecksumValidation: 'WHEN_REQUIRED',
  });
}
