/**
 * One run of s3rver on its worker thread: started on a port (0: any free one) over a data
 * directory, stopped, and started again over the same directory when the local S3 restarts.
 */
import type { S3Event } from 'aws-lambda';
import { Worker } from 'node:worker_threads';
import { StorageError } from '../core/errors.ts';

export interface S3rverWorker {
  port: number;
  /**
   * Events travel apart from HTTP responses: a round trip makes sure all announced ones arrived.
   * Resolves with the number of HTTP requests this run of the server has answered.
   */
  synced(): Promise<number>;
  /** `dropConnections`: cut requests in flight instead of waiting for them. */
  stop(opts?: { dropConnections?: boolean }): Promise<void>;
}

export interface S3rverWorkerOptions {
  directory: string;
  port: number;
  createBuckets: string[];
  /** The buckets whose notifications are wanted; events of the others stay on the S3 thread. */
  notifyBuckets: string[];
  log: (message: string) => void;
  /** Every notification as s3rver sends it (keys raw, several records possible). */
  onEvent?: (event: S3Event) => void;
}

type ThreadMessage =
  | { type: 'ready'; port: number }
  | { type: 'failed'; error: string }
  | { type: 'event'; event: S3Event }
  | { type: 'synced'; id: number; requests: number }
  | { type: 'closed' };

export async function startS3rverWorker(o: S3rverWorkerOptions): Promise<S3rverWorker> {
  const worker = new Worker(new URL('./s3rver-thread.js', import.meta.url), {
    workerData: {
      directory: o.directory,
      port: o.port,
      createBuckets: o.createBuckets,
      notifyBuckets: o.onEvent ? o.notifyBuckets : [],
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
      else if (message.type === 'event') o.onEvent?.(message.event);
    });
  });
  // After start a failure of the S3 thread is reported, not thrown into whatever runs then.
  worker.on('error', (error) => o.log(`vss: local S3 failed: ${String(error)}`));
  let syncs = 0;
  let answered = 0;
  return {
    port,
    synced: () =>
      new Promise<number>((resolve) => {
        const id = ++syncs;
        const onMessage = (m: ThreadMessage) => {
          if (m.type !== 'synced' || m.id !== id) return;
          worker.off('message', onMessage);
          answered = m.requests;
          resolve(answered);
        };
        worker.on('message', onMessage);
        if (exited) resolve(answered);
        else worker.postMessage({ type: 'sync', id });
      }),
    async stop(opts = {}) {
      if (exited) return;
      const closed = new Promise<void>((resolve) => {
        worker.on('message', (m: ThreadMessage) => m.type === 'closed' && resolve());
        worker.once('exit', () => resolve());
      });
      worker.postMessage({ type: 'close', dropConnections: opts.dropConnections ?? false });
      await closed;
      await worker.terminate();
    },
  };
}
