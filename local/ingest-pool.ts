/**
 * The local ingest handler on several worker threads, so a laptop's cores all work on uploads as
 * several Lambda instances would: the main thread keeps uploading and the S3 server runs on its
 * own thread. Every event of one province-month goes to the same thread, where the handler's
 * keyed lock orders them as one handler does; different province-months run side by side, which
 * the handler is built for (its lake write is settled from the ledger, whoever writes last).
 */
import { createHash } from 'node:crypto';
import { Worker } from 'node:worker_threads';
import type { S3Event } from 'aws-lambda';
import type { UploadOutcome } from '../pipeline/ingest/ingest-handler.ts';
import { StorageError } from '../core/errors.ts';
import { uploadGroupOf } from '../core/contracts/layout-parse.ts';
import type { PoolMessage, ThreadMessage, ThreadSettings } from './ingest-pool-messages.ts';

export interface IngestPool {
  /** Resolves when the event is handled; rejects as the handler would throw. */
  handle(event: S3Event): Promise<void>;
  close(): Promise<void>;
}

export interface IngestPoolOptions extends ThreadSettings {
  threads: number;
  onOutcome?: (outcome: UploadOutcome) => void;
}

interface Pending {
  resolve: () => void;
  reject: (error: Error) => void;
}

interface Thread {
  worker: Worker;
  pending: Map<number, Pending>;
}

export async function startIngestPool(o: IngestPoolOptions): Promise<IngestPool> {
  const settings: ThreadSettings = {
    endpoint: o.endpoint,
    uploadsBucket: o.uploadsBucket,
    lakeBucket: o.lakeBucket,
  };
  const threads = await Promise.all(
    Array.from({ length: Math.max(1, o.threads) }, () => startThread(settings, o.onOutcome)),
  );
  let nextId = 0;
  return {
    handle(event) {
      const thread = threads[threadOf(event, threads.length)] as Thread;
      const id = ++nextId;
      return new Promise<void>((resolve, reject) => {
        thread.pending.set(id, { resolve, reject });
        thread.worker.postMessage({ type: 'event', id, event } satisfies PoolMessage);
      });
    },
    async close() {
      await Promise.all(
        threads.map(async ({ worker }) => {
          worker.postMessage({ type: 'close' } satisfies PoolMessage);
          await worker.terminate();
        }),
      );
    },
  };
}

/** The thread of an event's province-month (`uploads/<dataset>/<period>/<province>/...`). */
function threadOf(event: S3Event, count: number): number {
  const key = event.Records[0]?.s3.object.key ?? '';
  const provinceMonth = uploadGroupOf(key);
  return createHash('md5').update(provinceMonth).digest().readUInt32BE(0) % count;
}

function startThread(
  settings: ThreadSettings,
  onOutcome?: (outcome: UploadOutcome) => void,
): Promise<Thread> {
  const worker = new Worker(new URL('./ingest-thread.js', import.meta.url), { workerData: settings });
  const pending = new Map<number, Pending>();
  const failAll = (error: Error) => {
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  return new Promise<Thread>((resolve, reject) => {
    worker.once('error', (error) => {
      reject(error);
      failAll(new StorageError(`an ingest thread failed: ${String(error)}`, { cause: error }));
    });
    worker.once('exit', (code) => {
      const error = new StorageError(`an ingest thread stopped (exit ${code})`);
      reject(error);
      failAll(error);
    });
    worker.on('message', (message: ThreadMessage) => {
      if (message.type === 'ready') resolve({ worker, pending });
      else if (message.type === 'outcome') onOutcome?.(message.outcome);
      else {
        const waiting = pending.get(message.id);
        pending.delete(message.id);
        if (message.error === undefined) waiting?.resolve();
        else waiting?.reject(new StorageError(message.error));
      }
    });
  });
}
