/**
 * What the ingest, fault and replay tests share: upload files, an S3 client that fails on purpose,
 * and an exact picture of the lake bucket (every lake object's rows and stamp, every ledger record
 * and receipt) to compare a run against a clean one.
 */
import { PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import { createIngestHandler } from '../../../pipeline/ingest/ingest-handler.ts';
import type { LedgerRecord } from '../../../core/contracts/ledger-record.ts';
import type { LocalS3 } from '../../../local/local-s3.ts';
import { createS3Client } from '../../../pipeline/storage/s3-client.ts';
import { type BucketPicture } from '../../../tools/fixtures/ingest-fixture.ts';

export {
  brokenDebtCsv,
  csvRows,
  debtCsv,
  pictureOf,
  type BucketPicture,
} from '../../../tools/fixtures/ingest-fixture.ts';

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
