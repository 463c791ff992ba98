/**
 * A poison upload among good ones, handled by as many handlers at once as the ingest function's
 * reserved concurrency in the synthesized template, each event retried as Lambda retries it:
 * the poison ends parked with a receipt after its last allowed attempt, a real bomb gets its
 * receipt on the first, and every other province's upload lands.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { GetObjectCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { createIngestHandler } from '../../../pipeline/ingest/ingest-handler.ts';
import { MAX_VALIDATION_ATTEMPTS, offContractKey } from '../../../pipeline/ingest/park-upload.ts';
import { startLocalS3, type LocalS3 } from '../../../local/local-s3.ts';
import { listObjects } from '../../../pipeline/storage/list-objects.ts';
import { validateUpload } from '../../../pipeline/validate/index.ts';
import { resourcesOfType, synthForTemplate } from '../../infra/synth.ts';
import { widthBomb } from '../../support/upload-bombs.ts';
import { csvRows, debtCsv, pictureOf, putUpload } from './ingest-harness.ts';

const PERIOD = '2025-05';
const GOOD = ['10', '11', '12', '14', '15', '17', '19', '20', '22', '24', '25', '26'];
const POISON = `uploads/debt/${PERIOD}/01/hong.csv`;
const BOMB = `uploads/debt/${PERIOD}/02/bom.xlsx`;
const HUGE = `uploads/debt/${PERIOD}/04/rat-lon.csv`;
const OFF_CONTRACT = [
  `uploads/debt/${PERIOD}/08/thu-muc/con.csv`,
  'uploads/debt/2025-5/08/sai.csv',
  'uploads/x.csv',
];
const MAX_BYTES = 64 * 1024;
const NOW = new Date('2025-06-10T00:00:00.000Z');

let dir: string;
let s3: LocalS3;
const events: S3Event[] = [];
let concurrency: number;
let retryAttempts: number;
const validations = new Map<string, number>();
const deadLetters: string[] = [];

beforeAll(async () => {
  const { template } = synthForTemplate();
  const ingest = Object.values(resourcesOfType(template, 'AWS::Lambda::Function')).find((f) =>
    String(f.Properties?.Description).startsWith('Validates a province upload'),
  );
  concurrency = z.number().int().positive().parse(ingest?.Properties?.ReservedConcurrentExecutions);
  const invokeConfig = Object.values(resourcesOfType(template, 'AWS::Lambda::EventInvokeConfig'))[0];
  retryAttempts = z
    .number()
    .int()
    .min(0)
    .parse(invokeConfig?.Properties?.MaximumRetryAttempts ?? 2);

  dir = await mkdtemp(join(tmpdir(), 'vss-poison-'));
  s3 = await startLocalS3({ dataDir: dir, onEvent: async (event) => void events.push(event) });
  await putUpload(s3.client, s3.uploadsBucket, POISON, debtCsv(3, 1));
  await s3.client.send(new PutObjectCommand({ Bucket: s3.uploadsBucket, Key: BOMB, Body: widthBomb(5000) }));
  await putUpload(s3.client, s3.uploadsBucket, HUGE, debtCsv(2000, 4));
  for (const key of OFF_CONTRACT) await putUpload(s3.client, s3.uploadsBucket, key, debtCsv(1, 8));
  for (const [i, province] of GOOD.entries())
    await putUpload(
      s3.client,
      s3.uploadsBucket,
      `uploads/debt/${PERIOD}/${province}/bao-cao.csv`,
      debtCsv(4, i + 10),
    );
  await s3.idle();

  const handle = createIngestHandler({
    s3: s3.client,
    uploadsBucket: s3.uploadsBucket,
    lakeBucket: s3.lakeBucket,
    tmpDir: dir,
    now: () => NOW,
    maxBytes: MAX_BYTES,
    log: () => undefined,
    // The poison stands for a file the validator cannot finish (it throws, as a crash would end it).
    validate: async (input) => {
      validations.set(input.key, (validations.get(input.key) ?? 0) + 1);
      if (input.key === POISON) throw new Error('the checker stopped');
      return validateUpload(input);
    },
  });
  // `concurrency` handlers take events from one queue; each event gets 1 + retryAttempts tries.
  const queue = [...events];
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      for (let event = queue.shift(); event; event = queue.shift()) {
        let done = false;
        for (let attempt = 0; attempt <= retryAttempts && !done; attempt += 1) {
          done = await handle(event).then(
            () => true,
            () => false,
          );
        }
        if (!done) deadLetters.push(event.Records[0]!.s3.object.key);
      }
    }),
  );
}, 180_000);

afterAll(async () => {
  await s3?.close();
  await rm(dir, { recursive: true, force: true });
});

async function receiptOf(province: string) {
  const keys = (await listObjects(s3.client, s3.lakeBucket, `receipts/debt/${PERIOD}/${province}/`)).map(
    (o) => o.key,
  );
  expect(keys).toHaveLength(1);
  const got = await s3.client.send(new GetObjectCommand({ Bucket: s3.lakeBucket, Key: keys[0] }));
  return z
    .object({
      status: z.string(),
      errors: z.array(z.object({ rule: z.string(), message_vi: z.string(), message_en: z.string() })),
    })
    .parse(JSON.parse(await got.Body!.transformToString()));
}

describe('a poison upload under the synthesized concurrency', () => {
  it('runs as many handlers as the template reserves, each event retried as Lambda does', () => {
    expect(concurrency).toBe(10);
    expect(retryAttempts).toBe(2);
    expect(events.length).toBe(GOOD.length + 3 + OFF_CONTRACT.length);
  });

  it('parks the poison with a receipt after its last allowed attempt, never dead-lettered', async () => {
    expect(validations.get(POISON)).toBe(MAX_VALIDATION_ATTEMPTS);
    expect(deadLetters).toEqual([]);
    const receipt = await receiptOf('01');
    expect(receipt.status).toBe('rejected');
    expect(receipt.errors.map((e) => e.rule)).toEqual(['file.unprocessable']);
    expect(receipt.errors[0]!.message_vi).toContain('không xử lý lại');
    expect(receipt.errors[0]!.message_en).toContain('will not be retried');
    expect(await listObjects(s3.client, s3.lakeBucket, 'attempts/')).toEqual([]);
  });

  it('answers the width bomb with a receipt on its first validation', async () => {
    expect(validations.get(BOMB)).toBe(1);
    expect((await receiptOf('02')).errors.map((e) => e.rule)).toEqual(['file.limit']);
  });

  it('refuses an upload over the size limit from the size the GET answers with, without validating it', async () => {
    expect(validations.has(HUGE)).toBe(false);
    expect((await receiptOf('04')).errors.map((e) => e.rule)).toEqual(['file.too_large']);
  });

  it('answers every key outside the contract with a refusal', async () => {
    for (const key of OFF_CONTRACT) {
      const got = await s3.client.send(
        new GetObjectCommand({ Bucket: s3.lakeBucket, Key: offContractKey(key) }),
      );
      const refusal = JSON.parse(await got.Body!.transformToString()) as Record<string, string>;
      expect(refusal).toMatchObject({ key, status: 'rejected', rule: 'file.off_contract' });
      expect(refusal.message_en).toContain('not where uploads go');
    }
  });

  it("lands every other province's upload, each with exactly its rows", async () => {
    const picture = await pictureOf(s3.client, s3.lakeBucket, dir);
    const lake = Object.entries(picture.lake).map(([key, l]) => [key, l.rows] as const);
    expect(lake.map(([key]) => /province=(\d{2})/.exec(key)![1]).sort()).toEqual(GOOD);
    for (const [i, province] of GOOD.entries()) {
      const rows = lake.find(([key]) => key.includes(`province=${province}/`))![1];
      expect(rows).toEqual(csvRows(debtCsv(4, i + 10)));
    }
  });
});
