// s3rver on its own thread, so serving S3 requests and running the ingest handler use both cores.
// Plain JavaScript: a worker thread does not inherit the TypeScript loader of its parent.
import { parentPort, workerData } from 'node:worker_threads';
import S3rver from 's3rver';
import { atomicWrites } from './s3rver-atomic-writes.js';
import { listByPrefixFolder } from './s3rver-prefix-listing.js';

const { directory, port, createBuckets, notifyBuckets } = workerData;
const server = new S3rver({
  address: '127.0.0.1',
  port,
  silent: true,
  directory,
  configureBuckets: createBuckets.map((name) => ({ name })),
});
listByPrefixFolder(server.store);
const writes = atomicWrites(server.store);
// Only the buckets someone listens to: every lake write also fires an event, and copying each one
// to the main thread only to drop it there cost more than the event is worth.
const notified = new Set(notifyBuckets);
server.on('event', (event) => {
  if (event.Records.some((record) => notified.has(record.s3.bucket.name)))
    parentPort.postMessage({ type: 'event', event });
});
// Every HTTP request answered, so a run can say what its S3 work cost (tools/bench/start-bench.ts).
let requests = 0;
parentPort.on('message', async (message) => {
  // Messages on one port keep their order: every event emitted before this reply reaches the
  // parent before the reply does.
  if (message.type === 'sync') parentPort.postMessage({ type: 'synced', id: message.id, requests });
  if (message.type === 'close') {
    const closing = server.close();
    // A restart drops open connections, as a server that goes away does; a plain close lets
    // keep-alive connections run out.
    if (message.dropConnections) server.httpServer?.closeAllConnections();
    await closing;
    // A write a cut request started still lands whole before the thread is ended, as S3 either
    // applies a request or does not.
    await writes.settled();
    parentPort.postMessage({ type: 'closed' });
  }
});
try {
  const address = await server.run();
  server.httpServer?.on('request', () => requests++);
  parentPort.postMessage({ type: 'ready', port: address.port });
} catch (error) {
  parentPort.postMessage({ type: 'failed', error: String(error) });
}
