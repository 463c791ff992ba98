/**
 * An upload held by a sign-off replaces nothing in the lake; its ledger record names the approved
 * upload it would replace once reopened. With two re-uploads while locked, the ledger alone
 * (decide.ts) would name the first re-upload for the second: the record must name the approved one.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { PutObjectCommand } from '@aws-sdk/client-s3';
import type { S3Event } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { putApproval } from '../../../pipeline/approval/approval-store.ts';
import { signOff } from '../../../pipeline/approval/sign-off.ts';
import { readLakeStamp } from '../../../pipeline/lake/write-partition.ts';
import { listLedger } from '../../../pipeline/ledger/ledger-store.ts';
import { startLocalS3, type LocalS3 } from '../../../local/local-s3.ts';
import { debtCsv, testIngestHandler } from './ingest-harness.ts';

const PM = { dataset: 'debt', period: '2025-03', province: '01' } as const;
let dir: string;
let s3: LocalS3;
let handle: (event: S3Event) => Promise<void>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vss-held-'));
  s3 = await startLocalS3({ dataDir: dir, concurrency: 1, onEvent: (event) => handle(event) });
  handle = testIngestHandler(s3, { tmpDir: dir });
}, 60_000);

afterAll(async () => {
  await s3?.close();
  await rm(dir, { recursive: true, force: true });
});

async function upload(fileName: string, body: string, submittedAt: string) {
  await s3.client.send(
    new PutObjectCommand({
      Bucket: s3.uploadsBucket,
      Key: `uploads/debt/${PM.period}/${PM.province}/${fileName}`,
      Body: body,
      Metadata: { 'submitted-at': submittedAt },
    }),
  );
  await s3.idle();
}

const record = async (fileName: string) =>
  (await listLedger(s3.client, s3.lakeBucket, PM)).find((r) => r.file_name === fileName);

describe('a held upload on the ledger', () => {
  it('names the approved upload it would supersede, not the upload before it', async () => {
    await upload('a.csv', debtCsv(3, 1), '2025-04-05T02:00:00Z');
    const a = await record('a.csv');
    expect(a?.supersedes).toBeNull();
    const outcome = await signOff(
      s3.client,
      s3.lakeBucket,
      { scope: '01', role: 'director', actor: 'giam.doc.01' },
      { action: 'approve', ...PM, covers: [{ dataset: 'debt', upload_id: a!.upload_id }] },
      new Date('2025-04-06T01:00:00Z'),
    );
    if (!outcome.ok) throw new Error(outcome.error);
    const key = await putApproval(s3.client, s3.lakeBucket, outcome.record);
    await handle({
      Records: [{ eventName: 'ObjectCreated:Put', s3: { bucket: { name: s3.lakeBucket }, object: { key } } }],
    } as unknown as S3Event);

    await upload('b.csv', debtCsv(4, 2), '2025-04-07T02:00:00Z');
    await upload('c.csv', debtCsv(5, 3), '2025-04-08T02:00:00Z');
    const b = await record('b.csv');
    const c = await record('c.csv');
    expect([b?.status, c?.status]).toEqual(['accepted', 'accepted']);
    expect(b?.supersedes).toBe(a!.upload_id);
    expect(c?.supersedes).toBe(a!.upload_id);
    // both are kept, neither is in the lake
    const stamp = await readLakeStamp(s3.client, s3.lakeBucket, PM.dataset, PM.period, PM.province);
    expect(stamp?.uploadId).toBe(a!.upload_id);
  }, 120_000);
});
