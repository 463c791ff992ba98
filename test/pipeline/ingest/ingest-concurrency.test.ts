/**
 * Two versions of one province-month handled at once by two handlers that share nothing but S3
 * (two Lambdas): whatever the interleaving, the later upload wins and the lake holds exactly its
 * rows. "Later" is S3's own event time, not the order the handlers happen to finish in.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3Client } from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createIngestHandler } from '../../../pipeline/ingest/ingest-handler.ts';
import { uploadInForce } from '../../../pipeline/ledger/decide.ts';
import { startLocalS3, type LocalS3 } from '../../../local/local-s3.ts';
import { deleteAll } from '../../../pipeline/storage/list-objects.ts';
import { csvRows, debtCsv, gatedClient, pictureOf, putUpload } from './ingest-harness.ts';

const OLDER = debtCsv(6, 11);
const NEWER = debtCsv(4, 12);

let dir: string;
let s3: LocalS3;
let older: S3Event;
let newer: S3Event;

const lambda = (client: S3Client) =>
  createIngestHandler({
    s3: client,
    uploadsBucket: s3.uploadsBucket,
    lakeBucket: s3.lakeBucket,
    tmpDir: dir,
    log: () => undefined,
  });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vss-race-'));
  const events: S3Event[] = [];
  s3 = await startLocalS3({ dataDir: dir, onEvent: async (e) => void events.push(e) });
  await putUpload(s3.client, s3.uploadsBucket, 'uploads/debt/2025-05/79/ban-dau.csv', OLDER);
  await s3.idle();
  await new Promise((resolve) => setTimeout(resolve, 5));
  await putUpload(s3.client, s3.uploadsBucket, 'uploads/debt/2025-05/79/ban-sua.csv', NEWER);
  await s3.idle();
  [older, newer] = events as [S3Event, S3Event];
  expect(newer.Records[0]!.eventTime > older.Records[0]!.eventTime).toBe(true);
});

afterAll(async () => {
  await s3?.close();
  await rm(dir, { recursive: true, force: true });
});

async function expectNewerWins(): Promise<void> {
  const picture = await pictureOf(s3.client, s3.lakeBucket, dir);
  const lake = Object.values(picture.lake);
  expect(lake).toHaveLength(1);
  expect(lake[0]!.rows).toEqual(csvRows(NEWER));
  const records = Object.values(picture.ledger);
  expect(records.map((r) => r.status)).toEqual(['accepted', 'accepted']);
  const winner = uploadInForce(records)!;
  expect(winner.file_name).toBe('ban-sua.csv');
  expect(lake[0]!.stamp).toMatchObject({ uploadId: winner.upload_id, rows: 4 });
}

/** `slow` handles its event up to the gated PUT, the other runs to the end, then `slow` goes on. */
async function race(slow: S3Event, fast: S3Event, gateAt: string): Promise<void> {
  await deleteAll(s3.client, s3.lakeBucket, '');
  const gate = gatedClient(s3.endpoint, gateAt);
  try {
    const slowRun = lambda(gate.client)(slow);
    await gate.arrived;
    await lambda(s3.client)(fast);
    gate.release();
    await slowRun;
  } finally {
    gate.client.destroy();
  }
}

describe('two uploads of one province-month at once', () => {
  it.each([
    ['older', 'lake/'],
    ['newer', 'lake/'],
    ['older', 'ledger/'],
    ['newer', 'ledger/'],
    ['older', 'receipts/'],
  ] as const)('the %s one held back at its %s write: the newer wins', async (which, gateAt) => {
    if (which === 'older') await race(older, newer, gateAt);
    else await race(newer, older, gateAt);
    await expectNewerWins();
  });

  it('both started together, in either order: the newer wins', async () => {
    for (const pair of [
      [older, newer],
      [newer, older],
    ]) {
      await deleteAll(s3.client, s3.lakeBucket, '');
      await Promise.all(pair.map((event) => lambda(s3.client)(event)));
      await expectNewerWins();
    }
  });
});
