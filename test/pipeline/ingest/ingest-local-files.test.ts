import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { GetObjectCommand, ListObjectsCommand, PutObjectCommand } from '@aws-sdk/client-s3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DATASETS, type DatasetName } from '../../../core/datasets/index.ts';
import { ledgerRecord } from '../../../core/contracts/ledger-record.ts';
import { ingestFiles } from '../../../local/ingest-files.ts';
import { startLocalS3 } from '../../../local/local-s3.ts';
import { filesAt, filesFromFolder, locationOfPath } from '../../../local/upload-files.ts';

/** A one-line CSV with the template's keys as header; `values` in column order. */
function csv(dataset: DatasetName, values: Record<string, string | number>): string {
  const keys = DATASETS[dataset].columns.map((c) => c.key);
  return `${keys.join(',')}\n${keys.map((k) => values[k]).join(',')}\n`;
}

const enforcement = (violating: number) =>
  csv('enforcement', {
    so_cuoc_thanh_tra: 4,
    so_don_vi_duoc_thanh_tra: 20,
    so_don_vi_vi_pham: violating,
    so_quyet_dinh_xu_phat: 3,
    tien_phat: 150_000_000,
    tien_phat_da_thu: 90_000_000,
  });

let root: string;
beforeAll(async () => {
  root = await mkdtemp(join(tmpdir(), 'vss-local-ingest-'));
});
afterAll(() => rm(root, { recursive: true, force: true }));

async function put(path: string, text: string) {
  await mkdir(dirname(path), { recursive: true });
  await writeFile(path, text);
}

/** Every ledger record in the lake bucket, read through a fresh local S3 on the same data dir. */
async function ledgerOf(dataDir: string) {
  const s3 = await startLocalS3({ dataDir });
  try {
    const list = await s3.client.send(new ListObjectsCommand({ Bucket: s3.lakeBucket, Prefix: 'ledger/' }));
    const lake = await s3.client.send(new ListObjectsCommand({ Bucket: s3.lakeBucket, Prefix: 'lake/' }));
    const records = await Promise.all(
      (list.Contents ?? []).map(async (o) => {
        const got = await s3.client.send(new GetObjectCommand({ Bucket: s3.lakeBucket, Key: o.Key }));
        return ledgerRecord.parse(JSON.parse(await got.Body!.transformToString()));
      }),
    );
    return { records, lakeKeys: (lake.Contents ?? []).map((o) => o.Key).sort() };
  } finally {
    await s3.close();
  }
}

describe('ingestFiles', () => {
  it('ingests a shaped folder once: a second run uploads and counts nothing', async () => {
    const samples = join(root, 'folder');
    const dataDir = join(root, 'data-folder');
    await put(join(samples, 'enforcement/2025-03/01.csv'), enforcement(5));
    await put(join(samples, 'enforcement/2025-08/01.csv'), enforcement(5));
    await put(join(samples, 'enforcement/2025-03/02.csv'), enforcement(25)); // more violating than inspected
    await put(join(samples, 'enforcement/2025-03/notes.txt'), 'not an upload');
    const files = await filesFromFolder(samples);
    expect(files.map((f) => `${f.location.period}/${f.location.province}`)).toEqual([
      '2025-03/01',
      '2025-03/02',
      '2025-08/01',
    ]);
    const progress: number[] = [];
    const first = await ingestFiles({ dataDir, files, onProgress: (done) => progress.push(done) });
    expect(first).toEqual({ uploaded: 3, skipped: 0, accepted: 2, rejected: 1, duplicate: 0, failed: 0 });
    expect(progress.at(-1)).toBe(3);
    const second = await ingestFiles({ dataDir, files });
    expect(second).toEqual({ uploaded: 0, skipped: 3, accepted: 0, rejected: 0, duplicate: 0, failed: 0 });
    const { records, lakeKeys } = await ledgerOf(dataDir);
    expect(records).toHaveLength(3);
    expect(lakeKeys).toEqual([
      'lake/enforcement/period=2025-03/province=01/data.parquet',
      'lake/enforcement/period=2025-08/province=01/data.parquet',
    ]);
  });

  it('takes locations and submission times from a generator manifest', async () => {
    const samples = join(root, 'manifest');
    const dataDir = join(root, 'data-manifest');
    await put(join(samples, 'enforcement/2025-04/01.csv'), enforcement(1));
    const manifest = {
      files: [
        {
          path: 'enforcement/2025-04/01.csv',
          dataset: 'enforcement',
          period: '2025-04',
          province: '01',
          format: 'csv',
          submitted_at: '2025-05-20T03:00:00.000Z',
        },
      ],
    };
    await writeFile(join(samples, 'manifest.json'), JSON.stringify(manifest));
    const files = await filesAt(samples);
    expect(files).toHaveLength(1);
    expect(files[0]!.submittedAt).toBe('2025-05-20T03:00:00.000Z');
    await ingestFiles({ dataDir, files });
    const { records } = await ledgerOf(dataDir);
    expect(records.map((r) => [r.status, r.received_at])).toEqual([['accepted', '2025-05-20T03:00:00.000Z']]);
  });

  it('reads a location only from a path of the upload shape', () => {
    expect(locationOfPath('/x/samples/debt/2025-03/48.xlsx')).toEqual({
      dataset: 'debt',
      period: '2025-03',
      province: '48',
      fileName: '48.xlsx',
    });
    expect(locationOfPath('/x/debt/2025-13/48.csv')).toBeUndefined();
    expect(locationOfPath('/x/loans/2025-03/48.csv')).toBeUndefined();
    expect(locationOfPath('48.csv')).toBeUndefined();
  });
});

describe('startLocalS3', () => {
  it('counts a failing event handler and keeps serving', async () => {
    const dataDir = join(root, 'data-failing');
    let calls = 0;
    const s3 = await startLocalS3({
      dataDir,
      onEvent: async () => {
        calls++;
        throw new Error('handler broke');
      },
      log: () => undefined,
    });
    try {
      const key = 'uploads/debt/2025-03/01/a b+c.csv';
      await s3.client.send(new PutObjectCommand({ Bucket: s3.uploadsBucket, Key: key, Body: 'x' }));
      await s3.client.send(new PutObjectCommand({ Bucket: s3.lakeBucket, Key: 'lake/x', Body: 'x' }));
      await s3.idle();
      expect(s3.failures()).toBe(1);
      expect(calls).toBe(1);
      const got = await s3.client.send(new GetObjectCommand({ Bucket: s3.uploadsBucket, Key: key }));
      expect(await got.Body!.transformToString()).toBe('x');
    } finally {
      await s3.close();
    }
  });
});
