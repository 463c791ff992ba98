/**
 * A crash on either side of each side effect of ingest (receipt, ledger record, lake object), then
 * the event retried as Lambda retries it: the lake bucket ends exactly as after a clean run.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { uploadInForce } from '../../pipeline/ledger/decide.ts';
import { startLocalS3, type LocalS3 } from '../../local/local-s3.ts';
import { deleteAll } from '../../pipeline/storage/list-objects.ts';
import {
  brokenDebtCsv,
  csvRows,
  debtCsv,
  faultyClient,
  pictureOf,
  putUpload,
  testIngestHandler,
  type BucketPicture,
  type FaultPoint,
} from '../pipeline/ingest/ingest-harness.ts';

const PM = 'uploads/debt/2025-03/01/';
const FILES = [
  { name: 'thang-3.csv', body: debtCsv(5, 1), at: '2025-04-05T02:00:00.000Z' },
  { name: 'sua-lan-1.csv', body: debtCsv(3, 2), at: '2025-04-06T02:00:00.000Z' },
  { name: 'sua-loi.csv', body: brokenDebtCsv(4, 3), at: '2025-04-07T02:00:00.000Z' },
  { name: 'gui-lai.csv', body: debtCsv(3, 2), at: '2025-04-08T02:00:00.000Z' },
];
const NOW = new Date('2025-04-10T00:00:00.000Z');

let dir: string;
let s3: LocalS3;
const events: S3Event[] = [];
let clean: BucketPicture;

/** Runs the events in order through a handler on `client`, retrying each until it succeeds. */
async function run(client: S3Client, order: readonly S3Event[]): Promise<number> {
  const handle = testIngestHandler(s3, { client, now: NOW, tmpDir: dir });
  await deleteAll(s3.client, s3.lakeBucket, '');
  let retries = 0;
  for (const event of order) {
    for (let attempt = 1; ; attempt++) {
      try {
        await handle(event);
        break;
      } catch (error) {
        if (attempt >= 5) throw error;
        retries++;
      }
    }
  }
  return retries;
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vss-fault-'));
  s3 = await startLocalS3({ dataDir: dir, onEvent: async (event) => void events.push(event) });
  for (const f of FILES) {
    await putUpload(s3.client, s3.uploadsBucket, PM + f.name, f.body, f.at);
    await s3.idle();
  }
  expect(events).toHaveLength(FILES.length);
  await run(s3.client, events);
  clean = await pictureOf(s3.client, s3.lakeBucket, dir);
});

afterAll(async () => {
  await s3?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('ingest under injected crashes', () => {
  it('a clean run holds exactly the latest accepted file, and records every upload', () => {
    const lake = Object.values(clean.lake);
    expect(lake).toHaveLength(1);
    expect(lake[0]!.rows).toEqual(csvRows(FILES[1]!.body));
    const statuses = Object.values(clean.ledger)
      .sort((a, b) => a.received_at.localeCompare(b.received_at))
      .map((r) => r.status);
    expect(statuses).toEqual(['accepted', 'accepted', 'rejected', 'duplicate']);
    expect(Object.keys(clean.receipts)).toHaveLength(FILES.length);
    expect(Object.keys(clean.summaries)).toHaveLength(1);
  });

  const points: FaultPoint[] = (['receipts/', 'ledger/', 'lake/', 'summaries/'] as const).flatMap((prefix) =>
    (['before', 'after'] as const).map((when) => ({ prefix, when })),
  );
  it.each(points)('crash $when the PUT under $prefix, then retry: same as clean', async (point) => {
    const faulty = faultyClient(s3.endpoint, point);
    try {
      const retries = await run(faulty.client, events);
      expect(faulty.fired()).toBeGreaterThan(0);
      expect(retries).toBe(faulty.fired());
      expect(await pictureOf(s3.client, s3.lakeBucket, dir)).toEqual(clean);
    } finally {
      faulty.client.destroy();
    }
  });

  it('events delivered twice give one ledger record per upload and the same bucket', async () => {
    await run(
      s3.client,
      events.flatMap((e) => [e, e]),
    );
    expect(await pictureOf(s3.client, s3.lakeBucket, dir)).toEqual(clean);
  });

  it.each([[[1, 0, 2, 3]], [[3, 2, 1, 0]], [[2, 3, 0, 1, 0, 3]]])(
    'events out of order (%j): the older upload never wins',
    async (order) => {
      await run(
        s3.client,
        order.map((i) => events[i]!),
      );
      const picture = await pictureOf(s3.client, s3.lakeBucket, dir);
      expect(Object.values(picture.lake).map((l) => l.rows)).toEqual(
        Object.values(clean.lake).map((l) => l.rows),
      );
      expect(Object.keys(picture.ledger).sort()).toEqual(Object.keys(clean.ledger).sort());
      const rejected = (p: BucketPicture) => Object.values(p.ledger).filter((r) => r.status === 'rejected');
      expect(rejected(picture)).toHaveLength(1);
      expect(uploadInForce(Object.values(picture.ledger))?.sha256).toBe(
        uploadInForce(Object.values(clean.ledger))?.sha256,
      );
    },
  );
});
