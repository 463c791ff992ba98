/**
 * `vss replay` rebuilds the lake bucket from the uploads alone and gets exactly what the
 * incremental path built: the same rows in every province-month, the same ledger decisions and
 * the same receipts. `vss doctor` finds damage to the lake bucket, and replay repairs it.
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  CopyObjectCommand,
  DeleteObjectCommand,
  HeadObjectCommand,
  PutObjectCommand,
} from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkConsistency } from '../../../pipeline/ops/check-consistency.ts';
import { generateSamples } from '../../../pipeline/generate/index.ts';
import { lakeKey } from '../../../core/contracts/layout.ts';
import { ingestFiles } from '../../../local/ingest-files.ts';
import { startLocalS3 } from '../../../local/local-s3.ts';
import { filesFromManifest, locationOfPath, type LocalUpload } from '../../../local/upload-files.ts';
import { replayLocal } from '../../../local/replay-local.ts';
import {
  brokenDebtCsv,
  debtCsv,
  pictureOf,
  withoutWriteTimes,
  type BucketPicture,
} from '../ingest/ingest-harness.ts';

let dir: string;
let dataDir: string;
let incremental: BucketPicture;

/** Runs `task` against the local S3 of the data directory, started without notifications. */
async function withS3<T>(task: (s3: Awaited<ReturnType<typeof startLocalS3>>) => Promise<T>): Promise<T> {
  const s3 = await startLocalS3({ dataDir });
  try {
    return await task(s3);
  } finally {
    await s3.close();
  }
}

/** A hand-made debt file at `<dir>/extra/<name>` for 2025-08, province 01. */
async function debtFile(name: string, body: string, submittedAt: string): Promise<LocalUpload> {
  const path = join(dir, 'extra', name);
  await writeFile(path, body);
  const location = { ...locationOfPath('debt/2025-08/01.csv')!, fileName: name };
  return { path, location, submittedAt };
}

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'vss-replay-'));
  dataDir = join(dir, 'data');
  await mkdir(join(dir, 'extra'));
  const samples = join(dir, 'samples');
  await generateSamples({ out: samples, from: '2025-08', to: '2025-08', seed: 3, debtorsPerMonth: 200 });
  // CSV only: the streaming XLSX reader fails now and then on the generator's XLSX (workbook.xml
  // stored last), which would make two runs differ for a reason that is not ingest's.
  const generated = (await filesFromManifest(samples)).filter(
    (f) => ['01', '79', '48'].includes(f.location.province) && f.location.fileName.endsWith('.csv'),
  );
  // Waves as provinces send them: first reports, then corrections, a broken file and a resend.
  const waves = [
    generated,
    [await debtFile('sua-lan-1.csv', debtCsv(4, 21), '2025-09-20T03:00:00.000Z')],
    [
      await debtFile('sua-loi.csv', brokenDebtCsv(5, 22), '2025-09-21T03:00:00.000Z'),
      await debtFile('gui-lai.csv', debtCsv(4, 21), '2025-09-22T03:00:00.000Z'),
    ],
  ];
  for (const files of waves) {
    const summary = await ingestFiles({ dataDir, files, concurrency: 4 });
    expect(summary.failed).toBe(0);
  }
  const { picture, report } = await withS3(async (s3) => ({
    picture: await pictureOf(s3.client, s3.lakeBucket, dir),
    report: await checkConsistency({
      s3: s3.client,
      uploadsBucket: s3.uploadsBucket,
      lakeBucket: s3.lakeBucket,
    }),
  }));
  expect(report.problems).toEqual([]);
  incremental = picture;
}, 120_000);

afterAll(async () => {
  await rm(dir, { recursive: true, force: true });
});

describe('vss replay', () => {
  it('the incremental run covers accepted, superseded, rejected and duplicate uploads', () => {
    const statuses = Object.values(incremental.ledger).map((r) => r.status);
    expect(new Set(statuses)).toEqual(new Set(['accepted', 'rejected', 'duplicate']));
    expect(Object.values(incremental.ledger).some((r) => r.supersedes !== null)).toBe(true);
    expect(Object.keys(incremental.lake).length).toBeGreaterThan(5);
  });

  it('rebuilds exactly the same lake, ledger decisions and receipts from the uploads alone', async () => {
    const summary = await replayLocal({ dataDir });
    expect(summary.failed).toBe(0);
    expect(summary.uploads).toBe(Object.keys(incremental.ledger).length);
    const replayed = await withS3((s3) => pictureOf(s3.client, s3.lakeBucket, dir));
    expect(replayed.lake).toEqual(incremental.lake);
    expect(withoutWriteTimes(replayed.ledger)).toEqual(withoutWriteTimes(incremental.ledger));
    expect(replayed.receipts).toEqual(incremental.receipts);
  });
});

describe('vss doctor', () => {
  it('finds nothing wrong after ingest or replay', async () => {
    const report = await withS3((s3) =>
      checkConsistency({ s3: s3.client, uploadsBucket: s3.uploadsBucket, lakeBucket: s3.lakeBucket }),
    );
    expect(report.problems).toEqual([]);
    expect(report.uploads).toBe(Object.keys(incremental.ledger).length);
  });

  it('names a lost ledger record, a stale and a missing lake object; replay repairs them', async () => {
    const [record] = Object.entries(incremental.ledger).filter(([, r]) => r.dataset === 'coverage');
    const gone = Object.keys(incremental.lake).find((k) => k.startsWith('lake/procedures/'))!;
    const gonePm = /^lake\/(\w+)\/period=([\d-]+)\/province=(\d+)\//.exec(gone)!.slice(1).join('/');
    const recordPm = `${record![1].dataset}/${record![1].period}/${record![1].province}`;
    const report = await withS3(async (s3) => {
      const lake = s3.lakeBucket;
      await s3.client.send(new DeleteObjectCommand({ Bucket: lake, Key: record![0] }));
      await s3.client.send(new DeleteObjectCommand({ Bucket: lake, Key: gone }));
      await s3.client.send(
        new PutObjectCommand({
          Bucket: lake,
          Key: lakeKey('debt', '2025-08', '01'),
          Body: 'not the rows in force',
        }),
      );
      return checkConsistency({ s3: s3.client, uploadsBucket: s3.uploadsBucket, lakeBucket: lake });
    });
    // The lost record leaves its upload unrecorded and its lake object without an upload in force.
    expect(report.problems).toEqual([
      { kind: 'lake-missing', key: gonePm },
      { kind: 'lake-orphan', key: recordPm },
      { kind: 'lake-stale', key: 'debt/2025-08/01' },
      { kind: 'upload-unrecorded', key: record![1].key },
    ]);
    await replayLocal({ dataDir });
    const after = await withS3(async (s3) => ({
      report: await checkConsistency({
        s3: s3.client,
        uploadsBucket: s3.uploadsBucket,
        lakeBucket: s3.lakeBucket,
      }),
      picture: await pictureOf(s3.client, s3.lakeBucket, dir),
    }));
    expect(after.report.problems).toEqual([]);
    expect(after.picture.lake).toEqual(incremental.lake);
  });

  it('compares checksums of one scheme only: a v1 record beside its lake object is accepted', async () => {
    const [key, winner] = Object.entries(incremental.ledger).find(
      ([, r]) => r.dataset === 'debt' && r.status === 'accepted' && r.rows_sha256,
    )!;
    const pm = `${winner.dataset}/${winner.period}/${winner.province}`;
    expect(winner.rows_sha256).toMatch(/^parquet-sha256\/v[0-9.]+:[0-9a-f]{64}$/);
    const problems = await withS3(async (s3) => {
      const check = () =>
        checkConsistency({ s3: s3.client, uploadsBucket: s3.uploadsBucket, lakeBucket: s3.lakeBucket });
      // A record written before v2 carries 64 hex digits over the rows as JSON lines.
      const v1 = { ...winner, rows_sha256: 'ab'.repeat(32) };
      await s3.client.send(
        new PutObjectCommand({ Bucket: s3.lakeBucket, Key: key, Body: JSON.stringify(v1) }),
      );
      const withV1 = (await check()).problems;
      // Same scheme, other bytes: the lake object does not hold the rows on record.
      const lake = lakeKey('debt', winner.period, winner.province);
      const head = await s3.client.send(new HeadObjectCommand({ Bucket: s3.lakeBucket, Key: lake }));
      await s3.client.send(
        new PutObjectCommand({ Bucket: s3.lakeBucket, Key: key, Body: JSON.stringify(winner) }),
      );
      const other = winner.rows_sha256!.replace(/:[0-9a-f]{64}$/, `:${'cd'.repeat(32)}`);
      await s3.client.send(
        new CopyObjectCommand({
          Bucket: s3.lakeBucket,
          Key: lake,
          CopySource: `${s3.lakeBucket}/${lake}`,
          MetadataDirective: 'REPLACE',
          Metadata: { ...head.Metadata, 'rows-sha256': other },
        }),
      );
      const withOther = (await check()).problems;
      await s3.client.send(
        new CopyObjectCommand({
          Bucket: s3.lakeBucket,
          Key: lake,
          CopySource: `${s3.lakeBucket}/${lake}`,
          MetadataDirective: 'REPLACE',
          Metadata: head.Metadata,
        }),
      );
      return { withV1, withOther, after: (await check()).problems };
    });
    expect(problems.withV1).toEqual([]);
    expect(problems.withOther).toEqual([{ kind: 'lake-stale', key: pm }]);
    expect(problems.after).toEqual([]);
  });
});
