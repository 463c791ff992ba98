/**
 * What the ingest, fault and replay tests share: upload files, an S3 client that fails on purpose,
 * and an exact picture of the lake bucket (every lake object's rows and stamp, every ledger record
 * and receipt) to compare a run against a clean one.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { GetObjectCommand, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { DuckDBInstance } from '@duckdb/node-api';
import { createIngestHandler } from '../../../functions/ingest.ts';
import { DATASETS } from '../../../core/datasets/index.ts';
import { readLakeStamp } from '../../../pipeline/lake/write-partition.ts';
import { ledgerRecord, type LedgerRecord } from '../../../core/contracts/ledger-record.ts';
import type { LocalS3 } from '../../../local/local-s3.ts';
import { listObjects } from '../../../pipeline/storage/list-objects.ts';
import { createS3Client } from '../../../pipeline/storage/s3-client.ts';

const debtKeys = DATASETS.debt.columns.map((c) => c.key);

/** A valid debt file: `n` debtors whose amounts depend on `seed`. */
export function debtCsv(n: number, seed: number): string {
  const lines = [debtKeys.join(',')];
  for (let i = 0; i < n; i++) {
    const values: Record<string, string> = {
      ma_so_thue: String(1000000000 + seed * 1000 + i),
      ten_don_vi: `Công ty ${seed}-${i}`,
      no_bhxh: String(1_000_000 * (i + 1) + seed),
      no_bhyt: String(200_000 * (i + 1)),
      no_bhtn: String(50_000 * (i + 1)),
      so_thang_no: String((i % 7) + 1),
      da_thu_hoi: String(10_000 * i),
      so_lao_dong: String(10 + i),
      tinh_trang: 'late',
    };
    lines.push(debtKeys.map((k) => values[k]).join(','));
  }
  return lines.join('\n') + '\n';
}

/** The same file with an error in its first data row (a negative debt). */
export const brokenDebtCsv = (n: number, seed: number) =>
  debtCsv(n, seed).replace(`,${1_000_000 + seed},`, `,-${1_000_000 + seed},`);

/** Independent of the pipeline: the rows of a CSV as the lake should hold them, sorted. */
export function csvRows(csv: string): string[] {
  const [header, ...lines] = csv.trim().split('\n');
  const names = header!.split(',');
  return lines.map((line) => JSON.stringify(debtKeys.map((k) => line.split(',')[names.indexOf(k)]))).sort();
}

export async function putUpload(
  s3: S3Client,
  bucket: string,
  key: string,
  body: string,
  submittedAt?: string,
): Promise<void> {
  await s3.send(
    new PutObjectCommand({
      Bucket: bucket,
      Key: key,
      Body: body,
      Metadata: submittedAt ? { 'submitted-at': submittedAt } : undefined,
    }),
  );
}

export type FaultPoint = {
  prefix: 'lake/' | 'summaries/' | 'ledger/' | 'receipts/';
  when: 'before' | 'after';
};

/**
 * A client of the same S3 whose PUTs under `prefix` fail on odd-numbered calls, before the
 * request is sent or after S3 has stored the object: a crash on either side of the side effect.
 */
export function faultyClient(endpoint: string, point: FaultPoint): { client: S3Client; fired: () => number } {
  const client = createS3Client({ endpoint });
  let calls = 0;
  let fired = 0;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { Key?: unknown };
      const key = typeof input.Key === 'string' ? input.Key : '';
      if (context.commandName !== 'PutObjectCommand' || !key.startsWith(point.prefix)) return next(args);
      const crash = ++calls % 2 === 1;
      if (crash && point.when === 'before') {
        fired++;
        throw new Error(`injected crash before PUT ${key}`);
      }
      const result = await next(args);
      if (crash) {
        fired++;
        throw new Error(`injected crash after PUT ${key}`);
      }
      return result;
    },
    { step: 'initialize', name: 'injectedFaults' },
  );
  return { client, fired: () => fired };
}

export interface BucketPicture {
  lake: Record<string, { stamp: unknown; rows: string[] }>;
  ledger: Record<string, LedgerRecord>;
  receipts: Record<string, unknown>;
  summaries: Record<string, string[]>;
}

/** Everything in the lake bucket, read back; lake objects as their sorted rows and their stamp. */
export async function pictureOf(s3: S3Client, bucket: string, tmpDir: string): Promise<BucketPicture> {
  const picture: BucketPicture = { lake: {}, ledger: {}, receipts: {}, summaries: {} };
  const db = await DuckDBInstance.create(':memory:');
  const con = await db.connect();
  try {
    for (const o of await listObjects(s3, bucket, '')) {
      const got = await s3.send(new GetObjectCommand({ Bucket: bucket, Key: o.key }));
      const bytes = await got.Body!.transformToByteArray();
      if (o.key.startsWith('ledger/')) {
        picture.ledger[o.key] = ledgerRecord.parse(JSON.parse(new TextDecoder().decode(bytes)));
      } else if (o.key.startsWith('receipts/')) {
        picture.receipts[o.key] = JSON.parse(new TextDecoder().decode(bytes));
      } else if (o.key.startsWith('summaries/')) {
        const file = join(tmpDir, `picture-${Math.random().toString(36).slice(2)}.parquet`);
        await writeFile(file, bytes);
        const reader = await con.runAndReadAll(`SELECT * FROM '${file}'`);
        picture.summaries[o.key] = reader
          .getRows()
          .map((r) => JSON.stringify(r.map((v) => (v === null ? null : String(v)))))
          .sort();
      } else if (o.key.startsWith('lake/')) {
        const file = join(tmpDir, `picture-${Math.random().toString(36).slice(2)}.parquet`);
        await writeFile(file, bytes);
        const reader = await con.runAndReadAll(`SELECT * FROM '${file}'`);
        const rows = reader
          .getRows()
          .map((r) => JSON.stringify(r.map((v) => (v === null ? null : String(v)))))
          .sort();
        const [, dataset, period, province] = /^lake\/([a-z]+)\/period=([\d-]+)\/province=(\d+)\//.exec(
          o.key,
        )!;
        const stamp = await readLakeStamp(s3, bucket, dataset as 'debt', period!, province!);
        picture.lake[o.key] = { stamp, rows };
      }
    }
  } finally {
    con.closeSync();
    db.closeSync();
  }
  return picture;
}

/** The ledger without the one field that says when a record was written. */
export function withoutWriteTimes(
  ledger: BucketPicture['ledger'],
): Record<string, Omit<LedgerRecord, 'ingested_at'>> {
  return Object.fromEntries(
    Object.entries(ledger).map(([k, { ingested_at: _written, ...rest }]) => [k, rest]),
  );
}

/** A client of the same S3 whose first PUT under `prefix` waits until released: a slow Lambda. */
export function gatedClient(endpoint: string, prefix: string) {
  const client = createS3Client({ endpoint });
  let arrive!: () => void;
  let release!: () => void;
  const arrived = new Promise<void>((resolve) => (arrive = resolve));
  const released = new Promise<void>((resolve) => (release = resolve));
  let gated = false;
  client.middlewareStack.add(
    (next, context) => async (args) => {
      const input = args.input as { Key?: unknown };
      const key = typeof input.Key === 'string' ? input.Key : '';
      if (!gated && context.commandName === 'PutObjectCommand' && key.startsWith(prefix)) {
        gated = true;
        arrive();
        await released;
      }
      return next(args);
    },
    { step: 'initialize', name: 'gate' },
  );
  return { client, arrived, release };
}

/**
 * The ingest handler as the tests run it over a local S3: uploads dated by their submitted-at
 * metadata, a fixed clock when given, scratch files in `tmpDir`, no log lines.
 */
export function testIngestHandler(
  s3: LocalS3,
  opts: { tmpDir: string; client?: S3Client; now?: Date },
): ReturnType<typeof createIngestHandler> {
  const { now } = opts;
  return createIngestHandler({
    s3: opts.client ?? s3.client,
    uploadsBucket: s3.uploadsBucket,
    lakeBucket: s3.lakeBucket,
    trustSubmittedAt: true,
    now: now ? () => now : undefined,
    tmpDir: opts.tmpDir,
    log: () => undefined,
  });
}
