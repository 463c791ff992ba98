/**
 * The local S3 goes away mid-run and comes back on the same data, and an event whose every
 * attempt meets the outage ends in the failure queue as AWS's invocation record; the redrive
 * (pipeline/ops) hands it to the handler again. Both end exactly as a clean run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3Event } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startLocalS3, type LocalS3 } from '../../local/local-s3.ts';
import { failureRecord } from '../../pipeline/ops/failure-record.ts';
import { redriveFailures } from '../../pipeline/ops/redrive-failures.ts';
import { deleteAll } from '../../pipeline/storage/list-objects.ts';
import { createS3Client } from '../../pipeline/storage/s3-client.ts';
import { asyncInvoker, FUNCTION_ARN } from '../../tools/fault/fault-lambda.ts';
import {
  brokenDebtCsv,
  debtCsv,
  pictureOf,
  putUpload,
  testIngestHandler,
  type BucketPicture,
} from '../pipeline/ingest/ingest-harness.ts';

const FILES = [
  { key: 'uploads/debt/2025-03/01/thang-3.csv', body: debtCsv(5, 1), at: '2025-04-05T02:00:00.000Z' },
  { key: 'uploads/debt/2025-03/79/thang-3.csv', body: debtCsv(4, 5), at: '2025-04-05T03:00:00.000Z' },
  { key: 'uploads/debt/2025-03/01/sua-lan-1.csv', body: debtCsv(3, 2), at: '2025-04-06T02:00:00.000Z' },
  { key: 'uploads/debt/2025-03/01/sua-loi.csv', body: brokenDebtCsv(4, 3), at: '2025-04-07T02:00:00.000Z' },
  { key: 'uploads/debt/2025-03/01/gui-lai.csv', body: debtCsv(3, 2), at: '2025-04-08T02:00:00.000Z' },
];
const NOW = new Date('2025-04-10T00:00:00.000Z');

let dir: string;
let s3: LocalS3;
const events: S3Event[] = [];
let clean: BucketPicture;

const handlerOn = (client = s3.client) => testIngestHandler(s3, { client, now: NOW, tmpDir: dir });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vss-fault-restart-'));
  s3 = await startLocalS3({ dataDir: dir, onEvent: async (event) => void events.push(event) });
  for (const f of FILES) await putUpload(s3.client, s3.uploadsBucket, f.key, f.body, f.at);
  await s3.idle();
  expect(events).toHaveLength(FILES.length);
  const handle = handlerOn();
  for (const event of events) await handle(event);
  clean = await pictureOf(s3.client, s3.lakeBucket, dir);
}, 60_000);

afterAll(async () => {
  await s3?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('the local S3 restarted mid-run', () => {
  it('a lake write sent while the server is down fails the event; its retry converges', async () => {
    await deleteAll(s3.client, s3.lakeBucket, '');
    // The handler's own client: its first lake write goes out while the server is stopped.
    const client = createS3Client({ endpoint: s3.endpoint });
    let outages = 0;
    client.middlewareStack.add(
      (next, context) => async (args) => {
        const key = String((args.input as { Key?: unknown }).Key ?? '');
        if (outages > 0 || context.commandName !== 'PutObjectCommand' || !key.startsWith('lake/'))
          return next(args);
        outages++;
        let failure: unknown;
        await s3.restart(async () => {
          failure = await next(args).then(
            () => undefined,
            (error: unknown) => error,
          );
        });
        throw failure ?? new Error('the write reached a stopped server');
      },
      { step: 'initialize', name: 'outage' },
    );
    try {
      const lambda = asyncInvoker({ handle: handlerOn(client), concurrency: 1 });
      for (const event of events) await lambda.deliver([event]);
      expect(outages).toBe(1);
      expect(lambda.stats.failedAttempts).toBe(1);
      expect(lambda.failureQueue).toEqual([]);
      expect(await pictureOf(s3.client, s3.lakeBucket, dir)).toEqual(clean);
    } finally {
      client.destroy();
    }
  }, 60_000);
});

describe('Lambda retries, the failure queue and its redrive', () => {
  it('an event whose three attempts all meet an outage is dead-lettered, and its redrive converges', async () => {
    await deleteAll(s3.client, s3.lakeBucket, '');
    const handle = handlerOn();
    const victim = events.at(-1)!;
    const lambda = asyncInvoker({
      concurrency: 1,
      now: () => NOW,
      handle: async (event) => {
        if (event !== victim) return handle(event);
        let failure: unknown;
        await s3.restart(async () => {
          failure = await handle(event).then(
            () => undefined,
            (error: unknown) => error,
          );
        });
        if (failure) throw failure;
      },
    });
    for (const event of events) await lambda.deliver([event]);
    expect(lambda.stats.failedAttempts).toBe(3);
    expect(lambda.failureQueue).toHaveLength(1);

    const record = failureRecord.parse(JSON.parse(lambda.failureQueue[0]!.body));
    expect(record.requestContext).toMatchObject({
      functionArn: FUNCTION_ARN,
      condition: 'RetriesExhausted',
      approximateInvokeCount: 3,
    });
    expect(record.responseContext.functionError).toBe('Unhandled');
    expect(record.requestPayload).toEqual(victim);
    // Before the redrive the upload is missing from the ledger; after it, all is as a clean run.
    const before = await pictureOf(s3.client, s3.lakeBucket, dir);
    expect(Object.keys(before.ledger)).toHaveLength(FILES.length - 1);

    const report = await redriveFailures(lambda.failureQueue, handle);
    expect(report).toEqual({ redriven: [lambda.failureQueue[0]!.id], failed: [], unreadable: [] });
    expect(await pictureOf(s3.client, s3.lakeBucket, dir)).toEqual(clean);
    // A message redriven twice (SQS delivers at least once) changes nothing.
    await redriveFailures(lambda.failureQueue, handle);
    expect(await pictureOf(s3.client, s3.lakeBucket, dir)).toEqual(clean);
  }, 60_000);
});
