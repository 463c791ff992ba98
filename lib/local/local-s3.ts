/**
 * The local S3: s3rver on 127.0.0.1 with the data kept under <data-dir>/s3 across runs, the two
 * buckets the pipeline uses, and its object-created notifications delivered, shaped and encoded as
 * AWS delivers them, to an event handler (the ingest handler) through a bounded queue.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { S3Client } from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import { Worker } from 'node:worker_threads';
import { encodeEventKey } from '../../functions/ingest/event-key.ts';
import { StorageError } from '../errors.ts';
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
  const log = opts.log ?? ((message: string) => console.error(message));
  const queue = createEventQueue<S3Event>(
    async (event) => opts.onEvent?.(event),
    Math.max(1, opts.concurrency ?? 4),
    (error) => log(`vss: handling an upload event failed: ${String(error)}`),
  );
  const worker = new Worker(new URL('./s3rver-thread.js', import.meta.url), {
    workerData: {
      directory,
      port: opts.port ?? 0,
      // Only missing buckets: s3rver would warn about existing ones, and their objects stay anyway.
      createBuckets: buckets.filter((name) => !existsSync(`${directory}/${name}`)),
    },
  });
  let exited = false;
  worker.on('exit', () => (exited = true));
  const port = await new Promise<number>((resolve, reject) => {
    worker.once('error', reject);
    worker.once('exit', (code) => reject(new StorageError(`local S3 stopped while starting (exit ${code})`)));
    worker.on('message', (message: ThreadMessage) => {
      if (message.type === 'ready') resolve(message.port);
      else if (message.type === 'failed')
        reject(new StorageError(`local S3 did not start: ${message.error}`));
      else if (message.type === 'event' && opts.onEvent)
        for (const event of awsShaped(message.event)) queue.push(event);
    });
  });
  // After start a failure of the S3 thread is reported, not thrown into whatever runs then.
  worker.on('error', (error) => log(`vss: local S3 failed: ${String(error)}`));
  const endpoint = `http://127.0.0.1:${port}`;
  let syncs = 0;
  /** Events travel apart from HTTP responses: a round trip makes sure all announced ones are queued. */
  const synced = () =>
    new Promise<void>((resolve) => {
      const id = ++syncs;
      const onMessage = (m: ThreadMessage) => {
        if (m.type !== 'synced' || m.id !== id) return;
        worker.off('message', onMessage);
        resolve();
      };
      worker.on('message', onMessage);
      if (exited) resolve();
      else worker.postMessage({ type: 'sync', id });
    });
  const client = createS3Client({ endpoint });
  return {
    endpoint,
    client,
    uploadsBucket: LOCAL_UPLOADS_BUCKET,
    lakeBucket: LOCAL_LAKE_BUCKET,
    idle: async () => {
      await synced();
      await queue.idle();
    },
    failures: () => queue.failures,
    async close() {
      await synced();
      await queue.idle();
      client.destroy();
      if (exited) return;
      const closed = new Promise<void>((resolve) => {
        worker.on('message', (m: ThreadMessage) => m.type === 'closed' && resolve());
        worker.once('exit', () => resolve());
      });
      worker.postMessage({ type: 'close' });
      await closed;
      await worker.terminate();
    },
  };
}

type ThreadMessage =
  | { type: 'ready'; port: number }
  | { type: 'failed'; error: string }
  | { type: 'event'; event: S3Event }
  | { type: 'synced'; id: number }
  | { type: 'closed' };

/** One event per upload-bucket record, its key encoded as AWS encodes keys (s3rver sends them raw). */
function awsShaped(event: S3Event): S3Event[] {
  return event.Records.filter((r) => r.s3.bucket.name === LOCAL_UPLOADS_BUCKET).map((record) => ({
    Records: [
      {
        ...record,
        s3: { ...record.s3, object: { ...record.s3.object, key: encodeEventKey(record.s3.object.key) } },
      },
    ],
  }));
}
