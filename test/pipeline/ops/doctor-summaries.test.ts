/**
 * A re-upload replaces a province-month, and the handler dies between the lake write and the
 * summary write (a crash injected on the summary PUT, and no retry): the lake holds the new
 * upload, the summary still the old one's. Doctor finds it by the summary's stamp and, asked to
 * repair, recomputes it from the lake: the bucket then matches a clean run exactly.
 */
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { S3Event } from 'aws-lambda';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConsistency } from '../../../pipeline/ops/check-consistency.ts';
import { repairSummaries } from '../../../pipeline/ops/repair-summaries.ts';
import { startLocalS3, type LocalS3 } from '../../../local/local-s3.ts';
import { deleteAll } from '../../../pipeline/storage/list-objects.ts';
import { readSummaryStamp } from '../../../pipeline/summary/write-summary.ts';
import {
  debtCsv,
  faultyClient,
  pictureOf,
  putUpload,
  testIngestHandler,
  type BucketPicture,
} from '../ingest/ingest-harness.ts';

const PM = 'uploads/debt/2025-03/01/';
const NOW = new Date('2025-04-10T00:00:00.000Z');
let dir: string;
let s3: LocalS3;
const events: S3Event[] = [];
let clean: BucketPicture;
const buckets = () => ({ s3: s3.client, uploadsBucket: s3.uploadsBucket, lakeBucket: s3.lakeBucket });

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vss-doctor-'));
  s3 = await startLocalS3({ dataDir: dir, onEvent: async (event) => void events.push(event) });
  await putUpload(s3.client, s3.uploadsBucket, `${PM}thang-3.csv`, debtCsv(5, 1), '2025-04-05T02:00:00.000Z');
  await s3.idle();
  await putUpload(
    s3.client,
    s3.uploadsBucket,
    `${PM}sua-lan-1.csv`,
    debtCsv(3, 2),
    '2025-04-06T02:00:00.000Z',
  );
  await s3.idle();
  const handle = testIngestHandler(s3, { now: NOW, tmpDir: dir });
  for (const event of events) await handle(event);
  clean = await pictureOf(s3.client, s3.lakeBucket, dir);
  await deleteAll(s3.client, s3.lakeBucket, '');
});

afterAll(async () => {
  await s3?.close();
  await rm(dir, { recursive: true, force: true });
});

describe('summaries stamped with their upload', () => {
  it('a clean run stamps the summary with the upload in force, and doctor finds nothing', async () => {
    await testIngestHandler(s3, { now: NOW, tmpDir: dir })(events[0]!);
    await testIngestHandler(s3, { now: NOW, tmpDir: dir })(events[1]!);
    const report = await checkConsistency(buckets());
    expect(report.problems).toEqual([]);
    expect(await readSummaryStamp(s3.client, s3.lakeBucket, 'debt', '2025-03', '01')).toBe(
      report.winners.get('debt/2025-03/01'),
    );
    await deleteAll(s3.client, s3.lakeBucket, '');
  });

  it('a crash between lake and summary writes is found by doctor and repaired', async () => {
    await testIngestHandler(s3, { now: NOW, tmpDir: dir })(events[0]!);
    const first = (await checkConsistency(buckets())).winners.get('debt/2025-03/01');
    const faulty = faultyClient(s3.endpoint, { prefix: 'summaries/', when: 'before' });
    try {
      await expect(
        testIngestHandler(s3, { client: faulty.client, now: NOW, tmpDir: dir })(events[1]!),
      ).rejects.toThrow();
      expect(faulty.fired()).toBe(1);
    } finally {
      faulty.client.destroy();
    }
    const crashed = await pictureOf(s3.client, s3.lakeBucket, dir);
    expect(crashed.lake).toEqual(clean.lake);
    expect(crashed.summaries).not.toEqual(clean.summaries);
    expect(await readSummaryStamp(s3.client, s3.lakeBucket, 'debt', '2025-03', '01')).toBe(first);

    const report = await checkConsistency(buckets());
    expect(report.problems).toEqual([{ kind: 'summary-stale', key: 'debt/2025-03/01' }]);
    const winner = report.winners.get('debt/2025-03/01')!;
    expect(winner).not.toBe(first);

    const dry = await repairSummaries({ ...buckets(), ...report, dryRun: true, tmpDir: dir });
    expect(dry).toEqual([{ key: 'debt/2025-03/01', uploadId: winner, action: 'would-rewrite' }]);
    expect((await pictureOf(s3.client, s3.lakeBucket, dir)).summaries).toEqual(crashed.summaries);

    const done = await repairSummaries({ ...buckets(), ...report, tmpDir: dir });
    expect(done.map((r) => r.action)).toEqual(['rewritten']);
    expect((await checkConsistency(buckets())).problems).toEqual([]);
    expect(await pictureOf(s3.client, s3.lakeBucket, dir)).toEqual(clean);
  });

  it('reports a missing summary, and leaves a summary alone while the lake is not settled', async () => {
    await deleteAll(s3.client, s3.lakeBucket, 'summaries/');
    expect((await checkConsistency(buckets())).problems).toEqual([
      { kind: 'summary-missing', key: 'debt/2025-03/01' },
    ]);
    await deleteAll(s3.client, s3.lakeBucket, 'lake/');
    const report = await checkConsistency(buckets());
    const repairs = await repairSummaries({ ...buckets(), ...report, tmpDir: dir });
    expect(repairs.map((r) => r.action)).toEqual(['lake-not-settled']);
  });
});
