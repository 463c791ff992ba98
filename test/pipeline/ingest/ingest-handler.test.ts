import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { DuckDBInstance } from '@duckdb/node-api';
import type { S3Event } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS } from '../../../core/datasets/index.ts';
import { lakeKey } from '../../../core/contracts/layout.ts';
import { ledgerRecord, type LedgerRecord } from '../../../core/contracts/ledger-record.ts';
import { startLocalS3, type LocalS3 } from '../../../local/local-s3.ts';
import { debtCsv, testIngestHandler } from './ingest-harness.ts';

const debtKeys = DATASETS.debt.columns.map((c) => c.key);
const LAKE = lakeKey('debt', '2025-03', '01');

/** Independent of the pipeline: the sum of one column straight from the CSV text. */
function csvSum(csv: string, column: string): number {
  const [header, ...rows] = csv.trim().split('\n');
  const index = header!.split(',').indexOf(column);
  return rows.reduce((sum, line) => sum + Number(line.split(',')[index]), 0);
}

let dir: string;
let s3: LocalS3;
let handle: (event: S3Event) => Promise<void>;
const events: S3Event[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vss-ingest-'));
  s3 = await startLocalS3({
    dataDir: dir,
    concurrency: 2,
    onEvent: async (event) => {
      events.push(event);
      await handle(event);
    },
  });
  handle = testIngestHandler(s3, { tmpDir: dir });
});

afterAll(async () => {
  await s3?.close();
  await rm(dir, { recursive: true, force: true });
});

async function upload(fileName: string, body: string, submittedAt?: string) {
  await s3.client.send(
    new PutObjectCommand({
      Bucket: s3.uploadsBucket,
      Key: `uploads/debt/2025-03/01/${fileName}`,
      Body: body,
      Metadata: submittedAt ? { 'submitted-at': submittedAt } : undefined,
    }),
  );
  await s3.idle();
}

async function ledger(): Promise<LedgerRecord[]> {
  const list = await s3.client.send(
    new ListObjectsV2Command({ Bucket: s3.lakeBucket, Prefix: 'ledger/debt/2025-03/01/' }),
  );
  return Promise.all(
    (list.Contents ?? []).map(async (o) => {
      const got = await s3.client.send(new GetObjectCommand({ Bucket: s3.lakeBucket, Key: o.Key }));
      return ledgerRecord.parse(JSON.parse(await got.Body!.transformToString()));
    }),
  );
}

const lakeETag = async () =>
  (await s3.client.send(new HeadObjectCommand({ Bucket: s3.lakeBucket, Key: LAKE }))).ETag;

/** Row count and sum of no_bhxh of the lake's province-month, read back with DuckDB. */
async function lakeFigures(): Promise<{ rows: number; noBhxh: number; columns: string[] }> {
  const got = await s3.client.send(new GetObjectCommand({ Bucket: s3.lakeBucket, Key: LAKE }));
  const file = join(dir, `read-${Date.now()}-${Math.random()}.parquet`);
  await writeFile(file, await got.Body!.transformToByteArray());
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  try {
    const figures = await con.runAndReadAll(`SELECT count(*)::INTEGER, sum(no_bhxh)::BIGINT FROM '${file}'`);
    const described = await con.runAndReadAll(`DESCRIBE SELECT * FROM '${file}'`);
    const [rows, sum] = figures.getRows()[0]!;
    return { rows: Number(rows), noBhxh: Number(sum), columns: described.getRows().map((r) => String(r[0])) };
  } finally {
    con.closeSync();
    db.closeSync();
  }
}

describe('ingest handler on the local S3', () => {
  const first = debtCsv(5, 1);
  const corrected = debtCsv(3, 2);

  it('writes an accepted upload to the lake, with a receipt and a ledger record', async () => {
    await upload('bao-cao thang 3.csv', first, '2025-04-05T02:00:00.000Z');
    const lake = await lakeFigures();
    expect(lake.rows).toBe(5);
    expect(lake.noBhxh).toBe(csvSum(first, 'no_bhxh'));
    expect(lake.columns).toEqual(debtKeys);
    const records = await ledger();
    expect(records).toHaveLength(1);
    expect(records[0]).toMatchObject({ status: 'accepted', supersedes: null, rows_accepted: 5 });
    expect(records[0]!.key).toBe('uploads/debt/2025-03/01/bao-cao thang 3.csv');
    expect(records[0]!.received_at).toBe('2025-04-05T02:00:00.000Z');
    const receipt = await s3.client.send(
      new GetObjectCommand({
        Bucket: s3.lakeBucket,
        Key: `receipts/debt/2025-03/01/${records[0]!.upload_id}.json`,
      }),
    );
    expect(JSON.parse(await receipt.Body!.transformToString())).toMatchObject({ status: 'accepted' });
  });

  it('records a rejected upload and leaves the lake unchanged', async () => {
    const before = await lakeETag();
    await upload('broken.csv', first.replace('1000001', '-1000001').replace(',late', ',không rõ'));
    expect(await lakeETag()).toBe(before);
    const rejected = (await ledger()).filter((r) => r.status === 'rejected');
    expect(rejected).toHaveLength(1);
    expect(rejected[0]!.error_count).toBeGreaterThan(0);
  });

  it('marks the same bytes uploaded again as a duplicate and leaves the lake unchanged', async () => {
    const before = await lakeETag();
    await upload('again.csv', first, '2025-04-06T02:00:00.000Z');
    expect(await lakeETag()).toBe(before);
    expect((await ledger()).filter((r) => r.status === 'duplicate')).toHaveLength(1);
  });

  it('replaces the province-month exactly with a corrected upload', async () => {
    const inForce = (await ledger()).find((r) => r.status === 'accepted')!;
    await upload('corrected.csv', corrected, '2025-04-07T02:00:00.000Z');
    const lake = await lakeFigures();
    expect(lake.rows).toBe(3);
    expect(lake.noBhxh).toBe(csvSum(corrected, 'no_bhxh'));
    const latest = (await ledger()).find((r) => r.file_name === 'corrected.csv')!;
    expect(latest).toMatchObject({ status: 'accepted', supersedes: inForce.upload_id });
  });

  it('keeps an upload that arrived before the one in force on record without touching the lake', async () => {
    const before = await lakeETag();
    await upload('late-event.csv', debtCsv(4, 3), '2025-04-06T12:00:00.000Z');
    expect(await lakeETag()).toBe(before);
    const record = (await ledger()).find((r) => r.file_name === 'late-event.csv')!;
    expect(record).toMatchObject({ status: 'accepted', supersedes: null });
    expect((await lakeFigures()).noBhxh).toBe(csvSum(corrected, 'no_bhxh'));
  });

  it('handles a repeated event into the same single ledger record', async () => {
    const count = (await ledger()).length;
    const last = events.at(-1)!;
    await handle(last);
    await handle(last);
    expect(await ledger()).toHaveLength(count);
    expect((await lakeFigures()).noBhxh).toBe(csvSum(corrected, 'no_bhxh'));
  });

  it('skips keys outside the upload contract without failing', async () => {
    const count = (await ledger()).length;
    await s3.client.send(
      new PutObjectCommand({ Bucket: s3.uploadsBucket, Key: 'uploads/debt/2025-03/x.csv', Body: 'a' }),
    );
    await s3.idle();
    expect(s3.failures()).toBe(0);
    const last = events.at(-1)!;
    const badKey = structuredClone(last);
    badKey.Records[0]!.s3.object.key = 'uploads/debt/2025-03/01/%E0%A4%A.csv';
    await expect(handle(badKey)).resolves.toBeUndefined();
    expect(await ledger()).toHaveLength(count);
  });
});
