/**
 * The local S3: s3rver on 127.0.0.1 with the data kept under <data-dir>/s3 across runs, the two
 * buckets the pipeline uses, and its object-created notifications delivered, shaped and encoded as
 * AWS delivers them, to an event handler (the ingest handler) through a bounded queue.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { S3Client } from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import S3rver from 's3rver';
import { encodeEventKey } from '../../functions/ingest/event-key.ts';
import { localPaths } from '../layout.ts';
import { createS3Client } from '../storage/s3-client.ts';
import { createEventQueue } from './event-queue.ts';

export const LOCAL_UPLOADS_BUCKET = 'vss-uploads';
export const LOCAL_LAKE_BUCKET = 'vss-lake';

export interface LocalS3Options {
  dataDir: string;
  /** 0 or absent: any free port. */
  port?: number;
  onEvent?: (event: S3Event) => Promise<void>;
  concurrency?: number;
  log?: (message: string) => void;
}

export interface LocalS3 {
  endpoint: string;
  client: S3Client;
  uploadsBucket: string;
  lakeBucket: string;
  /** Resolves when every event so far has been handled. */
  idle(): Promise<void>;
  /** Events whose handler failed (logged, never thrown). */
  failures(): number;
  close(): Promise<void>;
}

export async function startLocalS3(opts: LocalS3Options): Promise<LocalS3> {
  const directory = localPaths(opts.dataDir).s3;
  await mkdir(directory, { recursive: true });
  const buckets = [LOCAL_UPLOADS_BUCKET, LOCAL_LAKE_BUCKET];
  const server = new S3rver({
    address: '127.0.0.1',
    port: opts.port ?? 0,
    silent: true,
    directory,
    // Only missing buckets: s3rver would warn about existing ones, and their objects stay anyway.
    configureBuckets: buckets.filter((name) => !existsSync(`${directory}/${name}`)).map((name) => ({ name })),
  });
  const log = opts.log ?? ((message: string) => console.error(message));
  const queue = createEventQueue<S3Event>(
    async (event) => opts.onEvent?.(event),
    Math.max(1, opts.concurrency ?? 4),
    (error) => log(`vss: handling an upload event failed: ${String(error)}`),
  );
  server.on('event', (event: S3Event) => {
    if (!opts.onEvent) return;
    for (const record of event.Records) {
      if (record.s3.bucket.name !== LOCAL_UPLOADS_BUCKET) continue;
      const awsShaped = {
        ...record,
        s3: { ...record.s3, object: { ...record.s3.object, key: encodeEventKey(record.s3.object.key) } },
      };
      queue.push({ Records: [awsShaped] });
    }
  });
  const address = await server.run();
  const endpoint = `http://127.0.0.1:${address.port}`;
  const client = createS3Client({ endpoint });
  return {
    endpoint,
    client,
    uploadsBucket: LOCAL_UPLOADS_BUCKET,
    lakeBucket: LOCAL_LAKE_BUCKET,
    idle: () => queue.idle(),
    failures: () => queue.failures,
    async close() {
      await queue.idle();
      client.destroy();
      await server.close();
    },
  };
}
