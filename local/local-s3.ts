/**
 * The local S3: s3rver on 127.0.0.1 with the data kept under <data-dir>/s3 across runs, the two
 * buckets the pipeline uses, and its object-created notifications delivered, shaped and encoded as
 * AWS delivers them, to an event handler (the ingest handler) through a bounded queue.
 */
import { existsSync } from 'node:fs';
import { mkdir } from 'node:fs/promises';
import type { S3Client } from '@aws-sdk/client-s3';
import type { S3Event, S3EventRecord } from 'aws-lambda';
import { encodeEventKey } from '../pipeline/ingest/event-key.ts';
import { APPROVALS_PREFIX, localPaths } from '../core/contracts/layout.ts';
import { createS3Client } from '../pipeline/storage/s3-client.ts';
import { createEventQueue } from './event-queue.ts';
import { startS3rverWorker } from './s3rver-worker.ts';

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
  /** HTTP requests the server has answered since it started (over restarts too). */
  requests(): Promise<number>;
  /** Events whose handler failed (logged, never thrown). */
  failures(): number;
  /**
   * Stops the server, runs `whileDown` (if given), then starts it again on the same port over the
   * same data: requests made meanwhile fail as they would during an S3 outage.
   */
  restart(whileDown?: () => Promise<void>): Promise<void>;
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
  const startWorker = (port: number, createBuckets: string[]) =>
    startS3rverWorker({
      directory,
      port,
      createBuckets,
      notifyBuckets: [LOCAL_UPLOADS_BUCKET],
      log,
      onEvent: opts.onEvent && ((event) => awsShaped(event).forEach((e) => queue.push(e))),
    });
  // Only missing buckets: s3rver would warn about existing ones, and their objects stay anyway.
  let worker = await startWorker(
    opts.port ?? 0,
    buckets.filter((name) => !existsSync(`${directory}/${name}`)),
  );
  const endpoint = `http://127.0.0.1:${worker.port}`;
  // Requests answered by the servers stopped so far (restart starts a fresh count).
  let before = 0;
  const client = createS3Client({ endpoint });
  return {
    endpoint,
    client,
    uploadsBucket: LOCAL_UPLOADS_BUCKET,
    lakeBucket: LOCAL_LAKE_BUCKET,
    idle: async () => {
      await worker.synced();
      await queue.idle();
    },
    requests: async () => before + (await worker.synced()),
    failures: () => queue.failures,
    async restart(whileDown) {
      before += await worker.synced();
      await worker.stop({ dropConnections: true });
      try {
        await whileDown?.();
      } finally {
        // The same port, so every client made from `endpoint` reaches the new server.
        worker = await startWorker(worker.port, []);
      }
    },
    async close() {
      await worker.synced();
      await queue.idle();
      client.destroy();
      await worker.stop();
    },
  };
}

/** One event per upload-bucket record, its key encoded as AWS encodes keys (s3rver sends them raw). */
function awsShaped(event: S3Event): S3Event[] {
  // Sign-off records in the lake bucket are announced too, as the lake bucket's notification does in AWS.
  const announced = (r: S3EventRecord) =>
    r.s3.bucket.name === LOCAL_UPLOADS_BUCKET ||
    (r.s3.bucket.name === LOCAL_LAKE_BUCKET && r.s3.object.key.startsWith(APPROVALS_PREFIX));
  return event.Records.filter(announced).map((record) => ({
    Records: [
      {
        ...record,
        s3: { ...record.s3, object: { ...record.s3.object, key: encodeEventKey(record.s3.object.key) } },
      },
    ],
  }));
}
