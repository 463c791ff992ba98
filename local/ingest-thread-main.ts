/**
 * One ingest worker thread: the real ingest handler with its own S3 client and its own DuckDB,
 * fed the local S3's events by the pool (ingest-pool.ts) and answering with each outcome, then
 * with the event's end (or its failure). Messages on one port keep their order, so an upload's
 * outcome always arrives before its event is reported done.
 */
import { parentPort, workerData } from 'node:worker_threads';
import type { S3Event } from 'aws-lambda';
import { createS3Client } from '../pipeline/storage/s3-client.ts';
import { localIngestHandler } from './local-ingest-handler.ts';
import type { PoolMessage, ThreadMessage, ThreadSettings } from './ingest-pool-messages.ts';

const port = parentPort;
if (!port) throw new Error('ingest-thread-main runs only as a worker thread');
const settings = workerData as ThreadSettings;
const client = createS3Client({ endpoint: settings.endpoint });
const post = (message: ThreadMessage) => port.postMessage(message);
const handle = localIngestHandler(
  { client, uploadsBucket: settings.uploadsBucket, lakeBucket: settings.lakeBucket },
  { onOutcome: (outcome) => post({ type: 'outcome', outcome }) },
);

port.on('message', (message: PoolMessage) => {
  if (message.type === 'close') {
    client.destroy();
    port.close();
    return;
  }
  void handleOne(message.id, message.event);
});

async function handleOne(id: number, event: S3Event): Promise<void> {
  try {
    await handle(event);
    post({ type: 'done', id });
  } catch (error) {
    post({ type: 'done', id, error: String(error) });
  }
}

post({ type: 'ready' });
