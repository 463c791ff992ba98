/**
 * The ingest handler with validation's DuckDB path against the same handler on the JavaScript
 * path, over the same upload event: the same receipt, ledger record (rows checksum included),
 * lake object (rows and stamp) and summary; and the staged lake file is gone afterwards.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { ValidateUpload } from '../../../pipeline/ingest/validate-port.ts';
import { createIngestHandler } from '../../../pipeline/ingest/ingest-handler.ts';
import { startLocalS3, type LocalS3 } from '../../../local/local-s3.ts';
import { deleteAll } from '../../../pipeline/storage/list-objects.ts';
import { validateUpload } from '../../../pipeline/validate/index.ts';
import { csvBytes, dataRows } from './ingest-fast-corpus.ts';
import { pictureOf, withoutWriteTimes } from './ingest-harness.ts';

let dir: string;
let work: string;
let s3: LocalS3;
const events: S3Event[] = [];

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vss-fast-ingest-'));
  work = await mkdtemp(join(tmpdir(), 'vss-fast-work-'));
  s3 = await startLocalS3({ dataDir: dir, onEvent: async (e) => void events.push(e) });
  const body = Buffer.from(csvBytes('debt', { rows: dataRows('debt', 400) }));
  await s3.client.send(
    new PutObjectCommand({
      Bucket: s3.uploadsBucket,
      Key: 'uploads/debt/2025-05/79/no-thang-5.csv',
      Body: body,
    }),
  );
  await s3.idle();
});

afterAll(async () => {
  await s3?.close();
  await rm(dir, { recursive: true, force: true });
  await rm(work, { recursive: true, force: true });
});

const handler = (validate: ValidateUpload) =>
  createIngestHandler({
    s3: s3.client,
    uploadsBucket: s3.uploadsBucket,
    lakeBucket: s3.lakeBucket,
    tmpDir: work,
    validate,
    log: () => undefined,
  });

it('writes the same receipt, ledger, lake object and summary on either path', async () => {
  expect(events).toHaveLength(1);
  let tookFastPath = false;
  const fast: ValidateUpload = async (input) => {
    const result = await validateUpload({
      ...input,
      fastPath: input.fastPath && { ...input.fastPath, minBytes: 0 },
    });
    tookFastPath ||= result.lake !== undefined;
    return result;
  };
  await handler(fast)(events[0]!);
  expect(tookFastPath).toBe(true);
  const viaDuckDB = await pictureOf(s3.client, s3.lakeBucket, work);
  expect(await readdir(work).then((names) => names.filter((n) => n.startsWith('vss-')))).toEqual([]);

  await deleteAll(s3.client, s3.lakeBucket, '');
  await handler((input) => validateUpload({ ...input, fastPath: undefined }))(events[0]!);
  const viaJs = await pictureOf(s3.client, s3.lakeBucket, work);

  expect(Object.keys(viaJs.lake)).toHaveLength(1);
  expect(Object.values(viaJs.lake)[0]!.rows).toHaveLength(400);
  expect(viaDuckDB.lake).toEqual(viaJs.lake);
  expect(viaDuckDB.receipts).toEqual(viaJs.receipts);
  expect(viaDuckDB.summaries).toEqual(viaJs.summaries);
  expect(withoutWriteTimes(viaDuckDB.ledger)).toEqual(withoutWriteTimes(viaJs.ledger));
  expect(Object.values(viaJs.ledger)[0]!.rows_sha256).toMatch(/^parquet-sha256\/v[0-9.]+:[0-9a-f]{64}$/);
});
