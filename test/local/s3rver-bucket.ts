/**
 * A real S3 API server (s3rver) on 127.0.0.1 with one empty bucket, started before the test file's
 * tests and closed after them, for tests of code that speaks S3 through the AWS SDK.
 */
import { CreateBucketCommand, type S3Client } from '@aws-sdk/client-s3';
import S3rver from 's3rver';
import { afterAll, beforeAll } from 'vitest';
import { createS3Client } from '../../pipeline/storage/s3-client.ts';
import { tempDir } from '../pipeline/query/engine-fixture.ts';

/** Registers the server's start and stop; the returned function gives the client once started. */
export function useS3rverBucket(bucket: string, label: string): () => S3Client {
  let server: S3rver | undefined;
  let s3: S3Client | undefined;
  beforeAll(async () => {
    server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory: tempDir(label) });
    const { port } = await server.run();
    s3 = createS3Client({ endpoint: `http://127.0.0.1:${port}` });
    await s3.send(new CreateBucketCommand({ Bucket: bucket }));
  });
  afterAll(async () => {
    s3?.destroy();
    await server?.close();
  });
  return () => {
    if (!s3) throw new Error('the s3rver bucket is used before its beforeAll ran');
    return s3;
  };
}
